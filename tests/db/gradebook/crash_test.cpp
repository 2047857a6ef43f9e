// Durability of score saves (issue 6): a process saving whole columns of score sheets is killed with SIGKILL at
// random moments; afterwards every acknowledged save is present with all its cells and its audit entry, no column
// is half saved, and the audit chain verifies. Runs on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <algorithm>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <random>
#include <set>
#include <string>
#include <thread>

#include "app/context.hpp"
#include "audit/chain.hpp"
#include "org/demo.hpp"
#include "schooling/demo.hpp"
#include "storage/migrations.hpp"
#include "support/db_fixture.hpp"

namespace hocvu::gradebook {
namespace {

class GradebookCrashTest : public testing::DbTest {
protected:
    std::string Url() const {
        if (GetParam() == storage::Engine::kSqlite) return "sqlite:" + (dir_ / "crash.sqlite3").string();
        return testing::PostgresUrlWithSchema(std::getenv("HOCVU_TEST_PG"), schema_);
    }

    void SetUp() override {
        DbTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        dir_ = std::filesystem::temp_directory_path() / ("hocvu-gbcrash-" + std::to_string(getpid()));
        std::filesystem::create_directories(dir_);
        if (GetParam() == storage::Engine::kPostgres) {
            schema_ = "gbcrash_" + std::to_string(getpid());
            db().Write([&](storage::Tx& tx) {
                tx.ExecScript("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE; CREATE SCHEMA " + schema_);
            });
        }
        auto target = Open();
        storage::Migrate(*target, clock_);
        app::Context ctx{*target, clock_, ids_};
        target->Write([&](storage::Tx& tx) {
            org::CreateDemo(tx, ctx);
            schooling::CreateDemoSchoolYear(tx, ctx);
        });
        principal_ = target->Read([&](storage::Tx& tx) {
            return tx.QueryOne("SELECT a.id FROM accounts a JOIN grants g ON g.account_id = a.id JOIN units u ON "
                               "u.id = g.unit_id WHERE g.role = 'principal' AND u.code = 'thptchuvanan'")
                ->Int(0);
        });
    }

    void TearDown() override {
        if (!schema_.empty()) {
            db().Write([&](storage::Tx& tx) { tx.ExecScript("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE"); });
        }
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
        DbTest::TearDown();
    }

    std::unique_ptr<storage::Database> Open() const {
        storage::DatabaseConfig config;
        config.url = Url();
        return storage::OpenDatabase(config);
    }

