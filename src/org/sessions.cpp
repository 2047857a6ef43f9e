#include <algorithm>
#include <string>

#include "org/audit.hpp"
#include "org/passwords.hpp"
#include "org/service.hpp"
#include "org/store.hpp"
#include "org/tokens.hpp"

namespace hocvu::org {
namespace {

constexpr Micros kSecond = 1000000;
constexpr Micros kThrottleWindow = 3600 * kSecond;
constexpr Micros kMaxDelay = 15 * 60 * kSecond;
constexpr Micros kTouchEvery = 60 * kSecond;

/// Failures allowed per hour before each further failure adds a doubling delay (1 s, 2 s, 4 s, … 15 min):
/// per account (ASVS 2.2.1: far below 100 an hour) and, more loosely, per client address.
struct ThrottleRule {
    std::string_view prefix;
    std::int64_t free_failures;
};
constexpr ThrottleRule kAccountRule{"account:", 5};
constexpr ThrottleRule kAddressRule{"ip:", 20};
constexpr ThrottleRule kStepUpRule{"stepup:", 5};

/// Usernames are ASCII; anything else is replaced before it reaches the database or the audit log.
std::string CleanUsername(std::string_view text) {
    std::string out;
    for (char c : text.substr(0, 100)) {
        auto u = static_cast<unsigned char>(c);
        out.push_back(u >= 0x20 && u < 0x7f ? static_cast<char>(u >= 'A' && u <= 'Z' ? u + 32 : u) : '?');
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    while (!out.empty() && out.front() == ' ') out.erase(out.begin());
    return out;
}

/// Seconds until `key` may try again, or 0.
std::int64_t BlockedFor(storage::Tx& tx, const std::string& key, Micros now) {
    auto row = tx.QueryOne(store::kFindThrottle, {key});
    if (!row || row->Int(2) <= now) return 0;
    return (row->Int(2) - now + kSecond - 1) / kSecond;
}

void RecordFailure(storage::Tx& tx, const ThrottleRule& rule, const std::string& key, Micros now) {
    auto row = tx.QueryOne(store::kFindThrottle, {key});
    std::int64_t failures = 1;
    Micros window_start = now;
    if (row && now - row->Int(1) < kThrottleWindow) {
        failures = row->Int(0) + 1;
        window_start = row->Int(1);
    }
    Micros blocked_until = 0;
    if (failures >= rule.free_failures) {
        std::int64_t doublings = std::min<std::int64_t>(failures - rule.free_failures, 20);
        blocked_until = now + std::min<Micros>(kSecond << doublings, kMaxDelay);
    }
    if (row) {
        tx.Exec(store::kUpdateThrottle, {key, failures, window_start, blocked_until});
    } else {
        tx.Exec(store::kInsertThrottle, {key, failures, window_start, blocked_until});
    }
}

NewSession StartSession(storage::Tx& tx, app::Context& ctx, std::int64_t unit_id, std::int64_t account_id) {
    NewSession session{RandomToken(), RandomToken(), account_id};
    tx.Exec(store::kInsertSession,
            {unit_id, Sha256Hex(session.token), account_id, Sha256Hex(session.csrf_token), ctx.clock.Now()});
    return session;
}

bool HoldsSecondFactorRole(const Actor& actor) {
    return std::any_of(actor.grants.begin(), actor.grants.end(), [](const ActorGrant& g) {
        Role r = g.grant.role;
        return r == Role::kUnitAdmin || r == Role::kPrincipal || r == Role::kVicePrincipal ||
               r == Role::kAuthorityLeader;
    });
}

}  // namespace

Actor LoadActor(storage::Tx& tx, std::int64_t account_id) {
    auto account = store::FindAccount(tx, account_id);
    if (!account || account->status != "active") throw Error(Code::kUnauthenticated, "account not active");
    Actor actor;
    actor.account_id = account->id;
    actor.unit_id = account->unit_id;
    actor.username = account->username;
    actor.full_name = account->full_name;
    actor.must_change_password = account->must_change_password;
    if (auto unit = store::FindUnit(tx, account->unit_id)) actor.unit_path = unit->path;
    bool totp_mandatory = false;
    for (const storage::Row& row : tx.Query(store::kActorGrants, {account_id})) {
        ActorGrant g{store::ReadGrant(row), row.Text(7), ParseUnitKind(row.Text(8)).value_or(UnitKind::kSchool)};
        Role r = g.grant.role;
        if (row.Int(9) != 0 && (r == Role::kUnitAdmin || r == Role::kPrincipal || r == Role::kVicePrincipal)) {
            totp_mandatory = true;
        }
        actor.grants.push_back(std::move(g));
    }
    actor.totp_enrolment_required = totp_mandatory && !account->totp_enabled;
    return actor;
}

NewSession Login(app::Context& ctx, const LoginInput& input) {
    std::string username = CleanUsername(input.username);
    std::string account_key = std::string(kAccountRule.prefix) + username;
    std::string address_key = std::string(kAddressRule.prefix) + input.client_address;
    Micros now = ctx.clock.Now();

    struct Found {
        std::int64_t id, unit_id;
        std::string hash, status;
        bool totp_enabled;
        std::optional<std::string> totp_secret;
        std::int64_t totp_last_counter;
    };
    std::optional<Found> found;
    std::int64_t wait = 0;
    ctx.db.Read([&](storage::Tx& tx) {
        wait = std::max(BlockedFor(tx, account_key, now), BlockedFor(tx, address_key, now));
        if (auto row = tx.QueryOne(store::kAccountAuth, {username})) {
            found = Found{row->Int(0),  row->Int(1),         row->Text(2), row->Text(3),
                          row->Int(4) != 0, row->OptText(5), row->Int(6)};
        }
    });

    auto audit = [&](storage::Tx& tx, std::string action, std::string reason) {
        AuditEntry entry{found ? found->unit_id : 0, found ? std::optional(found->id) : std::nullopt,
                         std::move(action), "account:" + username, input.client_address, {}};
        if (!reason.empty()) entry.details.emplace_back("reason", std::move(reason));
        AppendAudit(tx, ctx.ids, ctx.clock, entry);
    };
    if (wait > 0) {
        ctx.db.Write([&](storage::Tx& tx) { audit(tx, "auth.login_failed", "rate_limited"); });
        throw RateLimited(wait, "too many failed sign-ins; retry in " + std::to_string(wait) + " s");
    }

    bool password_ok = VerifyPassword(found ? found->hash : DummyHash(), input.password);
    auto fail = [&](Code code, std::string reason, bool count) {
        ctx.db.Write([&](storage::Tx& tx) {
            if (count) {
                RecordFailure(tx, kAccountRule, account_key, now);
                RecordFailure(tx, kAddressRule, address_key, now);
            }
            audit(tx, "auth.login_failed", reason);
        });
        throw Error(code, reason);
    };
    if (!found || !password_ok) fail(Code::kInvalidCredentials, found ? "wrong_password" : "unknown_user", true);
    if (found->status != "active") fail(Code::kAccountDisabled, "disabled", false);

    std::optional<std::int64_t> totp_counter;
    if (found->totp_enabled && found->totp_secret) {
        if (!input.totp || input.totp->empty()) fail(Code::kTotpRequired, "totp_missing", false);
        totp_counter = MatchTotp(OpenTotpSecret(*found->totp_secret), now / kSecond, *input.totp);
        if (!totp_counter || *totp_counter <= found->totp_last_counter) {
            fail(Code::kTotpInvalid, totp_counter ? "totp_replayed" : "totp_wrong", true);
        }
    }

    return ctx.db.Write([&](storage::Tx& tx) {
        if (totp_counter) {
            // Single use: the counter only moves forward, and only if nobody used this code meanwhile.
            std::int64_t changed =
                tx.Exec("UPDATE accounts SET totp_last_counter = $2 WHERE id = $1 AND totp_last_counter < $2",
                        {found->id, *totp_counter});
            if (changed == 0) throw Error(Code::kTotpInvalid, "totp_replayed");
        }
        if (input.previous_token) tx.Exec(store::kRevokeSession, {Sha256Hex(*input.previous_token), now});
        tx.Exec(store::kClearThrottle, {account_key});
        NewSession session = StartSession(tx, ctx, found->unit_id, found->id);
        audit(tx, "auth.login", "");
        return session;
    });
}

Actor Authenticate(app::Context& ctx, std::string_view token) {
    if (token.empty() || token.size() > 100) throw Error(Code::kUnauthenticated, "no session");
    std::string hash = Sha256Hex(token);
    Micros now = ctx.clock.Now();
    bool touch = false;
    Actor actor = ctx.db.Read([&](storage::Tx& tx) {
        auto row = tx.QueryOne(store::kFindSession, {hash});
        if (!row || !row->IsNull(5)) throw Error(Code::kUnauthenticated, "no session");
        if (now - row->Int(3) >= kAbsoluteTimeout || now - row->Int(4) >= kIdleTimeout) {
            throw Error(Code::kUnauthenticated, "session expired");
        }
        touch = now - row->Int(4) >= kTouchEvery;
        Actor a = LoadActor(tx, row->Int(1));
        a.session_hash = hash;
        return a;
    });
    if (touch) {
        ctx.db.Write([&](storage::Tx& tx) { tx.Exec(store::kTouchSession, {hash, now}); });
    }
    return actor;
}

bool CsrfMatches(app::Context& ctx, const Actor& actor, std::string_view csrf_token) {
    if (csrf_token.empty() || csrf_token.size() > 100) return false;
    std::string expected = ctx.db.Read([&](storage::Tx& tx) {
        auto row = tx.QueryOne(store::kFindSession, {actor.session_hash});
        return row ? row->Text(2) : std::string();
    });
    return !expected.empty() && SafeEqual(expected, Sha256Hex(csrf_token));
}

void Logout(app::Context& ctx, const Actor& actor, std::string_view client_address) {
    ctx.db.Write([&](storage::Tx& tx) {
        tx.Exec(store::kRevokeSession, {actor.session_hash, ctx.clock.Now()});
        AppendAudit(tx, ctx.ids, ctx.clock,
                    {actor.unit_id, actor.account_id, "auth.logout", "account:" + actor.username,
                     std::string(client_address), {}});
    });
}

NewSession ChangePassword(app::Context& ctx, const Actor& actor, std::string_view current_password,
                          std::string_view new_password, std::string_view client_address) {
    std::string old_hash = ctx.db.Read([&](storage::Tx& tx) {
        auto row = tx.QueryOne(store::kPasswordHash, {actor.account_id});
        if (!row) throw Error(Code::kUnauthenticated, "account gone");
        return row->Text(0);
    });
    if (!VerifyPassword(old_hash, current_password)) {
        throw Error(Code::kInvalidCredentials, "the current password is wrong");
    }
    if (auto reason = CheckPasswordPolicy(new_password, actor.username)) throw Error(Code::kPasswordPolicy, *reason);
    if (new_password == current_password) {
        throw Error(Code::kPasswordPolicy, "Mật khẩu mới phải khác mật khẩu hiện tại.");
    }
    std::string new_hash = HashPassword(new_password);
    return ctx.db.Write([&](storage::Tx& tx) {
        Micros now = ctx.clock.Now();
        tx.Exec(store::kSetPassword, {actor.account_id, new_hash, std::int64_t{0}, now});
        tx.Exec(store::kRevokeAccountSessions, {actor.account_id, now});
        AppendAudit(tx, ctx.ids, ctx.clock,
                    {actor.unit_id, actor.account_id, "auth.password_changed", "account:" + actor.username,
                     std::string(client_address), {}});
        return StartSession(tx, ctx, actor.unit_id, actor.account_id);
    });
}

std::string TotpEnrol(app::Context& ctx, const Actor& actor, std::string_view client_address) {
    if (!HoldsSecondFactorRole(actor)) {
        throw Error(Code::kForbidden, "second factor enrolment is for unit admins, principals and leaders");
    }
    std::string secret = NewTotpSecret();
    ctx.db.Write([&](storage::Tx& tx) {
        auto enabled = tx.QueryOne("SELECT totp_enabled FROM accounts WHERE id = $1", {actor.account_id});
        if (enabled && enabled->Int(0) != 0) throw Error(Code::kConflict, "a second factor is already active");
        tx.Exec("UPDATE accounts SET totp_secret = $2, totp_last_counter = -1 WHERE id = $1",
                {actor.account_id, SealTotpSecret(secret)});
        AppendAudit(tx, ctx.ids, ctx.clock,
                    {actor.unit_id, actor.account_id, "auth.totp_enrol_started", "account:" + actor.username,
                     std::string(client_address), {}});
    });
    return secret;
}

void TotpConfirm(app::Context& ctx, const Actor& actor, std::string_view code, std::string_view client_address) {
    ctx.db.Write([&](storage::Tx& tx) {
        auto row = tx.QueryOne("SELECT totp_secret, totp_enabled FROM accounts WHERE id = $1", {actor.account_id});
        if (!row || row->IsNull(0)) throw Error(Code::kConflict, "no enrolment in progress");
        if (row->Int(1) != 0) throw Error(Code::kConflict, "a second factor is already active");
        auto counter = MatchTotp(OpenTotpSecret(row->Text(0)), ctx.clock.Now() / kSecond, code);
        if (!counter) throw Error(Code::kTotpInvalid, "wrong code");
        tx.Exec("UPDATE accounts SET totp_enabled = 1, totp_last_counter = $2 WHERE id = $1",
                {actor.account_id, *counter});
        AppendAudit(tx, ctx.ids, ctx.clock,
                    {actor.unit_id, actor.account_id, "auth.totp_enabled", "account:" + actor.username,
                     std::string(client_address), {}});
    });
}

bool CheckStepUp(storage::Tx& tx, app::Context& ctx, std::int64_t account_id, const std::optional<std::string>& code) {
    auto row = tx.QueryOne("SELECT totp_enabled, totp_secret, totp_last_counter FROM accounts WHERE id = $1",
                           {account_id});
    if (!row || row->Int(0) == 0 || row->IsNull(1)) return false;
    const Micros now = ctx.clock.Now();
    if (std::int64_t wait = BlockedFor(tx, std::string(kStepUpRule.prefix) + std::to_string(account_id), now)) {
        throw RateLimited(wait, "too many wrong codes; retry in " + std::to_string(wait) + " s");
    }
    if (!code || code->empty()) throw Error(Code::kStepUpRequired, "this decision needs a code from the authenticator");
    auto counter = MatchTotp(OpenTotpSecret(row->Text(1)), now / kSecond, *code);
    if (!counter || *counter <= row->Int(2)) {
        throw Error(Code::kTotpInvalid, counter ? "the code was already used" : "wrong code");
    }
    if (tx.Exec("UPDATE accounts SET totp_last_counter = $2 WHERE id = $1 AND totp_last_counter < $2",
                {account_id, *counter}) == 0) {
        throw Error(Code::kTotpInvalid, "the code was already used");
    }
    return true;
}

void RecordStepUpFailure(app::Context& ctx, const Actor& actor, std::string_view client_address) {
    ctx.db.Write([&](storage::Tx& tx) {
        RecordFailure(tx, kStepUpRule, std::string(kStepUpRule.prefix) + std::to_string(actor.account_id),
                      ctx.clock.Now());
        AppendAudit(tx, ctx.ids, ctx.clock,
                    {actor.unit_id, actor.account_id, "auth.step_up_failed", "account:" + actor.username,
                     std::string(client_address), {}});
    });
}

}  // namespace hocvu::org
