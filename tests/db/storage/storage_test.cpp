// Storage behaviour every domain relies on, on SQLite and PostgreSQL alike (issue 2).
#include <gtest/gtest.h>

#include <atomic>
#include <limits>
#include <thread>

#include "common/error.hpp"
#include "storage/migrations.hpp"
#include "support/db_fixture.hpp"

namespace hocvu::storage {
namespace {

using testing::DbTest;

class StorageTest : public DbTest {
protected:
    void SetUp() override {
        DbTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        db().Write([](Tx& tx) {
            tx.ExecScript(
                "CREATE TABLE items (unit_id BIGINT NOT NULL, id BIGINT NOT NULL, name TEXT, score BIGINT,"
                " PRIMARY KEY (unit_id, id))");
        });
    }

    std::int64_t Count() {
        return db().Read([](Tx& tx) { return tx.QueryOne("SELECT COUNT(*) FROM items")->Int(0); });
    }
};

TEST_P(StorageTest, WriteIsVisibleToLaterReads) {
    db().Write([](Tx& tx) {
        EXPECT_EQ(tx.Exec("INSERT INTO items (unit_id, id, name, score) VALUES ($1, $2, $3, $4)",
                          {std::int64_t{1}, std::int64_t{10}, std::string("Nguyễn Thị Ánh"), std::int64_t{85}}),
                  1);
    });
    auto row = db().Read([](Tx& tx) { return tx.QueryOne("SELECT name, score FROM items WHERE id = $1", {std::int64_t{10}}); });
    ASSERT_TRUE(row.has_value());
    EXPECT_EQ(row->Text(0), "Nguyễn Thị Ánh");
    EXPECT_EQ(row->Int(1), 85);
}

TEST_P(StorageTest, PlaceholdersBindByNumberNotPosition) {
    db().Write([](Tx& tx) {
        tx.Exec("INSERT INTO items (unit_id, id, name) VALUES ($2, $1, $3)",
                {std::int64_t{7}, std::int64_t{3}, std::string("$1 stays '$1'")});
    });
    auto row = db().Read([](Tx& tx) { return tx.QueryOne("SELECT unit_id, id, name FROM items"); });
    EXPECT_EQ(row->Int(0), 3);
    EXPECT_EQ(row->Int(1), 7);
    EXPECT_EQ(row->Text(2), "$1 stays '$1'");
}

TEST_P(StorageTest, NullsAndExtremeIntegersRoundTrip) {
    static constexpr std::int64_t kBig = std::numeric_limits<std::int64_t>::max();
    db().Write([](Tx& tx) {
        tx.Exec("INSERT INTO items (unit_id, id, name, score) VALUES ($1, $2, $3, $4)",
                {std::int64_t{1}, kBig, nullptr, std::int64_t{-5}});
    });
    auto row = db().Read([](Tx& tx) { return tx.QueryOne("SELECT id, name, score FROM items"); });
    EXPECT_EQ(row->Int(0), kBig);
    EXPECT_TRUE(row->IsNull(1));
    EXPECT_FALSE(row->OptText(1).has_value());
    EXPECT_EQ(row->OptInt(2), -5);
}

TEST_P(StorageTest, ThrowingWriteLeavesNothingBehind) {
    EXPECT_THROW(db().Write([](Tx& tx) {
        tx.Exec("INSERT INTO items (unit_id, id) VALUES (1, 1)");
        tx.Exec("INSERT INTO items (unit_id, id) VALUES (1, 2)");
        throw Error(Code::kValidation, "half-way");
    }),
                 Error);
    EXPECT_EQ(Count(), 0);
}

TEST_P(StorageTest, ConstraintViolationHasItsCodeAndRollsBack) {
    db().Write([](Tx& tx) { tx.Exec("INSERT INTO items (unit_id, id) VALUES (1, 1)"); });
    try {
        db().Write([](Tx& tx) {
            tx.Exec("INSERT INTO items (unit_id, id) VALUES (1, 2)");
            tx.Exec("INSERT INTO items (unit_id, id) VALUES (1, 1)");
        });
        FAIL() << "duplicate key accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), Code::kDbConstraint);
    }
    EXPECT_EQ(Count(), 1);
}

TEST_P(StorageTest, ConcurrentWritersAreAllAcknowledgedAndOneFailureIsolated) {
    constexpr int kThreads = 8;
    constexpr int kPerThread = 40;
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kPerThread; ++i) {
                std::int64_t id = t * 1000 + i;
                try {
                    db().Write([&](Tx& tx) {
                        tx.Exec("INSERT INTO items (unit_id, id, score) VALUES (1, $1, $2)", {id, std::int64_t{i}});
                        if (i == 13) {
                            throw Error(Code::kValidation, "this job alone fails");
                        }
                    });
                } catch (const Error&) {
                    ++failures;
                }
            }
        });
    }
    for (auto& th : threads) th.join();
    EXPECT_EQ(failures.load(), kThreads);
    EXPECT_EQ(Count(), kThreads * (kPerThread - 1));
    auto missing13 = db().Read([](Tx& tx) { return tx.QueryOne("SELECT COUNT(*) FROM items WHERE score = 13")->Int(0); });
    EXPECT_EQ(missing13, 0);
}

