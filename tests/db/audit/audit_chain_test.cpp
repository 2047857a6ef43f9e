// GB-6: the audit trail is append-only and hash-chained per unit; `Verify` names the first broken entry.
// Every test runs on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <thread>

#include "audit/chain.hpp"
#include "common/error.hpp"
#include "support/db_fixture.hpp"

namespace hocvu::audit {
namespace {

class AuditChainTest : public testing::DbTest {
protected:
    std::int64_t Add(std::int64_t unit, const std::string& action, const std::string& details = "{}") {
        return db().Write([&](storage::Tx& tx) {
            return Append(tx, ids_, clock_, Entry{unit, std::int64_t{7}, action, "score:1", "10.0.0.5", details});
        });
    }

    UnitVerification VerifyUnit(std::int64_t unit) {
        auto result = Verify(db(), unit);
        EXPECT_EQ(result.size(), 1u);
        return result.empty() ? UnitVerification{} : result.front();
    }

    void Sql(const std::string& sql) {
        db().Write([&](storage::Tx& tx) { tx.Exec(sql); });
    }
};

TEST_P(AuditChainTest, IntactChainsVerify) {
    for (int i = 0; i < 5; ++i) {
        Add(100, "gradebook.score_changed", "{\"old\":\"7.5\",\"new\":\"8.0\"}");
        Add(200, "org.login");
        clock_.Advance(1000);
    }
    auto all = Verify(db());
    ASSERT_EQ(all.size(), 2u);
    for (const auto& v : all) {
        EXPECT_TRUE(v.ok) << v.unit_id << ": " << v.reason;
        EXPECT_EQ(v.entries, 5);
    }
}

TEST_P(AuditChainTest, AlteredEntryIsNamed) {
    Add(100, "a");
    std::int64_t victim = Add(100, "gradebook.score_changed", "{\"new\":\"4.0\"}");
    Add(100, "c");
    Sql("UPDATE audit_log SET details = '{\"new\":\"9.0\"}' WHERE id = " + std::to_string(victim));
    auto v = VerifyUnit(100);
    EXPECT_FALSE(v.ok);
    EXPECT_EQ(v.first_broken_id, victim);
    EXPECT_EQ(v.first_broken_seq, 2);
}

TEST_P(AuditChainTest, RemovedMiddleEntryIsDetectedAtTheNextOne) {
    Add(100, "a");
    std::int64_t removed = Add(100, "b");
    std::int64_t next = Add(100, "c");
    Sql("DELETE FROM audit_log WHERE id = " + std::to_string(removed));
    auto v = VerifyUnit(100);
    EXPECT_FALSE(v.ok);
    EXPECT_EQ(v.first_broken_id, next);
}

TEST_P(AuditChainTest, RemovedLastEntryIsDetectedByTheHead) {
    Add(100, "a");
    std::int64_t last = Add(100, "b");
    Sql("DELETE FROM audit_log WHERE id = " + std::to_string(last));
    auto v = VerifyUnit(100);
    EXPECT_FALSE(v.ok);
    EXPECT_EQ(v.first_broken_seq, 2);
}

TEST_P(AuditChainTest, RewrittenHashesAreCaughtByTheNextEntry) {
    std::int64_t first = Add(100, "a");
    std::int64_t second = Add(100, "b");
    Sql("UPDATE audit_log SET action = 'forged', hash = 'aa' WHERE id = " + std::to_string(first));
    auto v = VerifyUnit(100);
    EXPECT_FALSE(v.ok);
    EXPECT_EQ(v.first_broken_id, first);
    (void)second;
}

TEST_P(AuditChainTest, EntryOfARolledBackChangeDoesNotExist) {
    Add(100, "a");
    EXPECT_THROW(db().Write([&](storage::Tx& tx) {
        Append(tx, ids_, clock_, Entry{100, std::nullopt, "b", "x", "", "{}"});
        throw Error(Code::kValidation, "the change failed");
    }),
                 Error);
    Add(100, "c");
    auto v = VerifyUnit(100);
    EXPECT_TRUE(v.ok) << v.reason;
    EXPECT_EQ(v.entries, 2);
}

TEST_P(AuditChainTest, ConcurrentAppendsToOneUnitFormOneChain) {
    constexpr int kThreads = 8;
    constexpr int kEach = 20;
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < kEach; ++i) Add(300, "concurrent");
        });
    }
    for (auto& th : threads) th.join();
    auto v = VerifyUnit(300);
    EXPECT_TRUE(v.ok) << v.reason;
    EXPECT_EQ(v.entries, kThreads * kEach);
}

TEST_P(AuditChainTest, VerifiesOneUnitWithARealSizedId) {
    // Regression: on PostgreSQL `$1 = 0` typed the parameter as a 32-bit integer and a real unit id failed.
    std::int64_t unit = ids_.Next();
    Add(unit, "a");
    Add(unit, "b");
    auto v = VerifyUnit(unit);
    EXPECT_TRUE(v.ok) << v.reason;
    EXPECT_EQ(v.entries, 2);
}

TEST(AuditCanonicalTest, FieldsCannotBleedIntoEachOther) {
    EXPECT_NE(Canonical(1, 1, 1, 1, std::nullopt, "ab", "c", "", "{}"),
              Canonical(1, 1, 1, 1, std::nullopt, "a", "bc", "", "{}"));
    EXPECT_NE(Canonical(1, 1, 1, 1, std::nullopt, "a", "", "", "{}"), Canonical(1, 1, 1, 1, 0, "a", "", "", "{}"));
}

TEST(AuditCanonicalTest, HashIsSha256OfPreviousAndEntry) {
    // SHA-256("abc"), the FIPS 180-2 test vector, for the first entry of a chain.
    EXPECT_EQ(ChainHash("", "abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_NE(ChainHash(ChainHash("", "abc"), "abc"), ChainHash("", "abc"));
}

HOCVU_ON_BOTH_ENGINES(AuditChainTest);

}  // namespace
}  // namespace hocvu::audit
