#pragma once

#include <string>

#include "reports/model.hpp"
#include "reports/xlsx/writer.hpp"

/// The principal board's views as workbooks (GB-5): a title block, a frozen header row and one row per student or
/// subject, with the same figures as the JSON views. Pure: no database.
namespace hocvu::reports {

/// A workbook and the file name it is offered under (Vietnamese, with diacritics, ".xlsx").
struct Export {
    std::string file_name;
    xlsx::Workbook workbook;
};

Export ExportStudentGradeSheet(const StudentGradeSheet& sheet);
Export ExportClassGradeSheet(const ClassGradeSheet& sheet);
Export ExportClassSummary(const ClassSummary& summary, bool year_classification);
Export ExportReportCard(const ReportCard& card);
Export ExportClassificationRates(const ClassificationRates& rates);

/// "Học kỳ I", "Học kỳ II", "Cả năm".
std::string PeriodName(std::string_view period);
/// "Lên lớp", "Ở lại lớp", … for an outcome code; "" for "".
std::string OutcomeName(std::string_view outcome);
/// "Tốt" … or "Chưa đủ điểm" for "incomplete".
std::string LevelText(std::string_view level);
/// "12.5" from 125 tenths of a percent.
std::string PercentText(std::int64_t tenths);

}  // namespace hocvu::reports