TEST_P(StorageTest, ReadSeesACommittedSnapshot) {
    db().Write([](Tx& tx) { tx.Exec("INSERT INTO items (unit_id, id) VALUES (1, 1)"); });
    db().Read([&](Tx& tx) {
        EXPECT_EQ(tx.QueryOne("SELECT COUNT(*) FROM items")->Int(0), 1);
        db().Write([](Tx& w) { w.Exec("INSERT INTO items (unit_id, id) VALUES (1, 2)"); });
        EXPECT_EQ(tx.QueryOne("SELECT COUNT(*) FROM items")->Int(0), 1);
    });
    EXPECT_EQ(Count(), 2);
}

TEST_P(StorageTest, WritesSurviveReopening) {
    db().Write([](Tx& tx) { tx.Exec("INSERT INTO items (unit_id, id) VALUES (1, 42)"); });
    auto other = Reopen();
    EXPECT_EQ(other->Read([](Tx& tx) { return tx.QueryOne("SELECT id FROM items")->Int(0); }), 42);
}

class MigrationTest : public DbTest {};

constexpr Migration kTestMigrations[] = {
    {1, "0001_a", "CREATE TABLE a_table (id BIGINT PRIMARY KEY)"},
    {2, "0002_b", "CREATE TABLE b_table (id BIGINT PRIMARY KEY); INSERT INTO b_table (id) VALUES (1)"},
};

TEST_P(MigrationTest, BuiltinMigrationsAreRecordedAndNeverReapplied) {
    int known = BuiltinMigrations().back().version;
    EXPECT_EQ(SchemaVersion(db()), known);
    MigrationReport again = Migrate(db(), clock_);
    EXPECT_TRUE(again.applied.empty());
    EXPECT_EQ(again.from_version, known);
    auto recorded = db().Read([](Tx& tx) { return tx.QueryOne("SELECT COUNT(*) FROM schema_migrations")->Int(0); });
    EXPECT_EQ(recorded, static_cast<std::int64_t>(BuiltinMigrations().size()));
}

TEST_P(MigrationTest, FailingMigrationIsRolledBackWhole) {
    // Run against a fresh schema history: pretend the builtins are versions 1..n of another product.
    db().Write([](Tx& tx) { tx.ExecScript("DELETE FROM schema_migrations"); });
    constexpr Migration kBroken[] = {
        {1, "0001_a", "CREATE TABLE c_table (id BIGINT PRIMARY KEY)"},
        {2, "0002_broken", "CREATE TABLE d_table (id BIGINT PRIMARY KEY); INSERT INTO no_such_table VALUES (1)"},
    };
    EXPECT_THROW(Migrate(db(), clock_, kBroken), Error);
    EXPECT_EQ(SchemaVersion(db()), 1);
    EXPECT_THROW(db().Read([](Tx& tx) { tx.Query("SELECT * FROM d_table"); }), Error);
}

TEST_P(MigrationTest, RefusesADatabaseFromANewerRelease) {
    db().Write([&](Tx& tx) {
        tx.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', 0)");
    });
    try {
        Migrate(db(), clock_);
        FAIL() << "migrated a newer schema";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), Code::kDbSchemaNewer);
    }
}

TEST_P(MigrationTest, AppliesOnlyWhatIsPending) {
    db().Write([](Tx& tx) { tx.ExecScript("DELETE FROM schema_migrations"); });
    auto first = Migrate(db(), clock_, std::span(kTestMigrations, 1));
    EXPECT_EQ(first.applied, std::vector<int>{1});
    auto second = Migrate(db(), clock_, kTestMigrations);
    EXPECT_EQ(second.applied, std::vector<int>{2});
    EXPECT_EQ(db().Read([](Tx& tx) { return tx.QueryOne("SELECT COUNT(*) FROM b_table")->Int(0); }), 1);
}

HOCVU_ON_BOTH_ENGINES(StorageTest);
HOCVU_ON_BOTH_ENGINES(MigrationTest);

}  // namespace
}  // namespace hocvu::storage
