#include "schooling/register.hpp"

#include "schooling/api/endpoints.hpp"
#include "org/route_table.hpp"

namespace hocvu::schooling {
namespace {

using P = org::Permission;
using org::Access;

/// Every schooling route. The guard checks the permission is held somewhere; the service checks it on the school
/// (and, for class lists and student profiles, the class or student a narrowed grant names).
const std::vector<org::GuardedRoute>& Table() {
    static const std::vector<org::GuardedRoute> table = {
        {{"GET", "/api/v1/catalogue/subjects", Access::kGranted, P::kUnitRead}, api::GetCatalogue},
        {{"GET", "/api/v1/schools/{unit_id}/years", Access::kGranted, P::kUnitRead}, api::ListYears},
        {{"POST", "/api/v1/schools/{unit_id}/years", Access::kGranted, P::kUnitSettings}, api::CreateYear},
        {{"GET", "/api/v1/years/{id}/curriculum", Access::kGranted, P::kUnitRead}, api::GetCurriculum},
        {{"PUT", "/api/v1/years/{id}/curriculum/{grade}", Access::kGranted, P::kUnitSettings},
         api::SetGradeOptionalSubjects},
        {{"POST", "/api/v1/years/{id}/carry-over", Access::kGranted, P::kAccountManage}, api::CarryOver},

        {{"GET", "/api/v1/schools/{unit_id}/classes", Access::kGranted, P::kUnitRead}, api::ListClasses},
        {{"POST", "/api/v1/schools/{unit_id}/classes", Access::kGranted, P::kUnitSettings}, api::CreateClass},
        {{"GET", "/api/v1/classes/{id}", Access::kGranted, P::kUnitRead}, api::GetClass},
        {{"PUT", "/api/v1/classes/{id}/electives", Access::kGranted, P::kUnitSettings}, api::SetClassElectives},
        {{"GET", "/api/v1/classes/{id}/students", Access::kGranted, P::kUnitRead}, api::ClassStudents},
        {{"POST", "/api/v1/classes/{id}/students", Access::kGranted, P::kAccountManage}, api::Enrol},
        {{"PUT", "/api/v1/classes/{id}/homeroom", Access::kGranted, P::kGrantManage}, api::AssignHomeroom},
        {{"DELETE", "/api/v1/classes/{id}/homeroom", Access::kGranted, P::kGrantManage}, api::RemoveHomeroom},
        {{"POST", "/api/v1/classes/{id}/teaching", Access::kGranted, P::kGrantManage}, api::AssignTeaching},
        {{"GET", "/api/v1/schools/{unit_id}/teaching", Access::kGranted, P::kUnitRead}, api::ListTeaching},
        {{"DELETE", "/api/v1/teaching-assignments/{id}", Access::kGranted, P::kGrantManage}, api::RemoveTeaching},

        {{"GET", "/api/v1/students/{id}", Access::kGranted, P::kUnitRead}, api::GetStudent},
        {{"POST", "/api/v1/students/{id}/class-transfer", Access::kGranted, P::kAccountManage}, api::TransferClass},
        {{"POST", "/api/v1/students/{id}/leave", Access::kGranted, P::kAccountManage}, api::Leave},
        {{"POST", "/api/v1/schools/{unit_id}/admissions", Access::kGranted, P::kAccountManage}, api::Admit},
        {{"POST", "/api/v1/students/{id}/exemptions", Access::kGranted, P::kAccountManage}, api::AddExemption},
        {{"DELETE", "/api/v1/exemptions/{id}", Access::kGranted, P::kAccountManage}, api::RemoveExemption},
        {{"POST", "/api/v1/schools/{unit_id}/students/import/preview", Access::kGranted, P::kAccountManage},
         api::PreviewStudentImport},
        {{"POST", "/api/v1/schools/{unit_id}/students/import/commit", Access::kGranted, P::kAccountManage},
         api::CommitStudentImport},
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

}  // namespace hocvu::schooling
