// Durability: a writer killed with SIGKILL at random moments loses no acknowledged write and leaves no
// transaction half applied (issue 2). Runs on SQLite and PostgreSQL.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <set>
#include <string>
#include <thread>

#include "support/db_fixture.hpp"

namespace hocvu::storage {
namespace {

class CrashTest : public testing::DbTest {
protected:
    std::string Url() const {
        if (GetParam() == Engine::kSqlite) {
            auto path = dir_ / "crash.sqlite3";
            return "sqlite:" + path.string();
        }
        return testing::PostgresUrlWithSchema(std::getenv("HOCVU_TEST_PG"), schema_);
    }

    void SetUp() override {
        DbTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        dir_ = std::filesystem::temp_directory_path() / ("hocvu-crash-" + std::to_string(getpid()));
        std::filesystem::create_directories(dir_);
        if (GetParam() == Engine::kPostgres) {
            schema_ = "crash_" + std::to_string(getpid());
            db().Write([&](Tx& tx) { tx.ExecScript("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE; CREATE SCHEMA " + schema_); });
        }
        Open()->Write([](Tx& tx) {
            tx.ExecScript(
                "CREATE TABLE crash_ledger (seq BIGINT PRIMARY KEY, amount BIGINT NOT NULL, note TEXT NOT NULL);"
                "CREATE TABLE crash_accounts (id BIGINT PRIMARY KEY, balance BIGINT NOT NULL);"
                "INSERT INTO crash_accounts (id, balance) VALUES (1, 0), (2, 0)");
        });
    }

    void TearDown() override {
        if (!schema_.empty()) {
            db().Write([&](Tx& tx) { tx.ExecScript("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE"); });
        }
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
        DbTest::TearDown();
    }

    std::unique_ptr<Database> Open() const {
        DatabaseConfig config;
        config.url = Url();
        return OpenDatabase(config);
    }

    std::filesystem::path dir_;
    std::string schema_;
};

/// Starts the writer, lets it run `run_for`, kills it with SIGKILL, and returns the sequence numbers it
/// acknowledged.
std::set<std::int64_t> RunAndKill(const std::string& url, std::int64_t start, std::chrono::milliseconds run_for) {
    int pipe_fds[2];
    EXPECT_EQ(pipe(pipe_fds), 0);
    pid_t child = fork();
    if (child == 0) {
        dup2(pipe_fds[1], STDOUT_FILENO);
        close(pipe_fds[0]);
        close(pipe_fds[1]);
        std::string seq = std::to_string(start);
        execl(HOCVU_CRASH_WRITER, "crash_writer", url.c_str(), seq.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    close(pipe_fds[1]);
    std::this_thread::sleep_for(run_for);
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    std::set<std::int64_t> acknowledged;
    std::string pending;
    char buf[4096];
    ssize_t n = 0;
    while ((n = read(pipe_fds[0], buf, sizeof buf)) > 0) {
        pending.append(buf, static_cast<std::size_t>(n));
    }
    close(pipe_fds[0]);
    std::size_t pos = 0;
    while (true) {
        std::size_t nl = pending.find('\n', pos);
        if (nl == std::string::npos) break;  // a torn last line was never a whole acknowledgement
        acknowledged.insert(std::stoll(pending.substr(pos, nl - pos)));
        pos = nl + 1;
    }
    return acknowledged;
}

TEST_P(CrashTest, KilledWriterLosesNoAcknowledgedWriteAndLeavesNoHalfTransaction) {
    std::mt19937 random(20261128);
    std::uniform_int_distribution<int> millis(40, 400);
    std::set<std::int64_t> all_acknowledged;
    std::int64_t next_start = 1;
    for (int round = 0; round < 20; ++round) {
        auto acknowledged = RunAndKill(Url(), next_start, std::chrono::milliseconds(millis(random)));
        all_acknowledged.insert(acknowledged.begin(), acknowledged.end());

        auto db = Open();  // the restart
        db->Read([&](Tx& tx) {
            std::set<std::int64_t> present;
            for (const Row& row : tx.Query("SELECT seq FROM crash_ledger")) {
                present.insert(row.Int(0));
            }
            for (std::int64_t seq : all_acknowledged) {
                ASSERT_TRUE(present.count(seq)) << "round " << round << ": acknowledged write " << seq << " lost";
            }
            std::int64_t ledger = tx.QueryOne("SELECT COALESCE(SUM(amount), 0) FROM crash_ledger")->Int(0);
            std::int64_t debit = tx.QueryOne("SELECT balance FROM crash_accounts WHERE id = 1")->Int(0);
            std::int64_t credit = tx.QueryOne("SELECT balance FROM crash_accounts WHERE id = 2")->Int(0);
            EXPECT_EQ(credit, ledger) << "round " << round << ": a transaction was half applied";
            EXPECT_EQ(debit, -ledger) << "round " << round << ": a transaction was half applied";
            if (GetParam() == Engine::kSqlite) {
                EXPECT_EQ(tx.QueryOne("PRAGMA integrity_check")->Text(0), "ok");
            }
            next_start = tx.QueryOne("SELECT COALESCE(MAX(seq), 0) FROM crash_ledger")->Int(0) + 1000000;
        });
    }
    EXPECT_GT(all_acknowledged.size(), 20u) << "the writer barely wrote: the test proved nothing";
}

HOCVU_ON_BOTH_ENGINES(CrashTest);

}  // namespace
}  // namespace hocvu::storage
