#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "org/model.hpp"
#include "storage/database.hpp"

namespace hocvu::org::store {

inline constexpr std::string_view kUnitColumns =
    "id, parent_id, path, kind, code, name, district_code, levels, status, totp_required";
inline constexpr std::string_view kAccountColumns =
    "id, unit_id, username, kind, family_name, middle_name, given_name, full_name, status, must_change_password,"
    " totp_enabled, created_at";

inline constexpr std::string_view kInsertUnit =
    "INSERT INTO units (id, parent_id, path, kind, code, name, search_name, district_code, levels, status,"
    " totp_required, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'active', 0, $10, $10)";
inline constexpr std::string_view kUpdateUnit =
    "UPDATE units SET name = $2, search_name = $3, district_code = $4, levels = $5, status = $6, totp_required = $7,"
    " updated_at = $8 WHERE id = $1";

inline constexpr std::string_view kInsertAccount =
    "INSERT INTO accounts (unit_id, id, username, kind, family_name, middle_name, given_name, full_name, search_name,"
    " password_hash, must_change_password, status, created_at, updated_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'active', $12, $12)";
inline constexpr std::string_view kAccountAuth =
    "SELECT id, unit_id, password_hash, status, totp_enabled, totp_secret, totp_last_counter FROM accounts"
    " WHERE username = $1";
inline constexpr std::string_view kSetPassword =
    "UPDATE accounts SET password_hash = $2, must_change_password = $3, updated_at = $4 WHERE id = $1";
inline constexpr std::string_view kSetAccountStatus = "UPDATE accounts SET status = $2, updated_at = $3 WHERE id = $1";
inline constexpr std::string_view kPasswordHash = "SELECT password_hash FROM accounts WHERE id = $1";

inline constexpr std::string_view kInsertGrant =
    "INSERT INTO grants (unit_id, id, account_id, role, class_id, subject, student_id, granted_by, granted_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
inline constexpr std::string_view kActorGrants =
    "SELECT g.id, g.unit_id, g.account_id, g.role, g.class_id, g.subject, g.student_id, u.path, u.kind,"
    " u.totp_required FROM grants g JOIN units u ON u.id = g.unit_id WHERE g.account_id = $1 ORDER BY g.id";
inline constexpr std::string_view kGrantColumns = "id, unit_id, account_id, role, class_id, subject, student_id";

inline constexpr std::string_view kInsertSession =
    "INSERT INTO sessions (unit_id, token_hash, account_id, csrf_hash, created_at, last_seen_at)"
    " VALUES ($1, $2, $3, $4, $5, $5)";
inline constexpr std::string_view kFindSession =
    "SELECT unit_id, account_id, csrf_hash, created_at, last_seen_at, revoked_at FROM sessions WHERE token_hash = $1";
inline constexpr std::string_view kTouchSession =
    "UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL";
inline constexpr std::string_view kRevokeSession =
    "UPDATE sessions SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL";
inline constexpr std::string_view kRevokeAccountSessions =
    "UPDATE sessions SET revoked_at = $2 WHERE account_id = $1 AND revoked_at IS NULL";

inline constexpr std::string_view kFindThrottle =
    "SELECT failures, window_start, blocked_until FROM login_throttle WHERE key = $1";
inline constexpr std::string_view kInsertThrottle =
    "INSERT INTO login_throttle (key, failures, window_start, blocked_until) VALUES ($1, $2, $3, $4)";
inline constexpr std::string_view kUpdateThrottle =
    "UPDATE login_throttle SET failures = $2, window_start = $3, blocked_until = $4 WHERE key = $1";
inline constexpr std::string_view kClearThrottle = "DELETE FROM login_throttle WHERE key = $1";

inline constexpr std::string_view kFindLock = "SELECT locked_at FROM module_locks WHERE unit_id = $1 AND module = $2";
inline constexpr std::string_view kListLocks =
    "SELECT module, locked_by, locked_at, reason FROM module_locks WHERE unit_id = $1 ORDER BY module";
inline constexpr std::string_view kInsertLock =
    "INSERT INTO module_locks (unit_id, module, locked_by, locked_at, reason) VALUES ($1, $2, $3, $4, $5)";
inline constexpr std::string_view kDeleteLock = "DELETE FROM module_locks WHERE unit_id = $1 AND module = $2";


/// Row readers for the column lists above.
Unit ReadUnit(const storage::Row& row);
Account ReadAccount(const storage::Row& row);
Grant ReadGrant(const storage::Row& row, std::size_t first = 0);

std::optional<Unit> FindUnit(storage::Tx& tx, std::int64_t id);
std::optional<Account> FindAccount(storage::Tx& tx, std::int64_t id);
std::optional<Account> FindAccountByUsername(storage::Tx& tx, std::string_view username);
bool UsernameTaken(storage::Tx& tx, std::string_view username);

/// "TH,THCS" ↔ {"TH", "THCS"}.
std::string JoinLevels(const std::vector<std::string>& levels);
std::vector<std::string> SplitLevels(std::string_view text);

}  // namespace hocvu::org::store
