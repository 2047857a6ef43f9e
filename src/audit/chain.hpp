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

namespace hocvu::audit {

/// One audit entry: who (`actor_id`, null when unknown) did what (`action`, e.g. "gradebook.score_changed") to
/// what (`target`, e.g. "score:123"), from where, with details as a JSON object text (old and new value, reason,
/// approval id…). Entries are append-only and chained per unit (GB-6).
struct Entry {
    std::int64_t unit_id = 0;
    std::optional<std::int64_t> actor_id;
    std::string action;
    std::string target;
    std::string client_address;
    std::string details_json = "{}";
};

/// Appends `entry` in the caller's transaction, so the entry exists if and only if the change it records does.
/// The entry's hash is SHA-256(previous hash of the unit's chain ‖ canonical entry); concurrent appends to one
/// unit are serialised by the unit's chain head row. Returns the entry's id.
std::int64_t Append(storage::Tx& tx, IdGenerator& ids, const Clock& clock, const Entry& entry);

/// The canonical byte string of an entry that the hash covers: every field length-prefixed, in a fixed order.
std::string Canonical(std::int64_t unit_id, std::int64_t seq, std::int64_t id, std::int64_t at,
                      std::optional<std::int64_t> actor_id, std::string_view action, std::string_view target,
                      std::string_view client_address, std::string_view details_json);

/// Lower-case hex SHA-256 of `prev_hash_hex` (decoded; empty for the first entry) followed by `canonical`.
std::string ChainHash(std::string_view prev_hash_hex, std::string_view canonical);

/// What `hocvu audit verify` found for one unit.
struct UnitVerification {
    std::int64_t unit_id = 0;
    std::int64_t entries = 0;
    bool ok = true;
    std::optional<std::int64_t> first_broken_id;   ///< the first entry whose hash does not follow
    std::optional<std::int64_t> first_broken_seq;
    std::string reason;                            ///< why, in English, for operators
};

/// Recomputes every chain (or only `unit_id`'s) from the stored entries and compares with the stored hashes and
/// the chain heads. Reads in one snapshot.
std::vector<UnitVerification> Verify(storage::Database& db, std::optional<std::int64_t> unit_id = std::nullopt);

}  // namespace hocvu::audit
