// The .xlsx writer (issue 7, GB-5): workbooks read back through the project's own reader (people/import), exact
// decimals, escaping, formula-looking text kept as text, valid and unique Vietnamese sheet names.
#include <gtest/gtest.h>
#include <zip.h>

#include <memory>
#include <string>

#include "people/import/table.hpp"
#include "reports/xlsx/writer.hpp"

namespace hocvu::reports::xlsx {
namespace {

/// One part of the archive as text.
std::string Part(const std::string& bytes, const std::string& name) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    zip_t* z = zip_open_from_source(source, ZIP_RDONLY, &error);
    zip_error_fini(&error);
    if (z == nullptr)
        return "";
    std::unique_ptr<zip_t, void (*)(zip_t*)> archive(z, [](zip_t* a) { zip_discard(a); });
    zip_stat_t st;
    if (zip_stat(z, name.c_str(), 0, &st) != 0)
        return "";
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen(z, name.c_str(), 0), zip_fclose);
    std::string out(static_cast<std::size_t>(st.size), '\0');
    zip_fread(file.get(), out.data(), out.size());
    return out;
}

TEST(Xlsx, GB5_RoundTripsThroughTheImportReader) {
    Workbook book;
    book.title = "Bảng điểm lớp 10A1";
    Worksheet sheet;
    sheet.name = "Lớp 10A1 - Toán";
    sheet.rows.push_back({Cell::Text("BẢNG ĐIỂM", Style::kTitle)});
    sheet.rows.push_back({Cell::Text("STT", Style::kHeader), Cell::Text("Họ và tên", Style::kHeader),
                          Cell::Text("ĐTBmhk", Style::kHeader)});
    sheet.rows.push_back({Cell::Integer(1), Cell::Text("Nguyễn Hoàng Nam"), Cell::Score(Tenths::FromTenths(75))});
    sheet.rows.push_back({Cell::Integer(2), Cell::Text("Trần Thị Ánh"), Cell::Score(Tenths::FromTenths(80))});
    sheet.rows.push_back({Cell::Integer(3), Cell::Text("Lê Văn Đạt"), Cell::Mark("Đ")});
    sheet.rows.push_back({Cell::Integer(4), Cell::Text("Phạm Minh"), Cell::Mark("9.9")});
    sheet.frozen_rows = 2;
    sheet.widths = {5, 26, 9};
    sheet.merges.push_back({0, 0, 0, 2});
    book.sheets.push_back(sheet);
    Worksheet second;
    second.name = "Tỉ lệ";
    second.rows.push_back({Cell::Decimal(125, 1), Cell::Decimal(3333, 2), Cell::Decimal(-5, 1), Cell::Decimal(7, 3)});
    book.sheets.push_back(second);

    const std::string bytes = Write(book);
    std::vector<people::import::Sheet> read = people::import::ReadXlsx(bytes);
    ASSERT_EQ(read.size(), 2U);
    EXPECT_EQ(read[0].name, "Lớp 10A1 - Toán");
    ASSERT_EQ(read[0].rows.size(), 6U);
    EXPECT_EQ(read[0].rows[0][0], "BẢNG ĐIỂM");
    EXPECT_EQ(read[0].rows[1], (std::vector<std::string>{"STT", "Họ và tên", "ĐTBmhk"}));
    EXPECT_EQ(read[0].rows[2], (std::vector<std::string>{"1", "Nguyễn Hoàng Nam", "7.5"}));
    // 8.0 is written as the exact decimal "8.0" (shown with one decimal by the "0.0" format).
    EXPECT_EQ(read[0].rows[3], (std::vector<std::string>{"2", "Trần Thị Ánh", "8.0"}));
    EXPECT_EQ(read[0].rows[4][2], "Đ");
    EXPECT_EQ(read[0].rows[5][2], "9.9");
    EXPECT_EQ(read[1].name, "Tỉ lệ");
    EXPECT_EQ(read[1].rows[0], (std::vector<std::string>{"12.5", "33.33", "-0.5", "0.007"}));

    const std::string xml = Part(bytes, "xl/worksheets/sheet1.xml");
    EXPECT_NE(xml.find("<pane ySplit=\"2\" topLeftCell=\"A3\" activePane=\"bottomLeft\" state=\"frozen\"/>"),
              std::string::npos);
    EXPECT_NE(xml.find("<col min=\"2\" max=\"2\" width=\"26\" customWidth=\"1\"/>"), std::string::npos);
    EXPECT_NE(xml.find("<mergeCell ref=\"A1:C1\"/>"), std::string::npos);
    EXPECT_NE(xml.find("<c r=\"C3\" s=\"7\"><v>7.5</v></c>"), std::string::npos) << xml;
    // The header row uses the bold, filled header style.
    EXPECT_NE(xml.find("<c r=\"A2\" s=\"3\" t=\"inlineStr\">"), std::string::npos);
    EXPECT_NE(Part(bytes, "xl/styles.xml").find("formatCode=\"0.0\""), std::string::npos);
    EXPECT_NE(Part(bytes, "xl/workbook.xml").find("_xlnm.Print_Titles"), std::string::npos);
    EXPECT_NE(Part(bytes, "[Content_Types].xml").find("spreadsheetml.sheet.main+xml"), std::string::npos);
}

