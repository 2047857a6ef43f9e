#include <gtest/gtest.h>

#include "common/vietnam_date.hpp"

namespace hocvu {
namespace {

constexpr Micros kSecond = 1000000;

TEST(VietnamDateTest, TheDayTurnsAtMidnightInVietnamWhichIs17UtcTheDayBefore) {
    const Micros utc_2026_12_05_17h = 1796490000 * kSecond;  // 2026-12-05T17:00:00Z = 2026-12-06 00:00 in Vietnam
    EXPECT_EQ(VietnamDate(utc_2026_12_05_17h - kSecond), "2026-12-05");
    EXPECT_EQ(VietnamDate(utc_2026_12_05_17h), "2026-12-06");
    EXPECT_EQ(VietnamDate(0), "1970-01-01");
    EXPECT_EQ(VietnamDate(951843600 * kSecond), "2000-03-01");  // 2000-02-29T17:00:00Z: past a leap day
}

}  // namespace
}  // namespace hocvu
