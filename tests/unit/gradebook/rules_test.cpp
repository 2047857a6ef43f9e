// The gradebook's pure rules (issue 6): sheet shape by TT22 Điều 6–7, cell values, times.
#include <gtest/gtest.h>

#include "gradebook/rules.hpp"

namespace hocvu::gradebook {
namespace {

using assessment::SubjectKind;

std::vector<std::string> Items(const std::vector<Column>& columns) {
    std::vector<std::string> out;
    for (const Column& c : columns) out.push_back(c.item);
    return out;
}

TEST(SheetColumns, RegularCountFollowsPeriodsPerYearAndTopics) {
    // TT22 Điều 6 khoản 2 điểm b: ≤ 35 → 2, 36–70 → 3, > 70 → 4; khoản 3: a chuyên đề adds one.
    EXPECT_EQ(Items(SheetColumns(SubjectKind::kScored, 35, 0)), (std::vector<std::string>{"tx1", "tx2", "gk", "ck"}));
    EXPECT_EQ(SheetColumns(SubjectKind::kScored, 52, 0).size(), 5u);
    EXPECT_EQ(SheetColumns(SubjectKind::kScored, 70, 0).size(), 5u);
    EXPECT_EQ(SheetColumns(SubjectKind::kScored, 105, 0).size(), 6u);
    auto topic = SheetColumns(SubjectKind::kScored, 105, 1);
    EXPECT_EQ(topic.size(), 7u);
    EXPECT_TRUE(topic[4].topic);
    EXPECT_EQ(topic[4].label, "TX5 (CĐ)");
    EXPECT_FALSE(topic[3].topic);
    EXPECT_EQ(SheetColumns(SubjectKind::kComment, 105, 0).size(), 4u);
}

TEST(CellValues, ScoresHaveOneDecimalAndCommentsAreDOrCD) {
    EXPECT_EQ(ParseCellValue(true, "7,5")->score->tenths(), 75);
    EXPECT_EQ(ParseCellValue(true, " 10 ")->score->tenths(), 100);
    EXPECT_EQ(ParseCellValue(true, "0")->score->tenths(), 0);
    EXPECT_TRUE(ParseCellValue(true, "")->Empty());
    for (const char* bad : {"10.5", "7.25", "-1", "abc", "7.", "Đ", "1e1"}) {
        EXPECT_FALSE(ParseCellValue(true, bad)) << bad;
    }
    EXPECT_EQ(ParseCellValue(false, "Đ")->pass, true);
    EXPECT_EQ(ParseCellValue(false, "d")->pass, true);
    EXPECT_EQ(ParseCellValue(false, "CĐ")->pass, false);
    EXPECT_EQ(ParseCellValue(false, "cd")->pass, false);
    EXPECT_FALSE(ParseCellValue(false, "7"));
    EXPECT_EQ(ParseCellValue(true, "8")->Text(), "8.0");
    EXPECT_EQ(ParseCellValue(false, "cd")->Text(), "CĐ");
}

TEST(CellValues, PendingIsMissingForTheEngine) {
    EXPECT_TRUE(ToMark(CellValue{}).IsMissing());
    EXPECT_EQ(ToMark(*ParseCellValue(true, "6.5")).score().tenths(), 65);
}

TEST(Items, KnownShapes) {
    EXPECT_EQ(KindOfItem("tx1"), ItemKind::kRegular);
    EXPECT_EQ(KindOfItem("tx12"), ItemKind::kRegular);
    EXPECT_EQ(KindOfItem("gk"), ItemKind::kMidterm);
    EXPECT_EQ(KindOfItem("ck"), ItemKind::kFinal);
    for (const char* bad : {"tx0", "tx13", "tx", "txa", "tx01", "GK"}) EXPECT_FALSE(KindOfItem(bad)) << bad;
}

TEST(Times, IsoUtcAndVietnameseMidnight) {
    EXPECT_EQ(ParseTime("2026-10-01T00:00:00Z"), 1790812800LL * 1000000);
    EXPECT_EQ(FormatTime(1790812800LL * 1000000), "2026-10-01T00:00:00Z");
    EXPECT_EQ(FormatTime(*ParseTime("2026-10-01")), "2026-09-30T17:00:00Z");
    EXPECT_FALSE(ParseTime("2026-13-01"));
    EXPECT_FALSE(ParseTime("01/10/2026"));
    EXPECT_FALSE(ParseTime("2026-10-01T25:00:00Z"));
    EntryWindow w{1, 1, ItemKind::kMidterm, 100, 200};
    EXPECT_FALSE(WindowOpen(w, 99));
    EXPECT_TRUE(WindowOpen(w, 100));
    EXPECT_FALSE(WindowOpen(w, 200));
}

}  // namespace
}  // namespace hocvu::gradebook
