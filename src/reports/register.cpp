#include "reports/register.hpp"

#include "reports/api/endpoints.hpp"
#include "org/route_table.hpp"

namespace hocvu::reports {
namespace {

using P = org::Permission;
using org::Access;

/// Every reports route. The guard checks the permission is held somewhere; the views check the school (report.read
/// and score.read on it for the board's views; score.read on the student for a report card).
const std::vector<org::GuardedRoute>& Table() {
    static const std::vector<org::GuardedRoute> table = {
        {{"GET", "/api/v1/reports/classes/{class_id}/students/{student_id}/grade-sheet", Access::kGranted,
          P::kReportRead},
         api::GetStudentGradeSheet},
        {{"GET", "/api/v1/reports/classes/{class_id}/subjects/{subject_code}/grade-sheet", Access::kGranted,
          P::kReportRead},
         api::GetClassGradeSheet},
        {{"GET", "/api/v1/reports/classes/{class_id}/summary", Access::kGranted, P::kReportRead}, api::GetClassSummary},
        {{"GET", "/api/v1/reports/classes/{class_id}/year-classification", Access::kGranted, P::kReportRead},
         api::GetYearClassification},
        {{"GET", "/api/v1/reports/students/{student_id}/report-card", Access::kGranted, P::kScoreRead},
         api::GetReportCard},
        {{"GET", "/api/v1/reports/schools/{unit_id}/classification-rates", Access::kGranted, P::kReportRead},
         api::GetClassificationRates},
    };
    return table;
}

}  // namespace

void Register(http::Router& router, app::Context& context) {
    org::AddGuarded(router, context, Table());
}

std::vector<org::RouteSpec> Routes() {
    return org::SpecsOf(Table());
}

}  // namespace hocvu::reports
