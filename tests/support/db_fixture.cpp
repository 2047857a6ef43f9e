#include "support/db_fixture.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>

#include "storage/migrations.hpp"

namespace hocvu::testing {
namespace {

std::atomic<int> counter{0};

std::string UniqueName(const char* prefix) {
    return std::string(prefix) + std::to_string(getpid()) + "_" + std::to_string(counter++);
}

void AdminExec(const std::string& sql) {
    const char* admin = std::getenv("HOCVU_TEST_PG");
    storage::DatabaseConfig config;
    config.url = admin;
    config.postgres_connections = 1;
    auto db = storage::OpenDatabase(config);
    db->Write([&](storage::Tx& tx) { tx.ExecScript(sql); });
}

}  // namespace

std::string PostgresUrlWithSchema(const std::string& base, const std::string& schema) {
    return base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema;
}

std::string EngineTestName(const ::testing::TestParamInfo<storage::Engine>& info) {
    return info.param == storage::Engine::kSqlite ? "Sqlite" : "Postgres";
}

void DbTest::SetUp() {
    if (GetParam() == storage::Engine::kSqlite) {
        sqlite_dir_ = std::filesystem::temp_directory_path() / UniqueName("hocvu-test-");
        std::filesystem::create_directories(sqlite_dir_);
        config_.sqlite_path = (sqlite_dir_ / "test.sqlite3").string();
    } else {
        const char* base = std::getenv("HOCVU_TEST_PG");
        if (base == nullptr || *base == '\0') {
            const char* required = std::getenv("HOCVU_REQUIRE_PG");
            if (required != nullptr && std::string(required) == "1") {
                FAIL() << "HOCVU_TEST_PG is not set; run under scripts/with-postgres.sh";
            }
            GTEST_SKIP() << "no PostgreSQL (run under scripts/with-postgres.sh)";
        }
        pg_schema_ = UniqueName("t_");
        AdminExec("CREATE SCHEMA " + pg_schema_);
        config_.url = PostgresUrlWithSchema(base, pg_schema_);
    }
    db_ = storage::OpenDatabase(config_);
    storage::Migrate(*db_, clock_);
}

void DbTest::TearDown() {
    db_.reset();
    if (!sqlite_dir_.empty()) {
        std::error_code ec;
        std::filesystem::remove_all(sqlite_dir_, ec);
    }
    if (!pg_schema_.empty()) {
        AdminExec("DROP SCHEMA " + pg_schema_ + " CASCADE");
    }
}

std::unique_ptr<storage::Database> DbTest::Reopen() const { return storage::OpenDatabase(config_); }

}  // namespace hocvu::testing
