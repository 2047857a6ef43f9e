#include "people/register.hpp"

#include "people/api/endpoints.hpp"
#include "org/route_table.hpp"

namespace hocvu::people {
namespace {

using P = org::Permission;
using org::Access;

/// Every people route. The guard checks the permission is held somewhere; the service checks it on the school.
/// Student searches need kUnitRead here because the school admin manages records without kStudentRead.
const std::vector<org::GuardedRoute>& Table() {
    static const std::vector<org::GuardedRoute> table = {
        {{"GET", "/api/v1/schools/{unit_id}/staff", Access::kGranted, P::kAccountRead}, api::ListStaff},
        {{"POST", "/api/v1/schools/{unit_id}/staff", Access::kGranted, P::kAccountManage}, api::CreateStaff},
        {{"POST", "/api/v1/schools/{unit_id}/staff/import/preview", Access::kGranted, P::kAccountManage},
         api::PreviewStaffImport},
        {{"POST", "/api/v1/schools/{unit_id}/staff/import/commit", Access::kGranted, P::kAccountManage},
         api::CommitStaffImport},
        {{"GET", "/api/v1/staff/{id}", Access::kGranted, P::kAccountRead}, api::GetStaff},
        {{"PATCH", "/api/v1/staff/{id}", Access::kGranted, P::kAccountManage}, api::UpdateStaff},
        {{"GET", "/api/v1/schools/{unit_id}/students", Access::kGranted, P::kUnitRead}, api::SearchStudents},
        {{"POST", "/api/v1/schools/{unit_id}/students", Access::kGranted, P::kAccountManage}, api::CreateStudent},
        {{"PATCH", "/api/v1/students/{id}", Access::kGranted, P::kAccountManage}, api::UpdateStudent},
        {{"POST", "/api/v1/students/{id}/guardians", Access::kGranted, P::kAccountManage}, api::AddGuardian},
        {{"POST", "/api/v1/guardians/{id}/account", Access::kGranted, P::kAccountManage}, api::CreateParentAccount},
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

}  // namespace hocvu::people
