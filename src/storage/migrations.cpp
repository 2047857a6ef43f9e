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

/// The marker line of an engine-only block, after "-- ": "sqlite-only begin" … "sqlite-only end".
std::string_view MarkerEngine(std::string_view line, std::string_view edge) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t')) line.remove_suffix(1);
    for (std::string_view engine : {std::string_view("sqlite"), std::string_view("postgresql")}) {
        std::string marker = "-- " + std::string(engine) + "-only " + std::string(edge);
        if (line == marker) return engine;
    }
    return {};
}

bool HasStatements(std::string_view sql) {
    std::size_t i = 0;
    while (i < sql.size()) {
        std::size_t end = sql.find('\n', i);
        if (end == std::string_view::npos) end = sql.size();
        std::string_view line = sql.substr(i, end - i);
        std::size_t first = line.find_first_not_of(" \t\r;");
        if (first != std::string_view::npos && !line.substr(first).starts_with("--")) return true;
        i = end + 1;
    }
    return false;
}

}  // namespace

std::string ForEngine(std::string_view sql, Engine engine) {
    const std::string_view mine = engine == Engine::kSqlite ? "sqlite" : "postgresql";
    std::string out;
    out.reserve(sql.size());
    std::string_view block;  // the engine of the block being read, empty outside one
    std::size_t i = 0;
    int line_no = 0;
    while (i < sql.size()) {
        std::size_t end = sql.find('\n', i);
        const std::size_t next = end == std::string_view::npos ? sql.size() : end + 1;
        std::string_view line = sql.substr(i, next - i);
        ++line_no;
        std::string_view body = line;
        if (body.ends_with('\n')) body.remove_suffix(1);
        if (std::string_view begin = MarkerEngine(body, "begin"); !begin.empty()) {
            if (!block.empty()) {
                throw Error(Code::kInternal, "migration line " + std::to_string(line_no) + ": nested engine-only block");
            }
            block = begin;
        } else if (std::string_view finish = MarkerEngine(body, "end"); !finish.empty()) {
            if (finish != block) {
                throw Error(Code::kInternal,
                            "migration line " + std::to_string(line_no) + ": engine-only block end without its begin");
            }
            block = {};
        } else if (block.empty() || block == mine) {
            out.append(line);
        }
        i = next;
    }
    if (!block.empty()) throw Error(Code::kInternal, "migration: engine-only block without its end");
    return out;
}

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
            if (const std::string sql = ForEngine(migration.sql, db.engine()); HasStatements(sql)) {
                tx.ExecScript(sql);  // a migration for the other engine only is recorded without running anything
            }
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
