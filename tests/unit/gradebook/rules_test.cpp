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
    EXPECT_EQ(KindOfItem("gk2"), ItemKind::kMidterm);
    EXPECT_EQ(KindOfItem("gk_muc"), ItemKind::kMidterm);
    EXPECT_EQ(KindOfItem("ck_kt"), ItemKind::kFinal);
    for (const char* bad : {"tx0", "tx13", "tx", "txa", "tx01", "GK", "gk0", "gk7"}) EXPECT_FALSE(KindOfItem(bad)) << bad;
}

TEST(SheetColumns, GB1Tt27LevelsAndPeriodicTestsByGrade) {
    // TT27 Điều 7 khoản 1 (regulations.md §3.2): tests at the end of each term for TV and Toán from grade 1, NN1 and
    // Tin học và Công nghệ from grade 3, LS&ĐL and Khoa học from grade 4; mid-term tests for TV and Toán in 4–5.
    EXPECT_EQ(Items(Tt27Columns("TOAN", 2)), (std::vector<std::string>{"gk_muc", "ck_muc", "ck_kt"}));
    EXPECT_EQ(Items(Tt27Columns("TOAN", 4)), (std::vector<std::string>{"gk_muc", "gk_kt", "ck_muc", "ck_kt"}));
    EXPECT_EQ(Items(Tt27Columns("TV", 5)), (std::vector<std::string>{"gk_muc", "gk_kt", "ck_muc", "ck_kt"}));
    EXPECT_EQ(Items(Tt27Columns("TINCN", 3)), (std::vector<std::string>{"gk_muc", "ck_muc", "ck_kt"}));
    EXPECT_EQ(Items(Tt27Columns("KH", 4)), (std::vector<std::string>{"gk_muc", "ck_muc", "ck_kt"}));
    EXPECT_EQ(Items(Tt27Columns("NN1", 3)), (std::vector<std::string>{"gk_muc", "ck_muc", "ck_kt"}));
    EXPECT_EQ(Items(Tt27Columns("TNXH", 3)), (std::vector<std::string>{"gk_muc", "ck_muc"}));  // P10
    EXPECT_EQ(Items(Tt27Columns("DAODUC", 5)), (std::vector<std::string>{"gk_muc", "ck_muc"}));
    EXPECT_EQ(Tt27Columns("TOAN", 4)[1].type, CellType::kWholeScore);
    EXPECT_EQ(Tt27Columns("TOAN", 4)[2].type, CellType::kLevel);
    EXPECT_EQ(Tt27Columns("TOAN", 4)[2].kind, ItemKind::kFinal);
}

TEST(SheetColumns, GB1Tt58CoefficientColumnsWithMinimumCounts) {
    // TT58 Điều 8 khoản 1: KTtx at least 2 (≤ 1 period a week), 3 (fewer than 3), 4 (3 or more); two more may be given.
    auto columns = Tt58Columns(true, 35);
    EXPECT_EQ(Items(columns), (std::vector<std::string>{"tx1", "tx2", "tx3", "tx4", "gk1", "gk2", "gk3", "ck"}));
    EXPECT_FALSE(columns[1].optional);
    EXPECT_TRUE(columns[2].optional);
    EXPECT_FALSE(columns[4].optional);
    EXPECT_TRUE(columns[5].optional);
    EXPECT_EQ(columns[4].label, "HS2-1");
    EXPECT_EQ(Tt58Columns(true, 70).size(), 9u);
    EXPECT_EQ(Tt58Columns(true, 105).size(), 10u);
    EXPECT_EQ(Tt58Columns(false, 35)[0].type, CellType::kComment);
    // Optional tests count only when given: KTtx 8, 7, 9, 6; KTđk 7, 8; KThk 7.5 (L1).
    auto cells = std::vector<Cell>{};
    const std::vector<std::pair<std::string, std::string>> values = {
        {"tx1", "8"}, {"tx2", "7"}, {"tx3", "9"}, {"tx4", "6"}, {"gk1", "7"}, {"gk2", "8"}, {"ck", "7.5"}};
    for (const auto& [item, value] : values) {
        Cell c;
        c.item = item;
        c.value = *ParseCellValue(true, value);
        cells.push_back(c);
    }
    assessment::SemesterMarks marks;
    FillSemesterMarks(Tt58Columns(true, 140), cells, marks);
    EXPECT_EQ(marks.regular_count, 4);
    EXPECT_EQ(marks.midterm_count, 2);
    EXPECT_EQ(marks.final.score().tenths(), 75);
}

TEST(CellValues, GB1LevelsAndWholeScores) {
    EXPECT_EQ(ParseColumnValue(CellType::kLevel, "t")->level, 2);
    EXPECT_EQ(ParseColumnValue(CellType::kLevel, "HT")->level, 1);
    EXPECT_EQ(ParseColumnValue(CellType::kLevel, " cht ")->level, 0);
    EXPECT_EQ(ParseColumnValue(CellType::kLevel, "H")->Text(), "HT");
    EXPECT_TRUE(ParseColumnValue(CellType::kLevel, "")->Empty());
    for (const char* bad : {"Tốt", "8", "Đ", "HTXS"}) EXPECT_FALSE(ParseColumnValue(CellType::kLevel, bad)) << bad;
    EXPECT_EQ(ParseColumnValue(CellType::kWholeScore, "0")->score->tenths(), 0);
    EXPECT_EQ(ParseColumnValue(CellType::kWholeScore, "10")->score->tenths(), 100);
    for (const char* bad : {"7.5", "11", "-1", "T"}) EXPECT_FALSE(ParseColumnValue(CellType::kWholeScore, bad)) << bad;
    EXPECT_EQ(ParseColumnValue(CellType::kScore, "7,5")->score->tenths(), 75);
    EXPECT_EQ(ParseColumnValue(CellType::kComment, "cd")->pass, false);
    EXPECT_TRUE(ToMark(*ParseColumnValue(CellType::kLevel, "T")).IsMissing());  // a level is no score
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
