#include "homeroom/register.hpp"

#include "homeroom/api/endpoints.hpp"
#include "org/route_table.hpp"

namespace hocvu::homeroom {
namespace {

using P = org::Permission;
using org::Access;

/// Every homeroom route. The guard checks the permission is held somewhere; the services check the class: the
/// homeroom teacher (attendance.record on the class), the principal board (score.approve on the school), report
/// readers, teachers of the class, and for a student's own view student.read on the student.
const std::vector<org::GuardedRoute>& Table() {
    static const std::vector<org::GuardedRoute> table = {
        {{"GET", "/api/v1/classes/{class_id}/attendance", Access::kGranted, P::kUnitRead}, api::GetAttendance},
        {{"PUT", "/api/v1/classes/{class_id}/attendance", Access::kGranted, P::kUnitRead}, api::PutAttendance},
        {{"GET", "/api/v1/classes/{class_id}/attendance/totals", Access::kGranted, P::kUnitRead},
         api::GetAttendanceTotals},
        {{"GET", "/api/v1/classes/{class_id}/conduct", Access::kGranted, P::kUnitRead}, api::GetConduct},
        {{"PUT", "/api/v1/classes/{class_id}/conduct", Access::kGranted, P::kUnitRead}, api::PutConduct},
        {{"GET", "/api/v1/classes/{class_id}/qualities", Access::kGranted, P::kUnitRead}, api::GetQualities},
        {{"PUT", "/api/v1/classes/{class_id}/qualities", Access::kGranted, P::kUnitRead}, api::PutQualities},
        {{"GET", "/api/v1/classes/{class_id}/comments", Access::kGranted, P::kUnitRead}, api::GetComments},
        {{"PUT", "/api/v1/classes/{class_id}/comments", Access::kGranted, P::kUnitRead}, api::PutComments},
        {{"GET", "/api/v1/classes/{class_id}/student-records", Access::kGranted, P::kUnitRead}, api::ListRecords},
        {{"POST", "/api/v1/classes/{class_id}/student-records", Access::kGranted, P::kUnitRead}, api::AddRecord},
        {{"DELETE", "/api/v1/student-records/{id}", Access::kGranted, P::kUnitRead}, api::RemoveRecord},
        {{"GET", "/api/v1/classes/{class_id}/summary", Access::kGranted, P::kUnitRead}, api::GetSummary},
        {{"GET", "/api/v1/classes/{class_id}/homeroom-confirmation", Access::kGranted, P::kUnitRead},
         api::GetConfirmations},
        {{"POST", "/api/v1/classes/{class_id}/homeroom-confirmation", Access::kGranted, P::kUnitRead}, api::Confirm},
        {{"GET", "/api/v1/classes/{class_id}/year-close", Access::kGranted, P::kUnitRead}, api::GetYearClose},
        {{"PUT", "/api/v1/classes/{class_id}/year-close", Access::kGranted, P::kUnitRead}, api::PutYearClose},
        {{"POST", "/api/v1/classes/{class_id}/year-close/decision", Access::kGranted, P::kScoreApprove},
         api::DecideYearClose},
        {{"PUT", "/api/v1/classes/{class_id}/summer-results", Access::kGranted, P::kUnitRead},
         api::PutSummerResults},
        {{"GET", "/api/v1/schools/{unit_id}/year-close", Access::kGranted, P::kReportRead},
         api::GetSchoolYearClose},
        {{"GET", "/api/v1/students/{id}/homeroom", Access::kGranted, P::kStudentRead}, api::GetStudentHomeroom},
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

}  // namespace hocvu::homeroom
