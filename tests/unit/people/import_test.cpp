// Reading imported spreadsheets: CSV dialects, .xlsx with shared strings, inline strings, formulas and dates, header
// detection and the column mapping of the Ministry's export, and the refusals (size, zip bomb, not a table).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "common/error.hpp"
#include "people/import/mapping.hpp"
#include "people/import/table.hpp"

namespace hocvu::people::import {
namespace {

std::string Golden(const std::string& name) {
    std::ifstream file(std::string(HOCVU_IMPORT_GOLDEN) + "/" + name, std::ios::binary);
    EXPECT_TRUE(file.good()) << name;
    std::stringstream buffer;
    buffer << file.rdbuf();
    return buffer.str();
}

Code CodeOf(const std::function<void()>& fn) {
    try {
        fn();
    } catch (const Error& e) {
        return e.code();
    }
    return Code::kInternal;
}

TEST(Csv, SemicolonsQuotesAndBom) {
    auto sheets = ReadTable(Golden("students_ok.csv"));
    ASSERT_EQ(sheets.size(), 1u);
    const auto& rows = sheets[0].rows;
    ASSERT_GE(rows.size(), 8u);
    EXPECT_EQ(rows[1][1], "Mã học sinh");
    EXPECT_EQ(rows[2][6], "Tổ 1; phường Nghĩa Thành");
}

TEST(Csv, DoubledQuotesAndCommas) {
    auto sheets = ReadCsv("a,\"b \"\"c\"\", d\",e\r\n1,2,3\n");
    ASSERT_EQ(sheets[0].rows.size(), 2u);
    EXPECT_EQ(sheets[0].rows[0][1], "b \"c\", d");
    EXPECT_EQ(sheets[0].rows[1][2], "3");
    EXPECT_EQ(CodeOf([] { ReadCsv("a,\"open\n"); }), Code::kValidation);
}

TEST(Mapping, HeaderRowFoundBelowATitleAndColumnsMapped) {
    Mapping m = MapSheets(ReadTable(Golden("students_ok.csv")), StudentColumns(), {"code"});
    EXPECT_EQ(m.header_row, 2u);
    EXPECT_EQ(m.rows.size(), 6u);
    EXPECT_EQ(m.rows[0].row, 3u);
    EXPECT_EQ(m.field_columns.at("birth_date"), 3u);  // "Ngày sinh (dd/mm/yyyy)"
    EXPECT_EQ(m.field_columns.at("mother_name"), 7u);
    StudentRow row = StudentRowOf(m.rows[0]);
    EXPECT_EQ(row.student.code, "7901000101");
    ASSERT_EQ(row.guardians.size(), 1u);
    EXPECT_EQ(row.guardians[0].relation, "Mẹ");
    EXPECT_EQ(row.guardians[0].phone, "0905111222");
}

TEST(Mapping, NoHeaderIsARefusal) {
    EXPECT_EQ(CodeOf([] { MapSheets(ReadTable(Golden("wrong_headers.csv")), StudentColumns(), {"code"}); }),
              Code::kValidation);
}

TEST(Xlsx, SharedAndInlineStringsNumbersAndDates) {
    auto sheets = ReadTable(Golden("students_ok.xlsx"));
    ASSERT_EQ(sheets.size(), 1u);
    EXPECT_EQ(sheets[0].name, "Danh sách");
    Mapping m = MapSheets(sheets, StudentColumns(), {"code"});
    EXPECT_EQ(m.header_row, 3u);
    ASSERT_EQ(m.rows.size(), 3u);
    EXPECT_EQ(m.rows[0].values.at("full_name"), "Nguyễn Văn Ân");
    EXPECT_EQ(StudentRowOf(m.rows[1]).student.birth_date, "07/04/2014");  // serial 41736
    EXPECT_EQ(m.rows[2].values.at("full_name"), "Lê Minh Đức");           // inline string
    EXPECT_EQ(m.rows[1].values.at("class"), "6A1");
}

TEST(Xlsx, HeaderOnTheSecondSheetAndFormulasKeptAsFormulas) {
    Mapping m = MapSheets(ReadTable(Golden("students_broken.xlsx")), StudentColumns(), {"code"});
    EXPECT_EQ(m.sheet, "Học sinh");
    EXPECT_EQ(m.header_row, 1u);
    EXPECT_TRUE(m.rows[0].values.at("full_name").starts_with("=HYPERLINK"));
}

TEST(Xlsx, ZipBombIsRefusedBeforeExpanding) {
    EXPECT_EQ(CodeOf([] { ReadTable(Golden("zip_bomb.xlsx")); }), Code::kPayloadTooLarge);
}

TEST(Limits, OversizedAndBrokenFiles) {
    EXPECT_EQ(CodeOf([] { ReadTable(std::string(kMaxFileBytes + 1, 'a')); }), Code::kPayloadTooLarge);
    EXPECT_EQ(CodeOf([] { ReadTable(""); }), Code::kValidation);
    EXPECT_EQ(CodeOf([] { ReadTable(std::string("PK\x03\x04garbage", 11)); }), Code::kValidation);
    EXPECT_EQ(CodeOf([] { ReadTable(std::string("a\0b", 3)); }), Code::kValidation);
    std::string many;
    for (int i = 0; i < 6000; ++i)
        many += "1,2\n";
    EXPECT_EQ(CodeOf([&] { ReadTable(many); }), Code::kPayloadTooLarge);
}

TEST(Columns, LettersAndSerialDates) {
    EXPECT_EQ(ColumnLetter(0), "A");
    EXPECT_EQ(ColumnLetter(25), "Z");
    EXPECT_EQ(ColumnLetter(26), "AA");
    EXPECT_EQ(DateCell("41736"), "07/04/2014");
    EXPECT_EQ(DateCell("45170.0"), "01/09/2023");
    EXPECT_EQ(DateCell("05/03/2014"), "05/03/2014");
}

}  // namespace
}  // namespace hocvu::people::import
