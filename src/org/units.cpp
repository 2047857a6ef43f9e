#include <algorithm>
#include <set>
#include <string>

#include "org/audit.hpp"
#include "org/passwords.hpp"
#include "org/policy.hpp"
#include "org/service.hpp"
#include "org/store.hpp"
#include "org/usernames.hpp"
#include "org/vn_text.hpp"

namespace hocvu::org {
namespace {

const std::set<std::string>& KnownLevels() {
    static const std::set<std::string> levels = {"MN", "TH", "THCS", "THPT"};
    return levels;
}

/// ORG-1: Bộ → Sở → Phòng → Trường; the Sở also runs THPT schools and GDTX centres directly.
bool ChildKindAllowed(UnitKind parent, UnitKind child) {
    switch (parent) {
        case UnitKind::kMinistry: return child == UnitKind::kProvince;
        case UnitKind::kProvince:
            return child == UnitKind::kDistrict || child == UnitKind::kSchool || child == UnitKind::kCentre;
        case UnitKind::kDistrict: return child == UnitKind::kSchool || child == UnitKind::kCentre;
        default: return false;
    }
}

std::vector<std::string> CheckLevels(UnitKind kind, const std::vector<std::string>& levels) {
    std::vector<std::string> out;
    for (const std::string& level : levels) {
        if (!KnownLevels().contains(level)) throw Error(Code::kValidation, "unknown level: " + level);
        if (std::find(out.begin(), out.end(), level) == out.end()) out.push_back(level);
    }
    if (IsAuthority(kind) && !out.empty()) throw Error(Code::kValidation, "authorities teach no levels");
    if (!IsAuthority(kind) && out.empty()) throw Error(Code::kValidation, "a school needs at least one level");
    return out;
}

std::string CheckName(std::string_view name) {
    std::string clean = CollapseSpaces(name);
    if (clean.empty() || clean.size() > 200) throw Error(Code::kValidation, "a unit name has 1 to 200 bytes");
    return clean;
}

/// Keeps [a-z0-9 ] of the folded query, so it can go inside LIKE without escaping.
std::string SearchKey(std::string_view text) {
    std::string out;
    for (char c : FoldAscii(text)) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ') out.push_back(c);
    }
    return CollapseSpaces(out);
}

/// SQL condition limiting units to what `actor` may see for `permission`; appends its parameters.
std::string VisibilityCondition(const Actor& actor, Permission permission, storage::Params& params) {
    std::string sql;
    for (const VisibleRoot& root : VisibleRoots(actor, permission)) {
        if (!sql.empty()) sql += " OR ";
        params.emplace_back(root.path);
        std::string p = "$" + std::to_string(params.size());
        if (root.self && root.below) {
            sql += "path LIKE " + p + " || '%'";
        } else if (root.self) {
            sql += "path = " + p;
        } else {
            sql += "(path LIKE " + p + " || '%' AND path <> " + p + ")";
        }
    }
    return sql.empty() ? "1 = 0" : "(" + sql + ")";
}

}  // namespace

Scope UnitScope(const Unit& unit) { return Scope{unit.id, unit.path, {}, {}, {}}; }

std::vector<Unit> SearchUnits(app::Context& ctx, const Actor& actor, const UnitFilter& filter) {
    storage::Params params;
    std::string sql = "SELECT " + std::string(store::kUnitColumns) + " FROM units WHERE " +
                      VisibilityCondition(actor, Permission::kUnitRead, params);
    std::string key = SearchKey(filter.query);
    if (!key.empty()) {
        params.emplace_back(key);
        std::string p = "$" + std::to_string(params.size());
        sql += " AND (search_name LIKE '%' || " + p + " || '%' OR code LIKE '%' || " + p + " || '%')";
    }
    if (filter.kind) {
        params.emplace_back(std::string(Name(*filter.kind)));
        sql += " AND kind = $" + std::to_string(params.size());
    }
    if (filter.level) {
        params.emplace_back(*filter.level);
        sql += " AND (',' || levels || ',') LIKE '%,' || $" + std::to_string(params.size()) + " || ',%'";
    }
    if (filter.district_code) {
        params.emplace_back(*filter.district_code);
        sql += " AND district_code = $" + std::to_string(params.size());
    }
    if (filter.parent_id) {
        params.emplace_back(*filter.parent_id);
        sql += " AND parent_id = $" + std::to_string(params.size());
    }
    sql += " ORDER BY path, name LIMIT 1000";
    return ctx.db.Read([&](storage::Tx& tx) {
        std::vector<Unit> units;
        for (const storage::Row& row : tx.Query(sql, params)) units.push_back(store::ReadUnit(row));
        return units;
    });
}

Unit GetUnit(app::Context& ctx, const Actor& actor, std::int64_t id) {
    auto unit = ctx.db.Read([&](storage::Tx& tx) { return store::FindUnit(tx, id); });
    if (!unit) throw Error(Code::kNotFound, "no such unit");
    Require(actor, Permission::kUnitRead, UnitScope(*unit));
    return *unit;
}

std::vector<Unit> UnitChildren(app::Context& ctx, const Actor& actor, std::int64_t id) {
    GetUnit(ctx, actor, id);
    UnitFilter filter;
    filter.parent_id = id;
    return SearchUnits(ctx, actor, filter);
}

