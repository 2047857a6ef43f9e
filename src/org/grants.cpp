#include <string>

#include "org/audit.hpp"
#include "org/policy.hpp"
#include "org/service.hpp"
#include "org/store.hpp"

namespace hocvu::org {
namespace {

storage::Value Opt(const std::optional<std::int64_t>& v) { return v ? storage::Value(*v) : storage::Value(nullptr); }
storage::Value Opt(const std::optional<std::string>& v) { return v ? storage::Value(*v) : storage::Value(nullptr); }

void CheckShape(const NewGrant& g) {
    bool needs_class = g.role == Role::kHomeroomTeacher || g.role == Role::kSubjectTeacher;
    bool needs_subject = g.role == Role::kSubjectTeacher;
    bool needs_student = g.role == Role::kParent || g.role == Role::kStudent;
    if (needs_class != g.class_id.has_value()) throw Error(Code::kValidation, "class_id fits only class roles");
    if (needs_subject != g.subject.has_value()) throw Error(Code::kValidation, "subject fits only subject teachers");
    if (needs_student != g.student_id.has_value()) {
        throw Error(Code::kValidation, "student_id fits only parents and students");
    }
    if (g.subject && (g.subject->empty() || g.subject->size() > 40)) throw Error(Code::kValidation, "bad subject");
}

}  // namespace

Grant InsertGrant(storage::Tx& tx, app::Context& ctx, std::int64_t unit_id, const NewGrant& input,
                  std::int64_t granted_by) {
    Grant g{ctx.ids.Next(), unit_id, input.account_id, input.role, input.class_id, input.subject, input.student_id};
    tx.Exec(store::kInsertGrant, {g.unit_id, g.id, g.account_id, std::string(Name(g.role)), Opt(g.class_id),
                                  Opt(g.subject), Opt(g.student_id), granted_by, ctx.clock.Now()});
    return g;
}

std::vector<Grant> ListGrants(app::Context& ctx, const Actor& actor, std::int64_t unit_id,
                              std::optional<std::int64_t> account_id) {
    return ctx.db.Read([&](storage::Tx& tx) {
        auto unit = store::FindUnit(tx, unit_id);
        if (!unit) throw Error(Code::kNotFound, "no such unit");
        Require(actor, Permission::kAccountRead, UnitScope(*unit));
        storage::Params params{unit_id};
        std::string sql = "SELECT " + std::string(store::kGrantColumns) + " FROM grants WHERE unit_id = $1";
        if (account_id) {
            params.emplace_back(*account_id);
            sql += " AND account_id = $2";
        }
        sql += " ORDER BY id";
        std::vector<Grant> grants;
        for (const storage::Row& row : tx.Query(sql, params)) grants.push_back(store::ReadGrant(row));
        return grants;
    });
}

Grant AddGrant(app::Context& ctx, const Actor& actor, const NewGrant& input, std::string_view client_address) {
    CheckShape(input);
    return ctx.db.Write([&](storage::Tx& tx) {
        auto account = store::FindAccount(tx, input.account_id);
        if (!account) throw Error(Code::kNotFound, "no such account");
        auto unit = store::FindUnit(tx, account->unit_id);
        if (!unit) throw Error(Code::kNotFound, "no such unit");
        Require(actor, Permission::kGrantManage, UnitScope(*unit));
        if (!RoleFitsUnit(input.role, unit->kind)) {
            throw Error(Code::kValidation, std::string("role ") + std::string(Name(input.role)) + " does not fit a " +
                                               std::string(Name(unit->kind)));
        }
        Grant g = InsertGrant(tx, ctx, unit->id, input, actor.account_id);
        AppendAudit(tx, ctx.ids, ctx.clock,
                    {unit->id, actor.account_id, "org.role_granted", "account:" + std::to_string(account->id),
                     std::string(client_address), {{"role", std::string(Name(g.role))}, {"grant", std::to_string(g.id)}}});
        return g;
    });
}

void RemoveGrant(app::Context& ctx, const Actor& actor, std::int64_t grant_id, std::string_view client_address) {
    ctx.db.Write([&](storage::Tx& tx) {
        auto row = tx.QueryOne("SELECT " + std::string(store::kGrantColumns) + " FROM grants WHERE id = $1", {grant_id});
        if (!row) throw Error(Code::kNotFound, "no such grant");
        Grant g = store::ReadGrant(*row);
        auto unit = store::FindUnit(tx, g.unit_id);
        if (!unit) throw Error(Code::kNotFound, "no such unit");
        Require(actor, Permission::kGrantManage, UnitScope(*unit));
        if (g.account_id == actor.account_id && g.role == Role::kUnitAdmin) {
            throw Error(Code::kConflict, "an admin cannot remove their own admin role");
        }
        tx.Exec("DELETE FROM grants WHERE unit_id = $1 AND id = $2", {g.unit_id, g.id});
        AppendAudit(tx, ctx.ids, ctx.clock,
                    {unit->id, actor.account_id, "org.role_revoked", "account:" + std::to_string(g.account_id),
                     std::string(client_address), {{"role", std::string(Name(g.role))}, {"grant", std::to_string(g.id)}}});
    });
}

}  // namespace hocvu::org
