#include <string>

#include "common/error.hpp"
#include "org/audit.hpp"
#include "org/passwords.hpp"
#include "org/policy.hpp"
#include "org/service.hpp"
#include "org/store.hpp"
#include "org/usernames.hpp"
#include "org/vn_text.hpp"
#include "people/service.hpp"
#include "people/store.hpp"
#include "people/vn_text.hpp"

namespace hocvu::people {
namespace {

std::string JoinSubjects(const std::vector<std::string>& subjects) {
    std::string out;
    for (const std::string& s : subjects)
        out += (out.empty() ? "" : ",") + s;
    return out;
}

}  // namespace

StaffMember InsertStaffTx(storage::Tx& tx, app::Context& ctx, const org::Unit& school, const StaffInput& s,
                          const std::optional<std::string>& password_hash, bool must_change_password) {
    std::optional<std::int64_t> account_id;
    if (password_hash) {
        org::PersonName name{s.family_name, s.middle_name, s.given_name};
        std::string username = org::PickStaffUsername(
            name, school.code, [&](const std::string& u) { return org::store::UsernameTaken(tx, u); });
        org::Account account =
            org::InsertAccount(tx, ctx, school.id, "person", username,
                               org::NewAccount{school.id, s.family_name, s.middle_name, s.given_name}, *password_hash,
                               must_change_password);
        account_id = account.id;
    }
    std::int64_t id = ctx.ids.Next();
    tx.Exec(store::kInsertStaff, {school.id, id, account_id ? storage::Value(*account_id) : storage::Value(nullptr),
                                  s.family_name, s.middle_name, s.given_name, s.full_name, org::FoldAscii(s.full_name),
                                  s.birth_date, s.gender, s.ethnicity, s.phone, s.email, s.position,
                                  JoinSubjects(s.subjects), s.qualification, s.professional_rank, ctx.clock.Now()});
    return *FindStaffTx(tx, id);
}

std::optional<StaffMember> FindStaffTx(storage::Tx& tx, std::int64_t id) {
    auto row = tx.QueryOne(
        "SELECT " + std::string(store::kStaffColumns) + std::string(store::kStaffFrom) + "WHERE s.id = $1", {id});
    if (!row)
        return std::nullopt;
    return store::ReadStaff(*row);
}

void LinkStaffAccountTx(storage::Tx& tx, std::int64_t unit_id, std::int64_t staff_id, std::int64_t account_id) {
    tx.Exec("UPDATE staff SET account_id = $3 WHERE unit_id = $1 AND id = $2", {unit_id, staff_id, account_id});
}

void LinkGuardianAccountTx(storage::Tx& tx, std::int64_t unit_id, std::int64_t guardian_id, std::int64_t account_id) {
    tx.Exec("UPDATE guardians SET account_id = $3 WHERE unit_id = $1 AND id = $2", {unit_id, guardian_id, account_id});
}

CreatedStaff CreateStaff(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id, const StaffInput& input,
                         bool with_account, std::string_view client_address) {
    CheckedStaff checked = CheckStaff(input);
    ThrowIfProblems(checked.problems);
    std::string password = with_account ? org::RandomPassword() : "";
    std::optional<std::string> hash;
    if (with_account)
        hash = org::HashPassword(password);
    StaffMember staff = ctx.db.Write([&](storage::Tx& tx) {
        org::Unit school = SchoolOf(tx, unit_id);
        org::Require(actor, kManageRecords, org::UnitScope(school));
        if (with_account)
            org::EnsureUnlocked(tx, school.id, "accounts");
        StaffMember s = InsertStaffTx(tx, ctx, school, checked.clean, hash, true);
        org::AppendAudit(tx, ctx.ids, ctx.clock,
                         {school.id,
                          actor.account_id,
                          "people.staff_created",
                          "staff:" + std::to_string(s.id),
                          std::string(client_address),
                          {{"username", s.username}}});
        return s;
    });
    return {staff, password};
}

std::vector<StaffMember> ListStaff(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id,
                                   std::string_view query) {
    return ctx.db.Read([&](storage::Tx& tx) {
        org::Unit school = SchoolOf(tx, unit_id);
        org::Require(actor, org::Permission::kAccountRead, org::UnitScope(school));
        std::string key;
        for (char c : org::FoldAscii(query)) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ')
                key.push_back(c);
        }
        storage::Params params{unit_id};
        std::string sql =
            "SELECT " + std::string(store::kStaffColumns) + std::string(store::kStaffFrom) + "WHERE s.unit_id = $1";
        if (!key.empty()) {
            params.emplace_back(org::CollapseSpaces(key));
            sql += " AND s.search_name LIKE '%' || $2 || '%'";
        }
        std::vector<StaffMember> out;
        for (const storage::Row& row : tx.Query(sql, params))
            out.push_back(store::ReadStaff(row));
        SortVietnamese(out);
        return out;
    });
}