CreatedUnit CreateRootUnit(storage::Tx& tx, app::Context& ctx, const NewUnit& input, const std::string& password_hash,
                           bool must_change_password) {
    if (!IsValidCode(input.code) || !IsValidCode(input.district_code)) {
        throw Error(Code::kValidation, "unit and district codes are lower-case letters and digits");
    }
    CreatedUnit created;
    Unit& unit = created.unit;
    unit.id = ctx.ids.Next();
    unit.kind = input.kind;
    unit.code = input.code;
    unit.name = CheckName(input.name);
    unit.district_code = input.district_code;
    unit.levels = CheckLevels(input.kind, input.levels);
    unit.status = "active";
    std::string parent_path = "/";
    if (input.parent_id != 0) {
        auto parent = store::FindUnit(tx, input.parent_id);
        if (!parent) throw Error(Code::kNotFound, "no such parent unit");
        if (!ChildKindAllowed(parent->kind, input.kind)) {
            throw Error(Code::kValidation, std::string("a ") + std::string(Name(parent->kind)) + " cannot hold a " +
                                               std::string(Name(input.kind)));
        }
        unit.parent_id = parent->id;
        parent_path = parent->path;
    }
    unit.path = parent_path + std::to_string(unit.id) + "/";
    if (tx.QueryOne("SELECT 1 FROM units WHERE code = $1", {unit.code})) {
        throw Error(Code::kConflict, "the unit code is taken: " + unit.code);
    }
    storage::Value parent = unit.parent_id ? storage::Value(*unit.parent_id) : storage::Value(nullptr);
    tx.Exec(store::kInsertUnit, {unit.id, parent, unit.path, std::string(Name(unit.kind)), unit.code, unit.name,
                                 SearchKey(unit.name), unit.district_code, store::JoinLevels(unit.levels),
                                 ctx.clock.Now()});
    std::string username = AdminUsername(unit.district_code, unit.code);
    if (store::UsernameTaken(tx, username)) throw Error(Code::kConflict, "the admin username is taken: " + username);
    NewAccount name{unit.id, "", "", "Quản trị " + unit.name};
    created.admin = InsertAccount(tx, ctx, unit.id, "admin", username, name, password_hash, must_change_password);
    InsertGrant(tx, ctx, unit.id, NewGrant{created.admin.id, Role::kUnitAdmin, {}, {}, {}}, created.admin.id);
    return created;
}

CreatedUnit CreateUnit(app::Context& ctx, const Actor& actor, const NewUnit& input, std::string_view client_address) {
    if (input.parent_id == 0) throw Error(Code::kValidation, "parent_id is required");
    auto parent = ctx.db.Read([&](storage::Tx& tx) { return store::FindUnit(tx, input.parent_id); });
    if (!parent) throw Error(Code::kNotFound, "no such parent unit");
    // The new unit will sit directly below the parent: the actor needs unit.manage there.
    Scope below{0, parent->path + "0/", {}, {}, {}};
    Require(actor, Permission::kUnitManage, below);
    std::string password = RandomPassword();
    std::string hash = HashPassword(password);
    CreatedUnit created = ctx.db.Write([&](storage::Tx& tx) {
        CreatedUnit c = CreateRootUnit(tx, ctx, input, hash, true);
        AppendAudit(tx, ctx.ids, ctx.clock,
                    {c.unit.id, actor.account_id, "org.unit_created", "unit:" + std::to_string(c.unit.id),
                     std::string(client_address), {{"code", c.unit.code}, {"admin", c.admin.username}}});
        return c;
    });
    created.admin_password = password;
    return created;
}

Unit UpdateUnit(app::Context& ctx, const Actor& actor, std::int64_t id, const UnitChanges& changes,
                std::string_view client_address) {
    return ctx.db.Write([&](storage::Tx& tx) {
        auto unit = store::FindUnit(tx, id);
        if (!unit) throw Error(Code::kNotFound, "no such unit");
        Scope scope = UnitScope(*unit);
        bool catalogue = changes.name || changes.district_code || changes.levels || changes.status;
        if (catalogue) Require(actor, Permission::kUnitManage, scope);
        if (changes.totp_required) {
            if (!Allowed(actor, Permission::kUnitSettings, scope)) Require(actor, Permission::kUnitManage, scope);
        }
        if (!catalogue && !changes.totp_required) Require(actor, Permission::kUnitRead, scope);
        if (changes.name) unit->name = CheckName(*changes.name);
        if (changes.district_code) {
            if (!IsValidCode(*changes.district_code)) throw Error(Code::kValidation, "invalid district code");
            unit->district_code = *changes.district_code;
        }
        if (changes.levels) unit->levels = CheckLevels(unit->kind, *changes.levels);
        if (changes.status) {
            if (*changes.status != "active" && *changes.status != "closed") {
                throw Error(Code::kValidation, "status is active or closed");
            }
            unit->status = *changes.status;
        }
        if (changes.totp_required) unit->totp_required = *changes.totp_required;
        tx.Exec(store::kUpdateUnit, {unit->id, unit->name, SearchKey(unit->name), unit->district_code,
                                     store::JoinLevels(unit->levels), unit->status,
                                     std::int64_t{unit->totp_required ? 1 : 0}, ctx.clock.Now()});
        AppendAudit(tx, ctx.ids, ctx.clock,
                    {unit->id, actor.account_id, "org.unit_updated", "unit:" + std::to_string(unit->id),
                     std::string(client_address),
                     {{"name", unit->name}, {"status", unit->status},
                      {"totp_required", unit->totp_required ? "true" : "false"}}});
        return *unit;
    });
}

}  // namespace hocvu::org
