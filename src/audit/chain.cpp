#include "audit/chain.hpp"

#include <sodium.h>

#include <array>
#include <map>

#include "common/error.hpp"

namespace hocvu::audit {
namespace {

constexpr std::string_view kEnsureHead =
    "INSERT INTO audit_chain_heads (unit_id, seq, last_hash) VALUES ($1, 0, '') ON CONFLICT (unit_id) DO NOTHING";
// Taking the head row's write lock first serialises appends to one unit on PostgreSQL; the SELECT after it then
// reads the latest committed head.
constexpr std::string_view kLockHead = "UPDATE audit_chain_heads SET seq = seq + 1 WHERE unit_id = $1";
constexpr std::string_view kReadHead = "SELECT seq, last_hash FROM audit_chain_heads WHERE unit_id = $1";
constexpr std::string_view kWriteHead = "UPDATE audit_chain_heads SET last_hash = $2 WHERE unit_id = $1";
constexpr std::string_view kInsert =
    "INSERT INTO audit_log (unit_id, id, at, actor_id, action, target, client_address, details, seq, prev_hash, "
    "hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
constexpr std::string_view kEntries =
    "SELECT unit_id, id, at, actor_id, action, target, client_address, details, seq, prev_hash, hash "
    "FROM audit_log WHERE (CAST($1 AS BIGINT) = 0 OR unit_id = $1) ORDER BY unit_id, seq, id";
constexpr std::string_view kHeads =
    "SELECT unit_id, seq, last_hash FROM audit_chain_heads WHERE (CAST($1 AS BIGINT) = 0 OR unit_id = $1) "
    "ORDER BY unit_id";

void AppendLength(std::string& out, std::string_view field) {
    out += std::to_string(field.size());
    out.push_back(':');
    out.append(field);
    out.push_back(';');
}

std::string Hex(const unsigned char* bytes, std::size_t n) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(n * 2);
    for (std::size_t i = 0; i < n; ++i) {
        out.push_back(kDigits[bytes[i] >> 4]);
        out.push_back(kDigits[bytes[i] & 0xF]);
    }
    return out;
}

}  // namespace

std::string Canonical(std::int64_t unit_id, std::int64_t seq, std::int64_t id, std::int64_t at,
                      std::optional<std::int64_t> actor_id, std::string_view action, std::string_view target,
                      std::string_view client_address, std::string_view details_json) {
    std::string out = "hocvu-audit-v1;";
    AppendLength(out, std::to_string(unit_id));
    AppendLength(out, std::to_string(seq));
    AppendLength(out, std::to_string(id));
    AppendLength(out, std::to_string(at));
    AppendLength(out, actor_id ? std::to_string(*actor_id) : std::string("-"));
    AppendLength(out, action);
    AppendLength(out, target);
    AppendLength(out, client_address);
    AppendLength(out, details_json);
    return out;
}

std::string ChainHash(std::string_view prev_hash_hex, std::string_view canonical) {
    std::array<unsigned char, crypto_hash_sha256_BYTES> prev{};
    std::size_t prev_len = 0;
    if (!prev_hash_hex.empty()) {
        if (sodium_hex2bin(prev.data(), prev.size(), prev_hash_hex.data(), prev_hash_hex.size(), nullptr, &prev_len,
                           nullptr) != 0 ||
            prev_len != prev.size()) {
            throw Error(Code::kInternal, "malformed previous audit hash");
        }
    }
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    crypto_hash_sha256_update(&state, prev.data(), prev_len);
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(canonical.data()), canonical.size());
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256_final(&state, digest.data());
    return Hex(digest.data(), digest.size());
}

std::int64_t Append(storage::Tx& tx, IdGenerator& ids, const Clock& clock, const Entry& entry) {
    tx.Exec(kEnsureHead, {entry.unit_id});
    tx.Exec(kLockHead, {entry.unit_id});
    auto head = tx.QueryOne(kReadHead, {entry.unit_id});
    std::int64_t seq = head->Int(0);
    std::string prev_hash = head->Text(1);
    std::int64_t id = ids.Next();
    std::int64_t at = clock.Now();
    std::string hash = ChainHash(prev_hash, Canonical(entry.unit_id, seq, id, at, entry.actor_id, entry.action,
                                                      entry.target, entry.client_address, entry.details_json));
    storage::Value actor = entry.actor_id ? storage::Value{*entry.actor_id} : storage::Value{nullptr};
    tx.Exec(kInsert, {entry.unit_id, id, at, actor, entry.action, entry.target, entry.client_address,
                      entry.details_json, seq, prev_hash, hash});
    tx.Exec(kWriteHead, {entry.unit_id, hash});
    return id;
}

std::vector<UnitVerification> Verify(storage::Database& db, std::optional<std::int64_t> unit_id) {
    std::int64_t filter = unit_id.value_or(0);
    std::vector<UnitVerification> result;
    db.Read([&](storage::Tx& tx) {
        std::map<std::int64_t, std::pair<std::int64_t, std::string>> heads;
        for (const storage::Row& row : tx.Query(kHeads, {filter})) {
            heads[row.Int(0)] = {row.Int(1), row.Text(2)};
        }
        std::map<std::int64_t, UnitVerification> units;
        std::map<std::int64_t, std::string> last_hash;
        std::map<std::int64_t, std::int64_t> expected_seq;
        for (const storage::Row& row : tx.Query(kEntries, {filter})) {
            std::int64_t unit = row.Int(0);
            UnitVerification& v = units[unit];
            v.unit_id = unit;
            ++v.entries;
            if (!v.ok) {
                continue;
            }
            std::int64_t id = row.Int(1);
            auto fail = [&](std::string why) {
                v.ok = false;
                v.first_broken_id = id;
                v.first_broken_seq = row.OptInt(8);
                v.reason = std::move(why);
            };
            if (row.IsNull(8) || row.IsNull(10)) {
                fail("entry has no chain hash");
                continue;
            }
            std::int64_t seq = row.Int(8);
            std::int64_t want_seq = expected_seq.count(unit) ? expected_seq[unit] : 1;
            const std::string& prev = last_hash[unit];
            if (seq != want_seq) {
                fail("sequence " + std::to_string(seq) + " where " + std::to_string(want_seq) +
                     " was expected (an entry is missing)");
                continue;
            }
            if (row.Text(9) != prev) {
                fail("previous hash does not match the entry before it");
                continue;
            }
            std::string hash = ChainHash(prev, Canonical(unit, seq, id, row.Int(2), row.OptInt(3), row.Text(4),
                                                         row.Text(5), row.Text(6), row.Text(7)));
            if (hash != row.Text(10)) {
                fail("content does not match its hash (the entry was altered)");
                continue;
            }
            last_hash[unit] = hash;
            expected_seq[unit] = seq + 1;
        }
        for (const auto& [unit, head] : heads) {
            UnitVerification& v = units[unit];
            v.unit_id = unit;
            if (v.ok && (expected_seq[unit] - 1 != head.first || last_hash[unit] != head.second)) {
                v.ok = false;
                v.first_broken_seq = expected_seq[unit];
                v.reason = "the chain ends at sequence " + std::to_string(expected_seq[unit] - 1) +
                           " but its head records " + std::to_string(head.first) + " (entries were removed)";
            }
        }
        for (auto& [unit, v] : units) {
            if (!heads.count(unit) && v.ok) {
                v.ok = false;
                v.reason = "entries without a chain head";
            }
            result.push_back(std::move(v));
        }
    });
    return result;
}

}  // namespace hocvu::audit
