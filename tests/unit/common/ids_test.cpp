#include <gtest/gtest.h>

#include <set>

#include "common/ids.hpp"

namespace hocvu {
namespace {

TEST(IdGeneratorTest, StrictlyIncreasingEvenWithinOneMillisecond) {
    FakeClock clock(1788000000000000);
    IdGenerator ids(clock, 5);
    std::int64_t last = 0;
    for (int i = 0; i < 10000; ++i) {  // more than the 4096 ids a millisecond holds
        std::int64_t id = ids.Next();
        ASSERT_GT(id, last);
        last = id;
    }
}

TEST(IdGeneratorTest, StaysMonotonicWhenTheClockStepsBack) {
    FakeClock clock(1788000000000000);
    IdGenerator ids(clock, 1);
    std::int64_t before = ids.Next();
    clock.Advance(-5'000'000);
    EXPECT_GT(ids.Next(), before);
}

TEST(IdGeneratorTest, NodesNeverCollide) {
    FakeClock clock(1788000000000000);
    IdGenerator a(clock, 1);
    IdGenerator b(clock, 2);
    std::set<std::int64_t> seen;
    for (int i = 0; i < 1000; ++i) {
        EXPECT_TRUE(seen.insert(a.Next()).second);
        EXPECT_TRUE(seen.insert(b.Next()).second);
    }
    EXPECT_EQ(((a.Next() >> 12) & 0x3FF), 1);
}

TEST(IdGeneratorTest, RejectsNodeOutOfRange) {
    FakeClock clock(0);
    EXPECT_THROW(IdGenerator(clock, 1024), std::invalid_argument);
}

}  // namespace
}  // namespace hocvu
