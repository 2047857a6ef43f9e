#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "people/import/table.hpp"
#include "people/model.hpp"

/// From a sheet to records: finding the header row, mapping the Ministry's column names to fields, and turning
/// each row into a checked record with every problem named by sheet, row and column.
namespace hocvu::people::import {

/// One problem of one row (or of the file, row 0): where, and why in Vietnamese.
struct RowProblem {
    std::string sheet;
    std::size_t row = 0;  ///< spreadsheet row, 1-based; 0 for the file as a whole
    std::string column;   ///< "D"; empty when the problem is not one cell's
    std::string header;   ///< the column's header text as in the file
    std::string message;
};

/// A field and the header texts (folded to lower-case ASCII) that name it.
struct ColumnSpec {
    std::string_view field;
    std::vector<std::string_view> headers;
};

/// The columns of the Ministry's student export (STT, Mã học sinh, Họ và tên, Ngày sinh, Giới tính, Dân tộc, …).
const std::vector<ColumnSpec>& StudentColumns();
/// The columns of a staff list (Họ và tên, Ngày sinh, Giới tính, Số điện thoại, Chức vụ, Môn dạy, …).
const std::vector<ColumnSpec>& StaffColumns();

struct MappedRow {
    std::size_t row = 0;
    std::map<std::string, std::string> values;  ///< field → cell text
};

struct Mapping {
    std::string sheet;
    std::size_t header_row = 0;
    std::vector<std::pair<std::string, std::string>> columns;  ///< field → "D (Ngày sinh)"
    std::map<std::string, std::size_t> field_columns;          ///< field → column index
    std::map<std::string, std::string> field_headers;          ///< field → header text
    std::vector<MappedRow> rows;                               ///< non-empty data rows
};

/// Finds the sheet and row whose cells name the most known columns (at least `required` among them) in the
/// first 30 rows, and maps the rows below it. Throws `Error{kValidation}` when no header row is found.
Mapping MapSheets(const std::vector<Sheet>& sheets, const std::vector<ColumnSpec>& specs,
                  const std::vector<std::string_view>& required);

/// Text of an xlsx date serial (45123) as dd/mm/yyyy; other text unchanged.
std::string DateCell(std::string_view text);

/// A student row as input, its class name (column "Lớp", may be empty) and its guardians.
struct StudentRow {
    std::size_t row = 0;
    StudentInput student;
    std::string class_name;
    std::vector<GuardianInput> guardians;
};
StudentRow StudentRowOf(const MappedRow& row);
StaffInput StaffRowOf(const MappedRow& row);

/// Problems of a record placed in its row and column (a field not mapped to a column gets no column).
void AddProblems(std::vector<RowProblem>& out, const Mapping& mapping, std::size_t row,
                 const std::vector<FieldProblem>& problems);

}  // namespace hocvu::people::import
