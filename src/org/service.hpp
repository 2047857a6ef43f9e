#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/context.hpp"
#include "common/error.hpp"
#include "org/model.hpp"
#include "storage/database.hpp"

namespace hocvu::org {

/// Session timeouts (ASVS 3.3): idle 30 minutes, absolute 12 hours.
inline constexpr Micros kIdleTimeout = 30LL * 60 * 1000000;
inline constexpr Micros kAbsoluteTimeout = 12LL * 3600 * 1000000;

/// A sign-in refused for too many failures; `retry_after` seconds until the next attempt is accepted.
class RateLimited : public Error {
public:
    RateLimited(std::int64_t retry_after, std::string detail)
        : Error(Code::kRateLimited, std::move(detail)), retry_after_(retry_after) {}
    std::int64_t retry_after() const { return retry_after_; }

private:
    std::int64_t retry_after_;
};

// ---- Sign-in and sessions -------------------------------------------------------------------------------------

struct LoginInput {
    std::string username;
    std::string password;
    std::optional<std::string> totp;
    std::string client_address;
    std::optional<std::string> previous_token;  ///< a cookie presented at sign-in; revoked, never reused
};

/// A new session: the cookie token and the CSRF token, both shown once and stored only hashed.
struct NewSession {
    std::string token;
    std::string csrf_token;
    std::int64_t account_id = 0;
};

/// Checks the password (argon2id, the same time for unknown usernames), the per-account and per-address
/// throttles, the second factor, and audits the outcome. Throws kInvalidCredentials, kRateLimited
/// (`RateLimited`), kTotpRequired, kTotpInvalid, kAccountDisabled.
NewSession Login(app::Context& ctx, const LoginInput& input);

/// The actor of a session token. Throws kUnauthenticated for unknown, revoked, idle or expired sessions.
Actor Authenticate(app::Context& ctx, std::string_view token);

/// Whether `csrf_token` belongs to the actor's session (constant-time).
bool CsrfMatches(app::Context& ctx, const Actor& actor, std::string_view csrf_token);

void Logout(app::Context& ctx, const Actor& actor, std::string_view client_address);

/// Changes the actor's own password. Revokes every session of the account and returns a fresh one.
NewSession ChangePassword(app::Context& ctx, const Actor& actor, std::string_view current_password,
                          std::string_view new_password, std::string_view client_address);

/// Starts TOTP enrolment for unit admins, principals, vice-principals and authority leaders: a new secret,
/// not yet active. Returns the base32 secret.
std::string TotpEnrol(app::Context& ctx, const Actor& actor, std::string_view client_address);
/// Activates the pending secret with a first valid code.
void TotpConfirm(app::Context& ctx, const Actor& actor, std::string_view code, std::string_view client_address);

/// Step-up for a sensitive decision (GB-7: the principal approving a late score change), inside the caller's
/// transaction. An account with an active second factor must present a fresh TOTP code: kStepUpRequired when it
/// is absent, kTotpInvalid when it is wrong or already used, kRateLimited (`RateLimited`) after repeated wrong
/// codes. The code is spent (single use) in the same transaction. Returns false for accounts without a second
/// factor, which pass.
bool CheckStepUp(storage::Tx& tx, app::Context& ctx, std::int64_t account_id, const std::optional<std::string>& code);
/// Counts a wrong step-up code against the account's throttle and audits it (`auth.step_up_failed`), in its own
/// transaction (call it after the refused decision rolled back).
void RecordStepUpFailure(app::Context& ctx, const Actor& actor, std::string_view client_address);

/// Builds the actor (grants with their units) for an account, inside a transaction.
Actor LoadActor(storage::Tx& tx, std::int64_t account_id);

// ---- Units (ORG-1) ------------------------------------------------------------------------------------------

struct UnitFilter {
    std::string query;  ///< diacritics-insensitive, matches name or code
    std::optional<UnitKind> kind;
    std::optional<std::string> level;
    std::optional<std::string> district_code;
    std::optional<std::int64_t> parent_id;
};

/// The units the actor may see that match `filter`, ordered by path then name.
std::vector<Unit> SearchUnits(app::Context& ctx, const Actor& actor, const UnitFilter& filter);
Unit GetUnit(app::Context& ctx, const Actor& actor, std::int64_t id);
std::vector<Unit> UnitChildren(app::Context& ctx, const Actor& actor, std::int64_t id);

struct NewUnit {
    std::int64_t parent_id = 0;
    UnitKind kind = UnitKind::kSchool;
    std::string code;
    std::string name;
    std::string district_code;
    std::vector<std::string> levels;
};

/// A unit with its administrator account (ORG-3) and that account's one-time password.
struct CreatedUnit {
    Unit unit;
    Account admin;
    std::string admin_password;
};

/// Creates a unit below one the actor administers, with its admin account (must change the password).
CreatedUnit CreateUnit(app::Context& ctx, const Actor& actor, const NewUnit& input, std::string_view client_address);

struct UnitChanges {
    std::optional<std::string> name;
    std::optional<std::string> district_code;
    std::optional<std::vector<std::string>> levels;
    std::optional<std::string> status;
    std::optional<bool> totp_required;
};
Unit UpdateUnit(app::Context& ctx, const Actor& actor, std::int64_t id, const UnitChanges& changes,
                std::string_view client_address);

/// Creates the root of a hierarchy (a Sở, or a Bộ) and its admin account; no actor (installation, demo).
CreatedUnit CreateRootUnit(storage::Tx& tx, app::Context& ctx, const NewUnit& input, const std::string& password_hash,
                           bool must_change_password);

// ---- Accounts (ORG-2, ORG-6) --------------------------------------------------------------------------------

struct NewAccount {
    std::int64_t unit_id = 0;
    std::string family_name;
    std::string middle_name;
    std::string given_name;
};

struct CreatedAccount {
    Account account;
    std::string password;  ///< admin-issued, to be changed at first sign-in
};

CreatedAccount CreateAccount(app::Context& ctx, const Actor& actor, const NewAccount& input,
                             std::string_view client_address);
/// Inside a transaction, with a given password hash (demo data, unit creation).
Account InsertAccount(storage::Tx& tx, app::Context& ctx, std::int64_t unit_id, std::string_view kind,
                      const std::string& username, const NewAccount& name, const std::string& password_hash,
                      bool must_change_password);
std::vector<Account> ListAccounts(app::Context& ctx, const Actor& actor, std::int64_t unit_id,
                                  std::string_view query);
Account GetAccount(app::Context& ctx, const Actor& actor, std::int64_t id);
/// Disables (revoking every session) or re-enables an account.
Account SetAccountEnabled(app::Context& ctx, const Actor& actor, std::int64_t id, bool enabled,
                          std::string_view client_address);
/// A new random password the user must change at next sign-in; revokes every session of the account.
std::string ResetPassword(app::Context& ctx, const Actor& actor, std::int64_t id, std::string_view client_address);

// ---- Grants (ORG-4) -----------------------------------------------------------------------------------------

struct NewGrant {
    std::int64_t account_id = 0;
    Role role = Role::kStudent;
    std::optional<std::int64_t> class_id;
    std::optional<std::string> subject;
    std::optional<std::int64_t> student_id;
};

std::vector<Grant> ListGrants(app::Context& ctx, const Actor& actor, std::int64_t unit_id,
                              std::optional<std::int64_t> account_id);
Grant AddGrant(app::Context& ctx, const Actor& actor, const NewGrant& input, std::string_view client_address);
Grant InsertGrant(storage::Tx& tx, app::Context& ctx, std::int64_t unit_id, const NewGrant& input,
                  std::int64_t granted_by);
void RemoveGrant(app::Context& ctx, const Actor& actor, std::int64_t grant_id, std::string_view client_address);

// ---- Module locks (ORG-7) -----------------------------------------------------------------------------------

struct ModuleLock {
    std::string module;
    std::int64_t locked_by = 0;
    Micros locked_at = 0;
    std::string reason;
};

std::vector<ModuleLock> ListLocks(app::Context& ctx, const Actor& actor, std::int64_t unit_id);
/// Locks or unlocks `module` for the unit; audited either way. Idempotent.
void SetModuleLock(app::Context& ctx, const Actor& actor, std::int64_t unit_id, std::string_view module, bool locked,
                   std::string_view reason, std::string_view client_address);
/// Throws `Error{kModuleLocked}` when `module` is locked for `unit_id`. Other domains call it in their write
/// transactions.
void EnsureUnlocked(storage::Tx& tx, std::int64_t unit_id, std::string_view module);

/// The scope of a whole unit.
Scope UnitScope(const Unit& unit);

}  // namespace hocvu::org
