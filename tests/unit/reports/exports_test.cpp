// The board's exports (issue 7, GB-5): the workbook of a view carries the view's figures, read back through the
// project's .xlsx reader; Content-Disposition names the file in Vietnamese (RFC 5987) with an ASCII fallback.
#include <gtest/gtest.h>

#include "people/import/table.hpp"
#include "reports/api/endpoints.hpp"
#include "reports/exports.hpp"
#include "reports/views.hpp"

namespace hocvu::reports {
namespace {

/// The row whose cell `col` is `key`.
const std::vector<std::string>* FindRow(const people::import::Sheet& sheet, std::size_t col, const std::string& key) {
    for (const auto& row : sheet.rows) {
        if (row.size() > col && row[col] == key)
            return &row;
    }
    return nullptr;
}

ClassRef Class10A1() {
    return {101, 1, "10A1", 10, "2026-2027", "Trường THPT Chu Văn An", "Nguyễn Văn Toàn", "tt22"};
}

TEST(Exports, GB5_ClassGradeSheetHasEveryScoreAndAverage) {
    ClassGradeSheet sheet;
    sheet.cls = Class10A1();
    sheet.subject = {"TOAN", "Toán", true, {"TX1", "TX2", "TX3", "TX4"}};
    ClassGradeSheet::Row row;
    row.student = {7, "HS001", "Nguyễn Hoàng Nam", "2011-03-09", "male"};
    row.hk1 = {false, {"9.0", "8.0", "7.5", "8.0"}, "8.0", "9.5", "8.5"};
    row.hk2 = {false, {"7.0", "", "", ""}, "", "", ""};
    row.year = "";
    sheet.rows.push_back(row);
    Export e = ExportClassGradeSheet(sheet);
    EXPECT_EQ(e.file_name, "Bảng điểm lớp 10A1 - Toán - 2026-2027.xlsx");
    auto read = people::import::ReadXlsx(xlsx::Write(e.workbook));
    ASSERT_EQ(read.size(), 1U);
    const auto* r = FindRow(read[0], 1, "HS001");
    ASSERT_NE(r, nullptr);
    const std::vector<std::string> want{
        "1", "HS001", "Nguyễn Hoàng Nam", "09/03/2011", "9.0", "8.0", "7.5", "8.0", "8.0", "9.5", "8.5", "7.0"};
    ASSERT_GE(r->size(), want.size());
    EXPECT_EQ(std::vector<std::string>(r->begin(), r->begin() + static_cast<std::ptrdiff_t>(want.size())), want);
    EXPECT_NE(FindRow(read[0], 4, "TX1"), nullptr);
}

TEST(Exports, GB5_RatesCarryCountsAndPercentages) {
    ClassificationRates rates;
    rates.school_name = "Trường THPT Chu Văn An";
    rates.year_name = "2026-2027";
    rates.period = "hk1";
    rates.scored_levels = {"Tốt", "Khá", "Đạt", "Chưa đạt"};
    rates.comment_levels = {"Đạt", "Chưa đạt"};
    rates.learning_levels = rates.scored_levels;
    ClassificationRates::SubjectRow toan{"TOAN", "Toán", 0, true, {{1, 1, 1, 0}, {}, 3, 2}};
    toan.distribution.percent_tenths = {PercentTenths(1, 3), PercentTenths(1, 3), PercentTenths(1, 3), 0};
    ClassificationRates::SubjectRow gdtc{"GDTC", "Giáo dục thể chất", 10, false, {{2, 1}, {667, 333}, 3, 0}};
    rates.subjects = {toan, gdtc};
    ClassificationRates::GradeRow grade{10, 3, 2, {{1, 1, 0, 0}, {500, 500, 0, 0}, 2, 1}, {}, false};
    rates.grades = {grade};
    Export e = ExportClassificationRates(rates);
    auto read = people::import::ReadXlsx(xlsx::Write(e.workbook));
    ASSERT_EQ(read.size(), 2U);
    EXPECT_EQ(read[0].name, "Theo môn");
    const auto* t = FindRow(read[0], 0, "Toán");
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(*t, (std::vector<std::string>{"Toán", "Toàn trường", "3", "1", "33.3", "1", "33.3", "1", "33.3", "0",
                                            "0.0", "2"}));
    const auto* g = FindRow(read[0], 0, "Giáo dục thể chất");
    ASSERT_NE(g, nullptr);
    EXPECT_EQ(
        *g, (std::vector<std::string>{"Giáo dục thể chất", "10", "3", "", "", "", "", "2", "66.7", "1", "33.3", "0"}));
    const auto* k = FindRow(read[1], 0, "10");
    ASSERT_NE(k, nullptr);
    EXPECT_EQ((std::vector<std::string>(k->begin(), k->begin() + 8)),
              (std::vector<std::string>{"10", "2", "3", "1", "50.0", "1", "50.0", "0"}));
}

TEST(Exports, GB5_ScoreBandsAndPercentagesAreExact) {
    EXPECT_EQ(ScoreBand(Tenths::FromTenths(100)), 0);
    EXPECT_EQ(ScoreBand(Tenths::FromTenths(80)), 0);
    EXPECT_EQ(ScoreBand(Tenths::FromTenths(79)), 1);
    EXPECT_EQ(ScoreBand(Tenths::FromTenths(65)), 1);
    EXPECT_EQ(ScoreBand(Tenths::FromTenths(64)), 2);
    EXPECT_EQ(ScoreBand(Tenths::FromTenths(50)), 2);
    EXPECT_EQ(ScoreBand(Tenths::FromTenths(49)), 3);
    EXPECT_EQ(PercentTenths(1, 3), 333);
    EXPECT_EQ(PercentTenths(2, 3), 667);
    EXPECT_EQ(PercentTenths(1, 8), 125);  // 12.5 exactly
    EXPECT_EQ(PercentTenths(1, 16), 63);  // 6.25 → 6.3 (half up)
    EXPECT_EQ(PercentTenths(0, 0), 0);
    EXPECT_EQ(PercentText(125), "12.5");
    EXPECT_EQ(PercentText(1000), "100.0");
}

TEST(Exports, GB5_ContentDispositionNamesTheFileInVietnamese) {
    EXPECT_EQ(api::ContentDisposition("Bảng điểm lớp 10A1 - Toán.xlsx"),
              "attachment; filename=\"bang-diem-lop-10a1-toan.xlsx\"; "
              "filename*=UTF-8''B%E1%BA%A3ng%20%C4%91i%E1%BB%83m%20l%E1%BB%9Bp%2010A1%20-%20To%C3%A1n.xlsx");
    EXPECT_EQ(api::ContentDisposition("\"; x=1.xlsx"),
              "attachment; filename=\"x-1.xlsx\"; filename*=UTF-8''%22%3B%20x%3D1.xlsx");
}

}  // namespace
}  // namespace hocvu::reports
