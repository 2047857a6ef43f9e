#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assessment/model.hpp"
#include "gradebook/model.hpp"

/// The gradebook's pure rules: sheet shape, cell values, windows. No I/O.
namespace hocvu::gradebook {

/// The columns of a semester sheet. TT22 Điều 6 khoản 2 điểm b (ĐĐGtx count from the periods per year, 2 for a
/// comment subject), khoản 3 (each THPT chuyên đề adds one, shown last), Điều 7 (one ĐĐGgk, one ĐĐGck).
std::vector<Column> SheetColumns(assessment::SubjectKind kind, int periods_per_year, int topics);

/// TT58/2011 as issued (historical years): KTtx (hệ số 1) at least 2/3/4 by periods a week (tt58::
/// RequiredRegularCount) plus two optional, KTđk (hệ số 2) at least one plus two optional, KThk (hệ số 3).
std::vector<Column> Tt58Columns(bool scored, int periods_per_year);

/// TT27 Điều 7 khoản 1 for a subject of `grade`: the level at mid-term and end of term (HTT/HT/CHT) for every
/// subject and activity; the periodic test at the end of the term for the tested subjects (Tiếng Việt, Toán from
/// grade 1; Ngoại ngữ 1, Tin học và Công nghệ from grade 3; Lịch sử và Địa lí, Khoa học from grade 4) and at mid-term
/// for Tiếng Việt and Toán in grades 4 and 5.
std::vector<Column> Tt27Columns(std::string_view code, int grade);

/// Parses what a teacher typed into a cell of a column of `type` (see ParseCellValue; a level is "T"/"HTT",
/// "H"/"HT", "C"/"CHT", any case; a whole score "0"…"10"). Nothing when invalid.
std::optional<CellValue> ParseColumnValue(CellType type, std::string_view text);

/// The Vietnamese message for a value a column of `type` refuses.
std::string_view InvalidValueMessage(CellType type);

/// The kind of a column item ("tx3" → regular), or nothing for an unknown item.
std::optional<ItemKind> KindOfItem(std::string_view item);

/// Parses what a teacher typed into a cell: "7", "7.5", "7,5" (0–10, one decimal) for a scored subject, "Đ"/"CĐ"
/// (also "D"/"CD", any case) for a comment subject, "" for an empty cell. Nothing when invalid.
std::optional<CellValue> ParseCellValue(bool scored, std::string_view text);

/// The engine's mark of a stored cell (a pending cell is Missing: A5, never 0).
assessment::Mark ToMark(const CellValue& value);

/// Fills `marks` for one semester from the row's cells, in column order. An absent cell is Missing.
void FillSemesterMarks(const std::vector<Column>& columns, const std::vector<Cell>& cells,
                       assessment::SemesterMarks& marks);

/// Whether `now` lies in [opens_at, closes_at).
constexpr bool WindowOpen(const EntryWindow& window, Micros now) {
    return now >= window.opens_at && now < window.closes_at;
}

/// "2026-10-01T00:00:00Z" (UTC, seconds precision) and back; a bare date "2026-10-01" is midnight in Vietnam
/// (UTC+7). Nothing for other text.
std::optional<Micros> ParseTime(std::string_view text);
std::string FormatTime(Micros at);

}  // namespace hocvu::gradebook
