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
