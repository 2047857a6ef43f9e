#include "gradebook/register.hpp"

#include "gradebook/api/endpoints.hpp"
#include "org/route_table.hpp"

namespace hocvu::gradebook {
namespace {

using P = org::Permission;
using org::Access;

/// Every gradebook route. The guard checks the permission is held somewhere; the services check the class, subject
/// or school (a save needs score.enter on the class and subject, or score.approve on the school).
const std::vector<org::GuardedRoute>& Table() {
    static const std::vector<org::GuardedRoute> table = {
        {{"GET", "/api/v1/classes/{class_id}/subjects/{subject_code}/scores", Access::kGranted, P::kScoreRead},
         api::GetScores},
        {{"PUT", "/api/v1/classes/{class_id}/subjects/{subject_code}/scores", Access::kGranted, P::kScoreRead},
         api::PutScores},
        {{"GET", "/api/v1/classes/{class_id}/subjects/{subject_code}/scores/history", Access::kGranted,
          P::kScoreRead},
         api::GetCellHistory},
        {{"POST", "/api/v1/classes/{class_id}/subjects/{subject_code}/confirmation", Access::kGranted,
          P::kScoreEnter},
         api::ConfirmSheet},
        {{"DELETE", "/api/v1/classes/{class_id}/subjects/{subject_code}/confirmation", Access::kGranted,
          P::kScoreApprove},
         api::ReopenSheet},
        {{"GET", "/api/v1/classes/{class_id}/results", Access::kGranted, P::kScoreRead}, api::GetResults},
        {{"GET", "/api/v1/classes/{class_id}/score-locks", Access::kGranted, P::kUnitRead}, api::ListLocks},
        {{"PUT", "/api/v1/classes/{class_id}/score-locks", Access::kGranted, P::kScoreApprove}, api::SetLock},
        {{"GET", "/api/v1/schools/{unit_id}/entry-windows", Access::kGranted, P::kUnitRead}, api::ListWindows},
        {{"PUT", "/api/v1/schools/{unit_id}/entry-windows", Access::kGranted, P::kScoreApprove}, api::SetWindow},
        {{"GET", "/api/v1/schools/{unit_id}/corrections", Access::kGranted, P::kUnitRead}, api::ListCorrections},
        {{"POST", "/api/v1/corrections", Access::kGranted, P::kScoreRead}, api::RequestCorrection},
        {{"POST", "/api/v1/corrections/{id}/decision", Access::kGranted, P::kScoreApprove}, api::DecideCorrection},
        {{"GET", "/api/v1/schools/{unit_id}/gradebook-progress", Access::kGranted, P::kReportRead},
         api::GetProgress},
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

}  // namespace hocvu::gradebook
