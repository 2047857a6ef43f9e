#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/tenths.hpp"

/// Writing Office Open XML workbooks (.xlsx) for the principal board's exports (GB-5). No database here.
///
/// Text is written as inline strings, so text that looks like a formula ("=1+1") stays text and is never
/// evaluated; such text also gets Excel's quote prefix. Numbers are written as exact decimals from integers
/// (a score of 75 tenths is written "7.5", never 7.499999). Control characters that XML 1.0 cannot carry are
/// dropped; everything else is escaped.
namespace hocvu::reports::xlsx {

/// How a cell looks.
enum class Style : std::uint8_t {
    kText,    ///< plain text
    kHeader,  ///< bold on grey, bordered, centred and wrapped: the table's header row
    kTitle,   ///< bold, larger: a title line above the table
    kNumber,  ///< a number, shown with its decimals ("0.0" for one decimal)
    kNote,    ///< italic: a note below the table
};

/// One cell: empty, text, or an exact decimal number `units / 10^decimals`.
struct Cell {
    enum class Kind : std::uint8_t { kEmpty, kText, kNumber };
    Kind kind = Kind::kEmpty;
    std::string text;
    std::int64_t units = 0;
    int decimals = 0;
    Style style = Style::kText;

    static Cell Empty() { return {}; }
    static Cell Text(std::string text, Style style = Style::kText);
    /// A whole number (a count).
    static Cell Integer(std::int64_t value);
    /// A score or average with one decimal (7.5, 8.0).
    static Cell Score(Tenths value);
    /// `units / 10^decimals`, e.g. a percentage 12.5 as Decimal(125, 1). `decimals` is 0–4.
    static Cell Decimal(std::int64_t units, int decimals);
    /// A score written as text ("7.5", "Đ", "CĐ", ""): a number cell when it is a score, text otherwise.
    static Cell Mark(std::string_view text);
};

/// A merged range, zero-based and inclusive.
struct Merge {
    std::size_t first_row = 0, first_col = 0, last_row = 0, last_col = 0;
};

struct Worksheet {
    std::string name;                     ///< made valid on writing: see SheetName
    std::vector<int> widths;              ///< column widths in characters; missing or 0: the default
    std::vector<std::vector<Cell>> rows;  ///< rows[0] is row 1
    std::size_t frozen_rows = 0;          ///< rows kept visible when scrolling (the title and header rows)
    std::vector<Merge> merges;
    bool landscape = false;
};

struct Workbook {
    std::string title;  ///< the document title (docProps/core.xml)
    std::vector<Worksheet> sheets;
};

/// A valid, unique sheet name: the characters : \ / ? * [ ] replaced by '-', no leading or trailing apostrophe,
/// at most 31 characters (UTF-16 units, as Excel counts them, never splitting a character), not empty, and not
/// equal (ignoring ASCII case) to one in `taken`, by appending " (2)", " (3)", …
std::string SheetName(std::string_view wanted, const std::vector<std::string>& taken);

/// Text escaped for XML element content and attributes; characters XML 1.0 forbids are dropped.
std::string Escape(std::string_view text);

/// "A", …, "Z", "AA", … for column index 0, 1, …
std::string ColumnName(std::size_t index);

/// The .xlsx file (a zip archive) of the workbook. Throws std::runtime_error if the archive cannot be built.
std::string Write(const Workbook& workbook);

/// The content type of an .xlsx file.
inline constexpr std::string_view kContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

}  // namespace hocvu::reports::xlsx