StaffMember GetStaff(app::Context& ctx, const org::Actor& actor, std::int64_t id) {
    return ctx.db.Read([&](storage::Tx& tx) {
        auto s = FindStaffTx(tx, id);
        if (!s)
            throw Error(Code::kNotFound, "no such staff member");
        if (s->account_id != actor.account_id) {
            org::Require(actor, org::Permission::kAccountRead, org::UnitScope(SchoolOf(tx, s->unit_id)));
        }
        return *s;
    });
}

StaffMember UpdateStaff(app::Context& ctx, const org::Actor& actor, std::int64_t id, const StaffInput& input,
                        std::string_view client_address) {
    CheckedStaff checked = CheckStaff(input);
    ThrowIfProblems(checked.problems);
    const StaffInput& s = checked.clean;
    return ctx.db.Write([&](storage::Tx& tx) {
        auto current = FindStaffTx(tx, id);
        if (!current)
            throw Error(Code::kNotFound, "no such staff member");
        org::Unit school = SchoolOf(tx, current->unit_id);
        org::Require(actor, kManageRecords, org::UnitScope(school));
        const std::string search = org::FoldAscii(s.full_name);
        tx.Exec(store::kUpdateStaff, {school.id, id, s.family_name, s.middle_name, s.given_name, s.full_name, search,
                                      s.birth_date, s.gender, s.ethnicity, s.phone, s.email, s.position,
                                      JoinSubjects(s.subjects), s.qualification, s.professional_rank,
                                      ctx.clock.Now()});
        if (current->account_id) {
            tx.Exec(store::kRenameAccount,
                    {school.id, *current->account_id, s.family_name, s.middle_name, s.given_name, s.full_name, search});
        }
        std::vector<std::pair<std::string, std::string>> details{{"staff", std::to_string(id)}};
        const std::pair<const char*, std::pair<std::string, std::string>> fields[] = {
            {"full_name", {current->full_name, s.full_name}},
            {"birth_date", {current->birth_date, s.birth_date}},
            {"gender", {current->gender, s.gender}},
            {"ethnicity", {current->ethnicity, s.ethnicity}},
            {"phone", {current->phone, s.phone}},
            {"email", {current->email, s.email}},
            {"position", {current->position, s.position}},
            {"subjects", {JoinSubjects(current->subjects), JoinSubjects(s.subjects)}},
            {"qualification", {current->qualification, s.qualification}},
            {"professional_rank", {current->professional_rank, s.professional_rank}},
        };
        std::string changed;
        for (const auto& [name, values] : fields) {
            if (values.first != values.second)
                changed += (changed.empty() ? "" : ",") + std::string(name);
        }
        details.emplace_back("changed", changed);
        org::AppendAudit(tx, ctx.ids, ctx.clock,
                         {school.id, actor.account_id, "people.staff_updated", "staff:" + std::to_string(id),
                          std::string(client_address), details});
        return *FindStaffTx(tx, id);
    });
}

}  // namespace hocvu::people
