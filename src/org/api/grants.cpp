#include "org/api/endpoints.hpp"
#include "org/api/json.hpp"

namespace hocvu::org::api {

http::Response ListGrants(Call& call) {
    auto unit_id = QueryId(call.request, "unit_id");
    std::vector<Grant> grants = org::ListGrants(call.ctx, call.Who(), unit_id.value_or(call.Who().unit_id),
                                                QueryId(call.request, "account_id"));
    nlohmann::json items = nlohmann::json::array();
    for (const Grant& g : grants) items.push_back(ToJson(g));
    return JsonResponse(200, {{"items", items}});
}

http::Response AddGrant(Call& call) {
    nlohmann::json body = Body(call.request);
    NewGrant input;
    input.account_id = IdField(body, "account_id");
    auto role = ParseRole(Text(body, "role"));
    if (!role) throw Error(Code::kValidation, "unknown role");
    input.role = *role;
    input.class_id = OptIdField(body, "class_id");
    input.subject = OptText(body, "subject");
    input.student_id = OptIdField(body, "student_id");
    return JsonResponse(201, ToJson(org::AddGrant(call.ctx, call.Who(), input, call.request.client_address)));
}

http::Response RemoveGrant(Call& call) {
    org::RemoveGrant(call.ctx, call.Who(), PathId(call.request, "id"), call.request.client_address);
    return http::Response{204, "application/json", "", {}};
}

}  // namespace hocvu::org::api
