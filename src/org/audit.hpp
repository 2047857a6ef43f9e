#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/clock.hpp"
#include "common/ids.hpp"
#include "storage/database.hpp"

namespace hocvu::org {

/// One audit entry: who (`actor_id`, null when unknown), did what (`action`, e.g. "auth.login_failed"), to what
/// (`target`, e.g. "account:123"), when, from where, with details as a flat JSON object of strings.
struct AuditEntry {
    std::int64_t unit_id = 0;
    std::optional<std::int64_t> actor_id;
    std::string action;
    std::string target;
    std::string client_address;
    std::vector<std::pair<std::string, std::string>> details;
};

/// Appends `entry` in the caller's transaction, so the entry exists if and only if the change does.
void AppendAudit(storage::Tx& tx, IdGenerator& ids, const Clock& clock, const AuditEntry& entry);

/// `text` as a JSON string literal, quotes included.
std::string JsonString(std::string_view text);

}  // namespace hocvu::org