TEST(Xlsx, GB5_EveryScoreIsWrittenExactly) {
    Worksheet sheet;
    sheet.name = "Điểm";
    for (int t = 0; t <= 100; ++t)
        sheet.rows.push_back({Cell::Score(Tenths::FromTenths(t))});
    Workbook book{"", {sheet}};
    auto read = people::import::ReadXlsx(Write(book));
    ASSERT_EQ(read[0].rows.size(), 101U);
    for (int t = 0; t <= 100; ++t) {
        EXPECT_EQ(read[0].rows[static_cast<std::size_t>(t)][0], Tenths::FromTenths(t).ToString());
    }
}

TEST(Xlsx, GB5_TextIsEscapedAndFormulasStayText) {
    Worksheet sheet;
    sheet.name = "Nhận xét";
    sheet.rows.push_back({Cell::Text("=SUM(A1:A9)"), Cell::Text("+84 912"), Cell::Text("a < b & c > \"d\" 'e'"),
                          Cell::Text("bell\x07 tab\there"), Cell::Text("  lề  "), Cell::Text("bad \xFF byte")});
    Workbook book{"Tiêu đề <&>", {sheet}};
    const std::string bytes = Write(book);
    auto read = people::import::ReadXlsx(bytes);
    ASSERT_EQ(read[0].rows.size(), 1U);
    const auto& row = read[0].rows[0];
    // The reader turns a real formula into "=" + formula; these are inline strings, not <f> elements.
    EXPECT_EQ(row[0], "=SUM(A1:A9)");
    EXPECT_EQ(row[1], "+84 912");
    EXPECT_EQ(row[2], "a < b & c > \"d\" 'e'");
    EXPECT_EQ(row[3], "bell tab\there");  // the control character XML cannot carry is dropped
    EXPECT_EQ(row[4], "  lề  ");
    EXPECT_EQ(row[5], "bad \xEF\xBF\xBD byte");
    const std::string xml = Part(bytes, "xl/worksheets/sheet1.xml");
    EXPECT_EQ(xml.find("<f>"), std::string::npos);
    // Formula-looking text gets the quote-prefix style (2); plain text the text style (1).
    EXPECT_NE(xml.find("<c r=\"A1\" s=\"2\" t=\"inlineStr\">"), std::string::npos);
    EXPECT_NE(xml.find("<c r=\"C1\" s=\"1\" t=\"inlineStr\">"), std::string::npos);
    EXPECT_NE(Part(bytes, "xl/styles.xml").find("quotePrefix=\"1\""), std::string::npos);
    EXPECT_NE(Part(bytes, "docProps/core.xml").find("Tiêu đề &lt;&amp;&gt;"), std::string::npos);
}

TEST(Xlsx, GB5_SheetNamesAreValidUniqueAndAtMost31Characters) {
    EXPECT_EQ(SheetName("Lớp 10A1", {}), "Lớp 10A1");
    EXPECT_EQ(SheetName("Học kỳ I/II: [Toán]?*", {}), "Học kỳ I-II- -Toán---");
    EXPECT_EQ(SheetName("'Trích'", {}), "Trích");
    EXPECT_EQ(SheetName("", {}), "Trang");
    // 31 characters (not bytes): Vietnamese letters are never split.
    const std::string longName = "Tổng hợp kết quả học tập học kỳ II lớp 10A1";
    const std::string cut = SheetName(longName, {});
    EXPECT_EQ(cut, "Tổng hợp kết quả học tập học kỳ");
    // Excel compares names without case, Vietnamese letters included.
    EXPECT_EQ(SheetName("điểm lớp 10a1", {"ĐIỂM LỚP 10A1"}), "điểm lớp 10a1 (2)");
    EXPECT_EQ(SheetName("Điểm", {"Diem"}), "Điểm");
    EXPECT_EQ(SheetName("Tong hop", {"TONG HOP"}), "Tong hop (2)");
    EXPECT_EQ(SheetName(longName, {cut}), "Tổng hợp kết quả học tập họ (2)");
    EXPECT_EQ(SheetName(longName, {cut, "Tổng hợp kết quả học tập họ (2)"}), "Tổng hợp kết quả học tập họ (3)");

    Workbook book;
    for (int i = 0; i < 3; ++i) {
        Worksheet s;
        s.name = "Theo môn";
        s.rows.push_back({Cell::Integer(i)});
        book.sheets.push_back(s);
    }
    auto read = people::import::ReadXlsx(Write(book));
    ASSERT_EQ(read.size(), 3U);
    EXPECT_EQ(read[0].name, "Theo môn");
    EXPECT_EQ(read[1].name, "Theo môn (2)");
    EXPECT_EQ(read[2].name, "Theo môn (3)");
    EXPECT_EQ(read[2].rows[0][0], "2");
}

TEST(Xlsx, GB5_ColumnNames) {
    EXPECT_EQ(ColumnName(0), "A");
    EXPECT_EQ(ColumnName(25), "Z");
    EXPECT_EQ(ColumnName(26), "AA");
    EXPECT_EQ(ColumnName(701), "ZZ");
    EXPECT_EQ(ColumnName(702), "AAA");
}

TEST(Xlsx, GB5_TheSameWorkbookGivesTheSameBytes) {
    Worksheet s;
    s.name = "A";
    s.rows.push_back({Cell::Text("x"), Cell::Score(Tenths::FromTenths(55))});
    Workbook book{"t", {s}};
    EXPECT_EQ(Write(book), Write(book));
}

}  // namespace
}  // namespace hocvu::reports::xlsx
