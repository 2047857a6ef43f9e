#include "reports/exports.hpp"

#include <algorithm>

namespace hocvu::reports {
namespace {

using xlsx::Cell;
using xlsx::Style;
using xlsx::Worksheet;

/// Builds a sheet: title lines merged across the table's width, then header rows, then data.
class SheetBuilder {
public:
    SheetBuilder(std::string name, std::size_t width) : width_(width) { sheet_.name = std::move(name); }

    void Title(std::string text, Style style = Style::kTitle) {
        const std::size_t r = sheet_.rows.size();
        sheet_.rows.push_back({Cell::Text(std::move(text), style)});
        if (width_ > 1)
            sheet_.merges.push_back({r, 0, r, width_ - 1});
    }
    void Blank() { sheet_.rows.emplace_back(); }
    /// A header row; `spans` merges (first, last) columns of this row.
    void Header(const std::vector<std::string>& labels,
                const std::vector<std::pair<std::size_t, std::size_t>>& spans = {}) {
        const std::size_t r = sheet_.rows.size();
        std::vector<Cell> row;
        for (const std::string& l : labels)
            row.push_back(Cell::Text(l, Style::kHeader));
        while (row.size() < width_)
            row.push_back(Cell::Text("", Style::kHeader));
        sheet_.rows.push_back(std::move(row));
        for (auto [a, b] : spans)
            sheet_.merges.push_back({r, a, r, b});
        sheet_.frozen_rows = sheet_.rows.size();
    }
    /// Merges a header cell over two header rows (the row just added and the one before it).
    void SpanDown(std::size_t col) {
        const std::size_t r = sheet_.rows.size() - 1;
        sheet_.merges.push_back({r - 1, col, r, col});
    }
    void Row(std::vector<Cell> cells) { sheet_.rows.push_back(std::move(cells)); }
    void Widths(std::vector<int> widths) { sheet_.widths = std::move(widths); }
    void Landscape() { sheet_.landscape = true; }
    Worksheet Done() { return std::move(sheet_); }

private:
    std::size_t width_;
    Worksheet sheet_;
};

/// dd/mm/yyyy from YYYY-MM-DD.
std::string VnDate(const std::string& iso) {
    if (iso.size() != 10)
        return iso;
    return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

void SchoolLines(SheetBuilder& b, const ClassRef& cls, std::string title, std::string subtitle) {
    b.Title(cls.school_name, Style::kText);
    b.Title(std::move(title));
    b.Title(std::move(subtitle), Style::kText);
    b.Blank();
}

Cell Absences(std::int64_t n) {
    return n < 0 ? Cell::Text("") : Cell::Integer(n);
}

void SemesterCells(std::vector<Cell>& row, const SemesterScores& s, std::size_t regular_columns) {
    for (std::size_t k = 0; k < regular_columns; ++k) {
        row.push_back(k < s.regular.size() ? Cell::Mark(s.regular[k]) : Cell::Text(""));
    }
    row.push_back(Cell::Mark(s.midterm));
    row.push_back(Cell::Mark(s.final_));
    row.push_back(s.exempt ? Cell::Text("Miễn") : Cell::Mark(s.average));
}

void SemesterLabels(std::vector<std::string>& labels, const std::vector<std::string>& regular, std::size_t columns,
                    const char* average) {
    for (std::size_t k = 0; k < columns; ++k)
        labels.push_back(k < regular.size() ? regular[k] : "TX" + std::to_string(k + 1));
    labels.emplace_back("GK");
    labels.emplace_back("CK");
    labels.emplace_back(average);
}

}  // namespace

std::string PeriodName(std::string_view period) {
    if (period == "hk1")
        return "Học kỳ I";
    if (period == "hk2")
        return "Học kỳ II";
    return "Cả năm";
}

/// The outcome as the class's regulation names it: TT27 (primary) decides completion of the class's programme, and
/// the principal decides for a student who has not completed it (Điều 11), as the web pages say.
std::string OutcomeName(std::string_view outcome, std::string_view regulation) {
    if (regulation == "tt27") {
        if (outcome == "promoted")
            return "Hoàn thành chương trình lớp học";
        if (outcome == "principal_decision")
            return "Chưa hoàn thành — Hiệu trưởng quyết định";
    }
    if (outcome == "promoted")
        return "Lên lớp";
    if (outcome == "retained")
        return "Ở lại lớp";
    if (outcome == "reassessment")
        return "Kiểm tra lại";
    if (outcome == "summer_training")
        return "Rèn luyện hè";
    if (outcome == "principal_decision")
        return "Hiệu trưởng quyết định";
    if (outcome == "incomplete")
        return "Chưa đủ dữ liệu";
    return std::string(outcome);
}

std::string LevelText(std::string_view level) {
    if (level == "incomplete")
        return "Chưa đủ điểm";
    return std::string(level);
}

std::string PercentText(std::int64_t tenths) {
    return Tenths::FromTenths(static_cast<std::int32_t>(tenths)).ToString();
}

Export ExportStudentGradeSheet(const StudentGradeSheet& sheet) {
    std::size_t tx = 0;
    for (const auto& row : sheet.subjects)
        tx = std::max(tx, row.subject.regular_labels.size());
    const std::size_t width = 2 + 2 * (tx + 3) + 1;
    SheetBuilder b("Bảng điểm " + sheet.student.full_name, width);
    SchoolLines(b, sheet.cls, "BẢNG ĐIỂM HỌC SINH THEO MÔN — NĂM HỌC " + sheet.cls.year_name,
                "Học sinh: " + sheet.student.full_name + " (mã " + sheet.student.code + ") — Lớp " + sheet.cls.name +
                    (sheet.student.birth_date.empty() ? "" : " — Ngày sinh " + VnDate(sheet.student.birth_date)));
    std::vector<std::string> top{"STT", "Môn học", "Học kỳ I"};
    top.resize(2 + tx + 3);
    top.emplace_back("Học kỳ II");
    top.resize(2 + 2 * (tx + 3));
    top.emplace_back("Cả năm");
    b.Header(top, {{2, 2 + tx + 2}, {2 + tx + 3, 2 + 2 * (tx + 3) - 1}});
    std::vector<std::string> labels{"STT", "Môn học"};
    SemesterLabels(labels, {}, tx, "ĐTBmhk I");
    SemesterLabels(labels, {}, tx, "ĐTBmhk II");
    labels.emplace_back("ĐTBmcn");
    b.Header(labels);
    b.SpanDown(0);
    b.SpanDown(1);
    b.SpanDown(width - 1);
    std::int64_t n = 0;
    for (const auto& row : sheet.subjects) {
        std::vector<Cell> cells{Cell::Integer(++n), Cell::Text(row.subject.name)};
        SemesterCells(cells, row.hk1, tx);
        SemesterCells(cells, row.hk2, tx);
        cells.push_back(Cell::Mark(row.year));
        b.Row(std::move(cells));
    }
    b.Blank();
    b.Row({Cell::Text(""), Cell::Text("Kết quả học tập", Style::kHeader),
           Cell::Text("HK I: " + LevelText(sheet.learning[0])), Cell::Text("HK II: " + LevelText(sheet.learning[1])),
           Cell::Text("Cả năm: " + LevelText(sheet.learning[2]))});
    std::vector<int> widths{5, 26};
    for (std::size_t k = 0; k < 2 * (tx + 3); ++k)
        widths.push_back(8);
    widths.push_back(9);
    b.Widths(widths);
    b.Landscape();
    return {"Bảng điểm " + sheet.student.full_name + " - " + sheet.cls.name + " - " + sheet.cls.year_name + ".xlsx",
            {"Bảng điểm học sinh theo môn", {b.Done()}}};
}

Export ExportClassGradeSheet(const ClassGradeSheet& sheet) {
    const std::size_t tx = sheet.subject.regular_labels.size();
    const std::size_t width = 4 + 2 * (tx + 3) + 1;
    SheetBuilder b("Lớp " + sheet.cls.name + " - " + sheet.subject.name, width);
    SchoolLines(b, sheet.cls, "BẢNG ĐIỂM LỚP " + sheet.cls.name + " — MÔN " + sheet.subject.name,
                "Năm học " + sheet.cls.year_name +
                    (sheet.cls.homeroom_name.empty() ? "" : " — GVCN: " + sheet.cls.homeroom_name));
    std::vector<std::string> top{"STT", "Mã học sinh", "Họ và tên", "Ngày sinh", "Học kỳ I"};
    top.resize(4 + tx + 3);
    top.emplace_back("Học kỳ II");
    top.resize(4 + 2 * (tx + 3));
    top.emplace_back("Cả năm");
    b.Header(top, {{4, 4 + tx + 2}, {4 + tx + 3, 4 + 2 * (tx + 3) - 1}});
    std::vector<std::string> labels{"STT", "Mã học sinh", "Họ và tên", "Ngày sinh"};
    SemesterLabels(labels, sheet.subject.regular_labels, tx, "ĐTBmhk I");
    SemesterLabels(labels, sheet.subject.regular_labels, tx, "ĐTBmhk II");
    labels.emplace_back(sheet.subject.scored ? "ĐTBmcn" : "Cả năm");
    b.Header(labels);
    for (std::size_t c : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{3}, width - 1})
        b.SpanDown(c);
    std::int64_t n = 0;
    for (const auto& row : sheet.rows) {
        std::vector<Cell> cells{Cell::Integer(++n), Cell::Text(row.student.code), Cell::Text(row.student.full_name),
                                Cell::Text(VnDate(row.student.birth_date))};
        SemesterCells(cells, row.hk1, tx);
        SemesterCells(cells, row.hk2, tx);
        cells.push_back(Cell::Mark(row.year));
        b.Row(std::move(cells));
    }
    std::vector<int> widths{5, 14, 26, 11};
    for (std::size_t k = 0; k < 2 * (tx + 3); ++k)
        widths.push_back(7);
    widths.push_back(8);
    b.Widths(widths);
    b.Landscape();
    return {"Bảng điểm lớp " + sheet.cls.name + " - " + sheet.subject.name + " - " + sheet.cls.year_name + ".xlsx",
            {"Bảng điểm lớp theo môn", {b.Done()}}};
}

Export ExportClassSummary(const ClassSummary& summary, bool year_classification) {
    const std::size_t subjects = summary.subjects.size();
    // TT27 (primary) has no conduct (rèn luyện) and no rank in class: those columns are left out, not left empty.
    const bool primary = summary.cls.regulation == "tt27";
    const std::size_t width = 3 + subjects + (primary ? 4 : 6);
    const std::string title = year_classification
                                  ? "XẾP LOẠI CẢ NĂM LỚP " + summary.cls.name
                                  : "TỔNG HỢP KẾT QUẢ " + PeriodName(summary.period) + " LỚP " + summary.cls.name;
    SheetBuilder b(year_classification ? "Xếp loại " + summary.cls.name
                                       : "Tổng hợp " + summary.cls.name + " " + PeriodName(summary.period),
                   width);
    SchoolLines(b, summary.cls, title,
                "Năm học " + summary.cls.year_name +
                    (summary.cls.homeroom_name.empty() ? "" : " — GVCN: " + summary.cls.homeroom_name));
    std::vector<std::string> labels{"STT", "Mã học sinh", "Họ và tên"};
    for (const auto& s : summary.subjects)
        labels.push_back(s.name);
    labels.emplace_back("Học tập");
    if (!primary)
        labels.emplace_back("Rèn luyện");
    for (const char* l : {"Số buổi nghỉ", "Kết quả", "Danh hiệu"})
        labels.emplace_back(l);
    if (!primary)
        labels.emplace_back("Xếp hạng");
    b.Header(labels);
    std::int64_t n = 0;
    for (const auto& row : summary.rows) {
        std::vector<Cell> cells{Cell::Integer(++n), Cell::Text(row.student.code), Cell::Text(row.student.full_name)};
        for (const std::string& a : row.averages)
            cells.push_back(Cell::Mark(a));
        cells.push_back(Cell::Text(LevelText(row.standing.learning)));
        if (!primary)
            cells.push_back(Cell::Text(row.standing.conduct));
        cells.push_back(Absences(row.standing.absences));
        cells.push_back(Cell::Text(OutcomeName(row.standing.outcome, summary.cls.regulation)));
        cells.push_back(Cell::Text(row.standing.award));
        if (!primary)
            cells.push_back(row.standing.rank > 0 ? Cell::Integer(row.standing.rank) : Cell::Text(""));
        b.Row(std::move(cells));
    }
    // The class's counts of each level, with percentages of the class.
    b.Blank();
    std::vector<Cell> count_header{Cell::Text(""), Cell::Text("Mức", Style::kHeader),
                                   Cell::Text("Học tập (số HS)", Style::kHeader), Cell::Text("Tỉ lệ %", Style::kHeader)};
    if (summary.has_conduct) {
        count_header.push_back(Cell::Text("Rèn luyện (số HS)", Style::kHeader));
        count_header.push_back(Cell::Text("Tỉ lệ %", Style::kHeader));
    }
    b.Row(std::move(count_header));
    std::vector<std::string> levels = summary.levels;
    levels.emplace_back("Chưa đủ dữ liệu");
    const auto total = static_cast<std::int64_t>(summary.rows.size());
    for (std::size_t i = 0; i < 5; ++i) {
        std::vector<Cell> cells{
            Cell::Text(""), Cell::Text(levels[i]), Cell::Integer(summary.learning_counts[i]),
            Cell::Decimal(DivideRoundHalfUp(summary.learning_counts[i] * 1000, std::max<std::int64_t>(total, 1)), 1)};
        if (summary.has_conduct) {
            cells.push_back(Cell::Integer(summary.conduct_counts[i]));
            cells.push_back(Cell::Decimal(
                DivideRoundHalfUp(summary.conduct_counts[i] * 1000, std::max<std::int64_t>(total, 1)), 1));
        }
        b.Row(std::move(cells));
    }
    std::vector<int> widths{5, 14, 26};
    for (std::size_t k = 0; k < subjects; ++k)
        widths.push_back(9);
    if (primary) {
        for (int w : {10, 8, 30, 16})  // Học tập, Số buổi nghỉ, Kết quả (TT27's longer words), Danh hiệu
            widths.push_back(w);
    } else {
        for (int w : {10, 10, 8, 14, 16, 8})
            widths.push_back(w);
    }
    b.Widths(widths);
    b.Landscape();
    const std::string name = year_classification
                                 ? "Xếp loại cả năm lớp " + summary.cls.name + " - " + summary.cls.year_name + ".xlsx"
                                 : "Tổng hợp kết quả " + PeriodName(summary.period) + " lớp " + summary.cls.name +
                                       " - " + summary.cls.year_name + ".xlsx";
    return {name, {title, {b.Done()}}};
}

Export ExportReportCard(const ReportCard& card) {
    const bool year = card.period == "year";
    const std::size_t width = year ? 5 : 3;
    SheetBuilder b("Phiếu báo điểm " + card.student.full_name, width);
    SchoolLines(b, card.cls, "PHIẾU BÁO ĐIỂM " + PeriodName(card.period) + " — NĂM HỌC " + card.cls.year_name,
                "Học sinh: " + card.student.full_name + " — Lớp " + card.cls.name +
                    (card.student.birth_date.empty() ? "" : " — Ngày sinh " + VnDate(card.student.birth_date)));
    if (year) {
        b.Header({"STT", "Môn học", "Học kỳ I", "Học kỳ II", "Cả năm"});
    } else {
        b.Header({"STT", "Môn học", card.period == "hk1" ? "Học kỳ I" : "Học kỳ II"});
    }
    std::int64_t n = 0;
    for (const auto& row : card.subjects) {
        std::vector<Cell> cells{Cell::Integer(++n), Cell::Text(row.name)};
        if (year) {
            cells.push_back(Cell::Mark(row.hk1));
            cells.push_back(Cell::Mark(row.hk2));
            cells.push_back(Cell::Mark(row.year));
        } else {
            cells.push_back(Cell::Mark(card.period == "hk1" ? row.hk1 : row.hk2));
        }
        b.Row(std::move(cells));
    }
    b.Blank();
    auto line = [&](const char* label, Cell value) {
        b.Row({Cell::Text(""), Cell::Text(label, Style::kHeader), std::move(value)});
    };
    line("Kết quả học tập", Cell::Text(LevelText(card.standing.learning)));
    if (card.cls.regulation != "tt27")
        line("Kết quả rèn luyện", Cell::Text(card.standing.conduct));
    line("Số buổi nghỉ", Absences(card.standing.absences));
    if (year)
        line("Kết quả cuối năm", Cell::Text(OutcomeName(card.standing.outcome, card.cls.regulation)));
    line("Danh hiệu", Cell::Text(card.standing.award));
    if (!card.homeroom_comment.empty())
        line("Nhận xét của GVCN", Cell::Text(card.homeroom_comment));
    b.Widths(year ? std::vector<int>{5, 28, 11, 11, 11} : std::vector<int>{5, 28, 14});
    return {
        "Phiếu báo điểm " + PeriodName(card.period) + " - " + card.student.full_name + " - " + card.cls.name + ".xlsx",
        {"Phiếu báo điểm", {b.Done()}}};
}

Export ExportClassificationRates(const ClassificationRates& rates) {
    std::vector<Worksheet> sheets;
    const std::string subtitle = PeriodName(rates.period) + " — Năm học " + rates.year_name;
    ClassRef school;
    school.school_name = rates.school_name;
    {
        const std::size_t width = 3 + 2 * 4 + 2;
        SheetBuilder b("Theo môn", width);
        SchoolLines(b, school, "TỈ LỆ XẾP LOẠI THEO MÔN", subtitle);
        std::vector<std::string> labels{"Môn học", "Khối", "Số HS có kết quả"};
        for (const std::string& l : rates.scored_levels) {
            labels.push_back(l);
            labels.push_back(l + " %");
        }
        labels.emplace_back("Chưa đủ điểm");
        b.Header(labels);
        for (const auto& row : rates.subjects) {
            std::vector<Cell> cells{Cell::Text(row.name),
                                    row.grade == 0 ? Cell::Text("Toàn trường") : Cell::Integer(row.grade),
                                    Cell::Integer(row.distribution.assessed)};
            // A comment subject fills Đạt and Chưa đạt (the 3rd and 4th levels' columns).
            const std::size_t offset = row.scored ? 0 : 2;
            for (std::size_t k = 0; k < 4; ++k) {
                if (k < offset) {
                    cells.push_back(Cell::Text(""));
                    cells.push_back(Cell::Text(""));
                    continue;
                }
                cells.push_back(Cell::Integer(row.distribution.counts[k - offset]));
                cells.push_back(Cell::Decimal(row.distribution.percent_tenths[k - offset], 1));
            }
            cells.push_back(Cell::Integer(row.distribution.incomplete));
            b.Row(std::move(cells));
        }
        b.Blank();
        b.Title(
            "Môn đánh giá bằng điểm số: Tốt ĐTB ≥ 8,0; Khá 6,5–7,9; Đạt 5,0–6,4; Chưa đạt < 5,0. "
            "Môn đánh giá bằng nhận xét: Đạt / Chưa đạt. Tỉ lệ tính trên số học sinh có kết quả.",
            Style::kNote);
        b.Widths({26, 12, 10, 8, 8, 8, 8, 8, 8, 9, 9, 10});
        b.Landscape();
        sheets.push_back(b.Done());
    }
    {
        const std::size_t width = 3 + 2 * 4 + 1 + 2 * 4 + 1;
        SheetBuilder b("Theo khối", width);
        SchoolLines(b, school, "TỈ LỆ XẾP LOẠI HỌC TẬP VÀ RÈN LUYỆN THEO KHỐI", subtitle);
        std::vector<std::string> labels{"Khối", "Số lớp", "Số HS"};
        for (const std::string& l : rates.learning_levels) {
            labels.push_back("HT " + l);
            labels.push_back("HT " + l + " %");
        }
        labels.emplace_back("HT chưa đủ");
        for (const std::string& l : rates.learning_levels) {
            labels.push_back("RL " + l);
            labels.push_back("RL " + l + " %");
        }
        labels.emplace_back("RL chưa có");
        b.Header(labels);
        for (const auto& row : rates.grades) {
            std::vector<Cell> cells{row.grade == 0 ? Cell::Text("Toàn trường") : Cell::Integer(row.grade),
                                    Cell::Integer(row.classes), Cell::Integer(row.students)};
            for (std::size_t k = 0; k < 4; ++k) {
                cells.push_back(Cell::Integer(row.learning.counts[k]));
                cells.push_back(Cell::Decimal(row.learning.percent_tenths[k], 1));
            }
            cells.push_back(Cell::Integer(row.learning.incomplete));
            if (row.has_conduct) {
                for (std::size_t k = 0; k < 4; ++k) {
                    cells.push_back(Cell::Integer(row.conduct.counts[k]));
                    cells.push_back(Cell::Decimal(row.conduct.percent_tenths[k], 1));
                }
                cells.push_back(Cell::Integer(row.conduct.incomplete));
            }
            b.Row(std::move(cells));
        }
        b.Blank();
        b.Title("HT: kết quả học tập; RL: kết quả rèn luyện. Tỉ lệ tính trên số học sinh đã có kết quả.", Style::kNote);
        std::vector<int> widths{12, 8, 8};
        for (int k = 0; k < 18; ++k)
            widths.push_back(8);
        b.Widths(widths);
        b.Landscape();
        sheets.push_back(b.Done());
    }
    return {"Tỉ lệ xếp loại " + PeriodName(rates.period) + " - " + rates.year_name + ".xlsx",
            {"Tỉ lệ xếp loại theo môn và theo khối", std::move(sheets)}};
}

}  // namespace hocvu::reports
