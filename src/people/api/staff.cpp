#include "org/api/json.hpp"
#include "people/api/endpoints.hpp"
#include "people/api/json.hpp"
#include "people/service.hpp"

namespace hocvu::people::api {

http::Response ListStaff(org::Call& call) {
    std::vector<StaffMember> staff = people::ListStaff(call.ctx, call.Who(), org::PathId(call.request, "unit_id"),
                                                       call.request.Query("q").value_or(""));
    nlohmann::json items = nlohmann::json::array();
    for (const StaffMember& s : staff)
        items.push_back(ToJson(s));
    return org::api::JsonResponse(200, {{"items", items}});
}

http::Response CreateStaff(org::Call& call) {
    nlohmann::json body = org::api::Body(call.request);
    bool with_account = body.value("with_account", true);
    CreatedStaff created = people::CreateStaff(call.ctx, call.Who(), org::PathId(call.request, "unit_id"),
                                               StaffFrom(body), with_account, call.request.client_address);
    nlohmann::json out = ToJson(created.staff);
    if (!created.password.empty())
        out["password"] = created.password;
    return org::api::JsonResponse(201, out);
}

http::Response GetStaff(org::Call& call) {
    return org::api::JsonResponse(200, ToJson(people::GetStaff(call.ctx, call.Who(), org::PathId(call.request, "id"))));
}

http::Response UpdateStaff(org::Call& call) {
    StaffMember s = people::UpdateStaff(call.ctx, call.Who(), org::PathId(call.request, "id"),
                                        StaffFrom(org::api::Body(call.request)), call.request.client_address);
    return org::api::JsonResponse(200, ToJson(s));
}

http::Response PreviewStaffImport(org::Call& call) {
    ImportReport report =
        people::PreviewStaffImport(call.ctx, call.Who(), org::PathId(call.request, "unit_id"), call.request.body);
    return org::api::JsonResponse(200, ToJson(report, {}));
}

http::Response CommitStaffImport(org::Call& call) {
    ImportReport report = people::CommitStaffImport(call.ctx, call.Who(), org::PathId(call.request, "unit_id"),
                                                    call.request.body, call.request.client_address);
    return org::api::JsonResponse(report.committed ? 201 : 422,
                                  ToJson(report, {"id", "full_name", "username", "password"}));
}

}  // namespace hocvu::people::api
