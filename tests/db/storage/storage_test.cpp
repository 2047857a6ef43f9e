// Storage behaviour every domain relies on, on SQLite and PostgreSQL alike (issue 2).
#include <gtest/gtest.h>

#include <algorithm>
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

TEST_P(MigrationTest, EngineOnlyBlocksRunOnTheirEngineOnly) {
    db().Write([](Tx& tx) { tx.ExecScript("DELETE FROM schema_migrations"); });
    constexpr Migration kBlocks[] = {
        {1, "0001_blocks",
         "CREATE TABLE both_table (id BIGINT PRIMARY KEY);\n"
         "-- sqlite-only begin\n"
         "CREATE TABLE lite_table (id BIGINT PRIMARY KEY) WITHOUT ROWID;\n"
         "-- sqlite-only end\n"
         "-- postgresql-only begin\n"
         "CREATE TABLE pg_table (id BIGINT PRIMARY KEY);\n"
         "-- postgresql-only end\n"},
        {2, "0002_other_engine_only", "-- postgresql-only begin\nCREATE TABLE pg_only (id BIGINT);\n"
                                      "-- postgresql-only end\n-- sqlite-only begin\nCREATE TABLE lite_only (id "
                                      "BIGINT);\n-- sqlite-only end\n"},
    };
    auto report = Migrate(db(), clock_, kBlocks);
    EXPECT_EQ(report.applied, (std::vector<int>{1, 2}));
    auto exists = [&](const char* table) {
        try {
            db().Read([&](Tx& tx) { tx.Query("SELECT COUNT(*) FROM " + std::string(table)); });
            return true;
        } catch (const Error&) {
            return false;
        }
    };
    const bool lite = GetParam() == Engine::kSqlite;
    EXPECT_TRUE(exists("both_table"));
    EXPECT_EQ(exists("lite_table"), lite);
    EXPECT_EQ(exists("pg_table"), !lite);
    EXPECT_EQ(exists("lite_only"), lite);
    EXPECT_EQ(exists("pg_only"), !lite);
    EXPECT_THROW(ForEngine("-- sqlite-only begin\nSELECT 1;\n", Engine::kSqlite), Error);
    EXPECT_THROW(ForEngine("SELECT 1;\n-- sqlite-only end\n", Engine::kPostgres), Error);
}

