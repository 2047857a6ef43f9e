#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

/// Reading a spreadsheet a school exported (.csv or .xlsx) into rows of text cells, with limits that refuse
/// oversized files and zip bombs before anything is expanded. No database here.
namespace hocvu::people::import {

inline constexpr std::size_t kMaxFileBytes = std::size_t{5} * 1024 * 1024;
inline constexpr std::size_t kMaxExpandedBytes =
    std::size_t{40} * 1024 * 1024;                      ///< all parts of an .xlsx, uncompressed
inline constexpr std::size_t kMaxExpansionRatio = 200;  ///< per .xlsx part, uncompressed / compressed
inline constexpr std::size_t kMaxRows = 5000;
inline constexpr std::size_t kMaxColumns = 200;
inline constexpr std::size_t kMaxCellBytes = 2000;

struct Sheet {
    std::string name;
    std::vector<std::vector<std::string>> rows;  ///< rows[i] is spreadsheet row i + 1; cells as text
};

/// Reads a .xlsx (detected by its zip signature) or a .csv (UTF-8, with or without BOM; ',', ';' or tab).
/// Throws `Error{kPayloadTooLarge}` beyond the limits and `Error{kValidation}` for a file that is not a readable
/// table; the message says why in Vietnamese. A formula cell of an .xlsx reads as "=" and its formula.
std::vector<Sheet> ReadTable(std::string_view bytes);

std::vector<Sheet> ReadCsv(std::string_view bytes);
std::vector<Sheet> ReadXlsx(std::string_view bytes);

/// "A", "B", …, "Z", "AA" for column index 0, 1, …
std::string ColumnLetter(std::size_t index);

}  // namespace hocvu::people::import
