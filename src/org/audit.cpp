#include "org/audit.hpp"

#include "audit/chain.hpp"
#include "common/json_text.hpp"

namespace hocvu::org {

std::string JsonString(std::string_view text) {
    return hocvu::JsonString(text);
}

void AppendAudit(storage::Tx& tx, IdGenerator& ids, const Clock& clock, const AuditEntry& entry) {
    std::string details = "{";
    for (const auto& [key, value] : entry.details) {
        if (details.size() > 1) details.push_back(',');
        details += JsonString(key) + ":" + JsonString(value);
    }
    details.push_back('}');
    audit::Append(tx, ids, clock,
                  audit::Entry{entry.unit_id, entry.actor_id, entry.action, entry.target, entry.client_address,
                               details});
}

}  // namespace hocvu::org