/// Drops every table, so that the builtin migrations can be replayed from an empty database.
void DropAllTables(Database& db) {
    db.Write([&](Tx& tx) {
        const bool lite = db.engine() == Engine::kSqlite;
        auto rows = tx.Query(lite ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                                  : "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                                    "current_schema()");
        for (const Row& row : rows) tx.ExecScript("DROP TABLE " + row.Text(0) + (lite ? "" : " CASCADE"));
    });
}

TEST_P(MigrationTest, GradebookSaveLayoutMigrationKeepsScoresAndHistory) {
    DropAllTables(db());
    auto builtins = BuiltinMigrations();
    auto before = std::find_if(builtins.begin(), builtins.end(), [](const Migration& m) { return m.version >= 9; });
    ASSERT_NE(before, builtins.end());
    Migrate(db(), clock_, std::span(builtins.begin(), before));
    ASSERT_EQ(SchemaVersion(db()), std::prev(before)->version);
    db().Write([](Tx& tx) {
        for (std::int64_t s = 1; s <= 45; ++s) {
            tx.Exec("INSERT INTO gradebook_scores (unit_id, class_id, subject_code, semester, student_id, item, score, "
                    "pass, status, version, updated_by, updated_at, level) VALUES (7, 70, 'TOAN', 1, $1, 'tx1', $2, "
                    "NULL, 'entered', 3, 5, 1000, $3)",
                    {s, s == 45 ? Value(nullptr) : Value(s * 2), s == 44 ? Value(std::int64_t{2}) : Value(nullptr)});
            tx.Exec("INSERT INTO gradebook_score_history (unit_id, id, class_id, subject_code, semester, student_id, "
                    "item, old_value, new_value, reason, actor_id, at, audit_id, correction_id) VALUES (7, $1, 70, "
                    "'TOAN', 1, $2, 'tx1', '', $3, 'lý do', 5, 1000, 99, $4)",
                    {100 + s, s, std::to_string(s) + ",0", s == 1 ? Value(std::int64_t{12}) : Value(nullptr)});
        }
    });
    auto snapshot = [&] {
        return db().Read([](Tx& tx) {
            std::vector<std::string> out;
            for (const Row& row : tx.Query("SELECT unit_id, class_id, subject_code, semester, student_id, item, score, "
                                           "pass, status, version, updated_by, updated_at, level FROM gradebook_scores "
                                           "ORDER BY student_id")) {
                std::string line;
                for (std::size_t c = 0; c < row.size(); ++c) line += (row.IsNull(c) ? "null" : row.Text(c)) + "|";
                out.push_back(line);
            }
            for (const Row& row : tx.Query("SELECT unit_id, id, class_id, subject_code, semester, student_id, item, "
                                           "old_value, new_value, reason, actor_id, at, audit_id, correction_id FROM "
                                           "gradebook_score_history ORDER BY id")) {
                std::string line;
                for (std::size_t c = 0; c < row.size(); ++c) line += (row.IsNull(c) ? "null" : row.Text(c)) + "|";
                out.push_back(line);
            }
            return out;
        });
    };
    const std::vector<std::string> old_rows = snapshot();
    ASSERT_EQ(old_rows.size(), 90u);

    auto report = Migrate(db(), clock_);
    EXPECT_EQ(report.from_version, std::prev(before)->version);
    EXPECT_NE(std::find(report.applied.begin(), report.applied.end(), 9), report.applied.end());
    EXPECT_EQ(snapshot(), old_rows);
    // The keys still hold: a second cell with the same key is refused, and the history's cell index exists.
    EXPECT_THROW(db().Write([](Tx& tx) {
        tx.Exec("INSERT INTO gradebook_scores (unit_id, class_id, subject_code, semester, student_id, item, status, "
                "version, updated_by, updated_at) VALUES (7, 70, 'TOAN', 1, 1, 'tx1', 'entered', 4, 5, 1001)");
    }),
                 Error);
    EXPECT_THROW(db().Write([](Tx& tx) {
        tx.Exec("INSERT INTO gradebook_score_history (unit_id, id, class_id, subject_code, semester, student_id, "
                "item, old_value, new_value, reason, actor_id, at, audit_id) VALUES (7, 101, 70, 'TOAN', 1, 1, "
                "'tx1', '', '1', '', 5, 1000, 99)");
    }),
                 Error);
    // A save's upsert still finds its conflict target (the same six key columns, in the key's new order on SQLite).
    db().Write([](Tx& tx) {
        tx.Exec("INSERT INTO gradebook_scores (unit_id, class_id, subject_code, semester, student_id, item, score, "
                "status, version, updated_by, updated_at) VALUES (7, 70, 'TOAN', 1, 3, 'tx1', 95, 'entered', 4, 5, "
                "1002), (7, 70, 'TOAN', 1, 3, 'tx2', 80, 'entered', 4, 5, 1002) ON CONFLICT (unit_id, class_id, "
                "subject_code, semester, student_id, item) DO UPDATE SET score = excluded.score, version = "
                "excluded.version");
    });
    db().Read([](Tx& tx) {
        auto rows = tx.Query("SELECT item, score, version FROM gradebook_scores WHERE unit_id = 7 AND class_id = 70 "
                             "AND student_id = 3 ORDER BY item");
        ASSERT_EQ(rows.size(), 2u);
        EXPECT_EQ(rows[0].Text(0) + "=" + rows[0].Text(1) + "@" + rows[0].Text(2), "tx1=95@4");
        EXPECT_EQ(rows[1].Text(0) + "=" + rows[1].Text(1) + "@" + rows[1].Text(2), "tx2=80@4");
        // A cell's history, as the grid reads it, through the new index on both engines.
        auto history = tx.Query("SELECT new_value FROM gradebook_score_history WHERE unit_id = 7 AND class_id = 70 AND "
                                "subject_code = 'TOAN' AND semester = 1 AND student_id = 2 AND item = 'tx1' ORDER BY id");
        ASSERT_EQ(history.size(), 1u);
        EXPECT_EQ(history[0].Text(0), "2,0");
    });
    if (GetParam() == Engine::kSqlite) {
        db().Read([](Tx& tx) {
            for (const char* table : {"gradebook_scores", "gradebook_score_history"}) {
                auto sql = tx.QueryOne("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = $1",
                                       {std::string(table)});
                ASSERT_TRUE(sql.has_value()) << table;
                EXPECT_NE(sql->Text(0).find("WITHOUT ROWID"), std::string::npos) << table;
            }
            EXPECT_TRUE(tx.QueryOne("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = "
                                    "'gradebook_score_history_column'")
                            .has_value());
            EXPECT_EQ(tx.QueryOne("PRAGMA integrity_check")->Text(0), "ok");
        });
    }
}

HOCVU_ON_BOTH_ENGINES(StorageTest);
HOCVU_ON_BOTH_ENGINES(MigrationTest);

}  // namespace
}  // namespace hocvu::storage