    std::filesystem::path dir_;
    std::string schema_;
    std::int64_t principal_ = 0;
};

struct Ack {
    std::string subject;
    std::int64_t version = 0;
    int changed = 0;
};

constexpr long kAcksBeforeKill = 3;

/// Runs the writer until it has acknowledged a few saves, then for `run_for` more, kills it with SIGKILL, and
/// returns the saves it acknowledged.
std::vector<Ack> RunAndKill(const std::string& url, std::int64_t principal, int node,
                            std::chrono::milliseconds run_for) {
    int fds[2];
    EXPECT_EQ(pipe(fds), 0);
    pid_t child = fork();
    if (child == 0) {
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        std::string p = std::to_string(principal), n = std::to_string(node);
        execl(HOCVU_GRADEBOOK_CRASH_WRITER, "gradebook_crash_writer", url.c_str(), p.c_str(), n.c_str(),
              static_cast<char*>(nullptr));
        _exit(127);
    }
    close(fds[1]);
    // The kill comes `run_for` after the writer's first acknowledgements, not after its start: a loaded machine
    // (or a slow sanitizer build) may take seconds just to start it, and a kill before any save proves nothing.
    std::string text;
    char buf[4096];
    ssize_t n = 0;
    auto started = std::chrono::steady_clock::now();
    while (std::count(text.begin(), text.end(), '\n') < kAcksBeforeKill &&
           std::chrono::steady_clock::now() - started < std::chrono::seconds(60) &&
           (n = read(fds[0], buf, sizeof buf)) > 0) {
        text.append(buf, static_cast<std::size_t>(n));
    }
    std::this_thread::sleep_for(run_for);
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    while ((n = read(fds[0], buf, sizeof buf)) > 0) text.append(buf, static_cast<std::size_t>(n));
    close(fds[0]);
    std::vector<Ack> acks;
    std::size_t pos = 0;
    for (std::size_t nl; (nl = text.find('\n', pos)) != std::string::npos; pos = nl + 1) {
        std::string line = text.substr(pos, nl - pos);
        std::size_t a = line.find(' '), b = line.rfind(' ');
        acks.push_back({line.substr(0, a), std::stoll(line.substr(a + 1, b - a - 1)), std::stoi(line.substr(b + 1))});
    }
    return acks;
}

TEST_P(GradebookCrashTest, KilledWriterLosesNoAcknowledgedSaveAndHalfSavesNothing) {
    std::mt19937 random(20261128);
    std::uniform_int_distribution<int> millis(0, 600);
    std::vector<Ack> all;
    for (int round = 0; round < 8; ++round) {
        auto acks = RunAndKill(Url(), principal_, 10 + round, std::chrono::milliseconds(millis(random)));
        all.insert(all.end(), acks.begin(), acks.end());
        auto db = Open();
        db->Read([&](storage::Tx& tx) {
            // Every acknowledged save: its audit entry, and a history line for each of its cells.
            for (const Ack& ack : all) {
                auto entry = tx.QueryOne(
                    "SELECT id FROM audit_log WHERE action = 'gradebook.scores_saved' AND target = $1 AND "
                    "details LIKE $2",
                    {"sheet:101/" + ack.subject + "/1", "%\"version\":" + std::to_string(ack.version) + ",%"});
                ASSERT_TRUE(entry) << "round " << round << ": acknowledged save " << ack.subject << " v"
                                   << ack.version << " lost";
                EXPECT_EQ(tx.QueryOne("SELECT COUNT(*) FROM gradebook_score_history WHERE audit_id = $1",
                                      {entry->Int(0)})
                              ->Int(0),
                          ack.changed);
            }
            // No half-saved column: every column holds one value for all 30 students, written at one version.
            for (const storage::Row& row :
                 tx.Query("SELECT subject_code, item, COUNT(*), COUNT(DISTINCT score), COUNT(DISTINCT version) FROM "
                          "gradebook_scores WHERE class_id = 101 GROUP BY subject_code, item")) {
                EXPECT_EQ(row.Int(2), 30) << row.Text(0) << " " << row.Text(1);
                EXPECT_EQ(row.Int(3), 1) << row.Text(0) << " " << row.Text(1) << " half saved";
                EXPECT_EQ(row.Int(4), 1) << row.Text(0) << " " << row.Text(1) << " half saved";
            }
            // Each sheet's version matches the number of audited saves.
            for (const storage::Row& row :
                 tx.Query("SELECT subject_code, version FROM gradebook_sheets WHERE class_id = 101")) {
                EXPECT_EQ(tx.QueryOne("SELECT COUNT(*) FROM audit_log WHERE target = $1",
                                      {"sheet:101/" + row.Text(0) + "/1"})
                              ->Int(0),
                          row.Int(1));
            }
            if (GetParam() == storage::Engine::kSqlite) {
                EXPECT_EQ(tx.QueryOne("PRAGMA integrity_check")->Text(0), "ok");
            }
        });
        for (const auto& unit : audit::Verify(*db)) {
            EXPECT_TRUE(unit.ok) << "round " << round << ": " << unit.reason;
        }
    }
    EXPECT_GT(all.size(), 20u) << "the writer barely saved: the test proved nothing";
}

HOCVU_ON_BOTH_ENGINES(GradebookCrashTest);

}  // namespace
}  // namespace hocvu::gradebook
