#include "org/register.hpp"

#include "org/api/endpoints.hpp"
#include "org/route_table.hpp"

namespace hocvu::org {
namespace {

using P = Permission;

/// Every org route, what it requires before its handler runs, and the handler. The handler then checks the
/// permission against the object's own unit (`Require`).
const std::vector<GuardedRoute>& Table() {
    static const std::vector<GuardedRoute> table = {
        {{"POST", "/api/v1/auth/login", Access::kPublic, {}}, api::Login},
        {{"POST", "/api/v1/auth/logout", Access::kSession, {}}, api::Logout},
        {{"GET", "/api/v1/me", Access::kSession, {}}, api::Me},
        {{"POST", "/api/v1/auth/password", Access::kSession, {}}, api::ChangeOwnPassword},
        {{"POST", "/api/v1/auth/totp/enrol", Access::kSession, {}}, api::EnrolTotp},
        {{"POST", "/api/v1/auth/totp/confirm", Access::kSession, {}}, api::ConfirmTotp},

        {{"GET", "/api/v1/units", Access::kGranted, P::kUnitRead}, api::ListUnits},
        {{"POST", "/api/v1/units", Access::kGranted, P::kUnitManage}, api::CreateUnit},
        {{"GET", "/api/v1/units/{id}", Access::kGranted, P::kUnitRead}, api::GetUnit},
        {{"PATCH", "/api/v1/units/{id}", Access::kGranted, P::kUnitSettings}, api::UpdateUnit},
        {{"GET", "/api/v1/units/{id}/children", Access::kGranted, P::kUnitRead}, api::ListChildren},

        {{"GET", "/api/v1/accounts", Access::kGranted, P::kAccountRead}, api::ListAccounts},
        {{"POST", "/api/v1/accounts", Access::kGranted, P::kAccountManage}, api::CreateAccount},
        {{"GET", "/api/v1/accounts/{id}", Access::kGranted, P::kAccountRead}, api::GetAccount},
        {{"POST", "/api/v1/accounts/{id}/disable", Access::kGranted, P::kAccountManage}, api::DisableAccount},
        {{"POST", "/api/v1/accounts/{id}/enable", Access::kGranted, P::kAccountManage}, api::EnableAccount},
        {{"POST", "/api/v1/accounts/{id}/reset-password", Access::kGranted, P::kAccountManage}, api::ResetPassword},

        {{"GET", "/api/v1/roles/grants", Access::kGranted, P::kAccountRead}, api::ListGrants},
        {{"POST", "/api/v1/roles/grants", Access::kGranted, P::kGrantManage}, api::AddGrant},
        {{"DELETE", "/api/v1/roles/grants/{id}", Access::kGranted, P::kGrantManage}, api::RemoveGrant},

        {{"GET", "/api/v1/units/{id}/locks", Access::kGranted, P::kLockRead}, api::ListLocks},
        {{"PUT", "/api/v1/units/{id}/locks/{module}", Access::kGranted, P::kLockManage}, api::LockModule},
        {{"DELETE", "/api/v1/units/{id}/locks/{module}", Access::kGranted, P::kLockManage}, api::UnlockModule},
    };
    return table;
}

}  // namespace

void Register(http::Router& router, app::Context& context) {
    AddGuarded(router, context, Table());
}

std::vector<RouteSpec> Routes() {
    return SpecsOf(Table());
}

}  // namespace hocvu::org
