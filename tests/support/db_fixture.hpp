#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "common/clock.hpp"
#include "common/ids.hpp"
#include "storage/database.hpp"

namespace hocvu::testing {

/// A fresh, migrated database for each test, on the engine of the test's parameter. PostgreSQL tests use the
/// server that `scripts/with-postgres.sh` started (env HOCVU_TEST_PG), each test in a schema of its own; without
/// it they are skipped, or fail when HOCVU_REQUIRE_PG=1 (as `make test` sets).
class DbTest : public ::testing::TestWithParam<storage::Engine> {
protected:
    void SetUp() override;
    void TearDown() override;

    storage::Database& db() { return *db_; }
    /// Opens another handle on the same database (a second server process, a restart).
    std::unique_ptr<storage::Database> Reopen() const;

    FakeClock clock_{1788000000000000};  // 2026-08-29T10:40:00Z
    IdGenerator ids_{clock_, 1};

private:
    storage::DatabaseConfig config_;
    std::unique_ptr<storage::Database> db_;
    std::filesystem::path sqlite_dir_;
    std::string pg_schema_;
};

/// The URL of a PostgreSQL database whose search_path is `schema`.
std::string PostgresUrlWithSchema(const std::string& base, const std::string& schema);

std::string EngineTestName(const ::testing::TestParamInfo<storage::Engine>& info);

}  // namespace hocvu::testing

/// Runs every TEST_P of `suite` on SQLite and on PostgreSQL.
#define HOCVU_ON_BOTH_ENGINES(suite)                                                                        \
    INSTANTIATE_TEST_SUITE_P(Engines, suite,                                                                \
                             ::testing::Values(::hocvu::storage::Engine::kSqlite,                           \
                                               ::hocvu::storage::Engine::kPostgres),                         \
                             ::hocvu::testing::EngineTestName)
