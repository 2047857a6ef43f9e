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

std::string CleanNamePart(std::string_view text) {
    std::string clean = CollapseSpaces(text);
    if (clean.size() > 100) throw Error(Code::kValidation, "a name part has at most 100 bytes");
    return clean;
}

Unit UnitOf(storage::Tx& tx, std::int64_t unit_id) {
    auto unit = store::FindUnit(tx, unit_id);
    if (!unit) throw Error(Code::kNotFound, "no such unit");
    return *unit;
}

/// The unit admin manages the accounts of the unit; the admin above may also manage the unit's admin account
/// (a school admin who lost their password asks the Phòng or Sở).
void RequireManage(const Actor& actor, const Account& account, const Unit& unit) {
    Scope scope = UnitScope(unit);
    if (Allowed(actor, Permission::kAccountManage, scope)) return;
    if (account.kind == "admin" && Allowed(actor, Permission::kUnitManage, scope)) return;
    throw Error(Code::kForbidden, "not allowed: account.manage");
}

std::pair<Account, Unit> LoadAccount(storage::Tx& tx, std::int64_t id) {
    auto account = store::FindAccount(tx, id);
    if (!account) throw Error(Code::kNotFound, "no such account");
    return {*account, UnitOf(tx, account->unit_id)};
}

}  // namespace

Account InsertAccount(storage::Tx& tx, app::Context& ctx, std::int64_t unit_id, std::string_view kind,
                      const std::string& username, const NewAccount& name, const std::string& password_hash,
                      bool must_change_password) {
    Account a;
    a.id = ctx.ids.Next();
    a.unit_id = unit_id;
    a.username = username;
    a.kind = std::string(kind);
    a.family_name = CleanNamePart(name.family_name);
    a.middle_name = CleanNamePart(name.middle_name);
    a.given_name = CleanNamePart(name.given_name);
    a.full_name = CollapseSpaces(a.family_name + " " + a.middle_name + " " + a.given_name);
    a.status = "active";
    a.must_change_password = must_change_password;
    a.created_at = ctx.clock.Now();
    tx.Exec(store::kInsertAccount,
            {a.unit_id, a.id, a.username, a.kind, a.family_name, a.middle_name, a.given_name, a.full_name,
             FoldAscii(a.full_name), password_hash, std::int64_t{must_change_password ? 1 : 0}, a.created_at});
    return a;
}

CreatedAccount CreateAccount(app::Context& ctx, const Actor& actor, const NewAccount& input,
                             std::string_view client_address) {
    Unit unit = ctx.db.Read([&](storage::Tx& tx) { return UnitOf(tx, input.unit_id); });
    Require(actor, Permission::kAccountManage, UnitScope(unit));
    PersonName name{CleanNamePart(input.family_name), CleanNamePart(input.middle_name),
                    CleanNamePart(input.given_name)};
    if (StaffUsernameStem(name).empty()) throw Error(Code::kValidation, "given_name (tên) is required");
    std::string password = RandomPassword();
    std::string hash = HashPassword(password);
    Account account = ctx.db.Write([&](storage::Tx& tx) {
        EnsureUnlocked(tx, unit.id, "accounts");
        std::string username =
            PickStaffUsername(name, unit.code, [&](const std::string& u) { return store::UsernameTaken(tx, u); });
        Account a = InsertAccount(tx, ctx, unit.id, "person", username,
                                  NewAccount{unit.id, name.family, name.middle, name.given}, hash, true);
        AppendAudit(tx, ctx.ids, ctx.clock,
                    {unit.id, actor.account_id, "org.account_created", "account:" + std::to_string(a.id),
                     std::string(client_address), {{"username", a.username}}});
        return a;
    });
    return {account, password};
}

std::vector<Account> ListAccounts(app::Context& ctx, const Actor& actor, std::int64_t unit_id,
                                  std::string_view query) {
    return ctx.db.Read([&](storage::Tx& tx) {
        Unit unit = UnitOf(tx, unit_id);
        Require(actor, Permission::kAccountRead, UnitScope(unit));
        std::string key;
        for (char c : FoldAscii(query)) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ' || c == '.' || c == '_') key.push_back(c);
        }
        storage::Params params{unit_id};
        std::string sql = "SELECT " + std::string(store::kAccountColumns) + " FROM accounts WHERE unit_id = $1";
        if (!key.empty()) {
            params.emplace_back(key);
            sql += " AND (search_name LIKE '%' || $2 || '%' OR username LIKE '%' || $2 || '%')";
        }
        sql += " ORDER BY username LIMIT 1000";
        std::vector<Account> accounts;
        for (const storage::Row& row : tx.Query(sql, params)) accounts.push_back(store::ReadAccount(row));
        return accounts;
    });
}

Account GetAccount(app::Context& ctx, const Actor& actor, std::int64_t id) {
    return ctx.db.Read([&](storage::Tx& tx) {
        auto [account, unit] = LoadAccount(tx, id);
        if (account.id != actor.account_id) Require(actor, Permission::kAccountRead, UnitScope(unit));
        return account;
    });
}

Account SetAccountEnabled(app::Context& ctx, const Actor& actor, std::int64_t id, bool enabled,
                          std::string_view client_address) {
    return ctx.db.Write([&](storage::Tx& tx) {
        auto [account, unit] = LoadAccount(tx, id);
        RequireManage(actor, account, unit);
        if (account.id == actor.account_id) throw Error(Code::kConflict, "an admin cannot disable their own account");
        Micros now = ctx.clock.Now();
        account.status = enabled ? "active" : "disabled";
        tx.Exec(store::kSetAccountStatus, {account.id, account.status, now});
        if (!enabled) tx.Exec(store::kRevokeAccountSessions, {account.id, now});
        AppendAudit(tx, ctx.ids, ctx.clock,
                    {unit.id, actor.account_id, enabled ? "org.account_enabled" : "org.account_disabled",
                     "account:" + std::to_string(account.id), std::string(client_address),
                     {{"username", account.username}}});
        return account;
    });
}

std::string ResetPassword(app::Context& ctx, const Actor& actor, std::int64_t id, std::string_view client_address) {
    auto [account, unit] = ctx.db.Read([&](storage::Tx& tx) { return LoadAccount(tx, id); });
    RequireManage(actor, account, unit);
    std::string password = RandomPassword();
    std::string hash = HashPassword(password);
    ctx.db.Write([&](storage::Tx& tx) {
        Micros now = ctx.clock.Now();
        tx.Exec(store::kSetPassword, {account.id, hash, std::int64_t{1}, now});
        tx.Exec(store::kRevokeAccountSessions, {account.id, now});
        AppendAudit(tx, ctx.ids, ctx.clock,
                    {unit.id, actor.account_id, "org.password_reset", "account:" + std::to_string(account.id),
                     std::string(client_address), {{"username", account.username}}});
    });
    return password;
}

}  // namespace hocvu::org
