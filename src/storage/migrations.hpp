#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "storage/database.hpp"

namespace hocvu::storage {

/// One schema change, `db/migrations/NNNN_name.sql`, embedded in the binary at build time.
struct Migration {
    int version;
    std::string_view name;
    std::string_view sql;
};

/// A migration's SQL as `engine` runs it. Both engines run the same file; lines between `-- sqlite-only begin` and
/// `-- sqlite-only end` run on SQLite only, between `-- postgresql-only begin` and `-- postgresql-only end` on
/// PostgreSQL only (each marker a whole line). Throws for an unbalanced or nested block.
std::string ForEngine(std::string_view sql, Engine engine);

/// The migrations this binary carries, in version order.
std::span<const Migration> BuiltinMigrations();

struct MigrationReport {
    int from_version = 0;
    int to_version = 0;
    std::vector<int> applied;
};

/// The highest migration version recorded in the database (0 for a new database).
int SchemaVersion(Database& db);

/// Applies the pending migrations, each in its own transaction together with its record in
/// `schema_migrations`; an applied migration is never re-applied. Throws `Error{kDbSchemaNewer}` when the
/// database holds a version this binary does not know (it was migrated by a newer release).
MigrationReport Migrate(Database& db, const Clock& clock, std::span<const Migration> migrations = BuiltinMigrations());

}  // namespace hocvu::storage
