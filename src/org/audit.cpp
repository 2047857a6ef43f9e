#include "org/audit.hpp"

#include <cstdio>

#include "audit/chain.hpp"

namespace hocvu::org {

std::string JsonString(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        auto u = static_cast<unsigned char>(c);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (u < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", u);
                    out += buf;
                } else {
                    out.push_back(c);
                }
        }
    }
    out.push_back('"');
    return out;
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
