#include "storage/migrations.hpp"

#include <algorithm>
#include <string>

#include "common/error.hpp"

namespace hocvu::storage {
namespace {

constexpr std::string_view kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)";
constexpr std::string_view kMaxVersion = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
constexpr std::string_view kRecord = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)";
constexpr std::string_view kPgLock = "SELECT pg_advisory_xact_lock(7310120001)";

int MaxVersion(Tx& tx) { return static_cast<int>(tx.QueryOne(kMaxVersion)->Int(0)); }

}  // namespace

int SchemaVersion(Database& db) {
    db.Write([](Tx& tx) { tx.ExecScript(kCreateTable); });
    return db.Read([](Tx& tx) { return MaxVersion(tx); });
}

MigrationReport Migrate(Database& db, const Clock& clock, std::span<const Migration> migrations) {
    MigrationReport report;
    report.from_version = SchemaVersion(db);
    int known = migrations.empty() ? 0 : migrations.back().version;
    if (report.from_version > known) {
        throw Error(Code::kDbSchemaNewer, "the database schema is version " + std::to_string(report.from_version) +
                                              ", newer than this program's " + std::to_string(known) +
                                              "; upgrade hocvu before using this database");
    }
    for (const Migration& migration : migrations) {
        if (migration.version <= report.from_version) {
            continue;
        }
        bool applied = db.Write([&](Tx& tx) {
            if (db.engine() == Engine::kPostgres) {
                tx.Query(kPgLock);  // serialises concurrent `hocvu migrate` runs against one server
            }
            if (MaxVersion(tx) >= migration.version) {
                return false;  // another process applied it meanwhile
            }
            tx.ExecScript(migration.sql);
            tx.Exec(kRecord, {std::int64_t{migration.version}, std::string(migration.name), clock.Now()});
            return true;
        });
        if (applied) {
            report.applied.push_back(migration.version);
        }
    }
    report.to_version = std::max(report.from_version, known);
    return report;
}

}  // namespace hocvu::storage
