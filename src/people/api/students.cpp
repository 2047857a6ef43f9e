#include "org/api/json.hpp"
#include "people/api/endpoints.hpp"
#include "people/api/json.hpp"
#include "people/service.hpp"

namespace hocvu::people::api {

http::Response SearchStudents(org::Call& call) {
    std::vector<Student> students = people::SearchStudents(call.ctx, call.Who(), org::PathId(call.request, "unit_id"),
                                                           call.request.Query("q").value_or(""));
    nlohmann::json items = nlohmann::json::array();
    for (const Student& s : students)
        items.push_back(ToJson(s));
    return org::api::JsonResponse(200, {{"items", items}});
}

http::Response CreateStudent(org::Call& call) {
    nlohmann::json body = org::api::Body(call.request);
    std::vector<GuardianInput> guardians;
    if (auto it = body.find("guardians"); it != body.end() && it->is_array()) {
        for (const auto& g : *it)
            guardians.push_back(GuardianFrom(g));
    }
    Student s = people::CreateStudent(call.ctx, call.Who(), org::PathId(call.request, "unit_id"), StudentFrom(body),
                                      guardians, call.request.client_address);
    return org::api::JsonResponse(201, ToJson(s));
}

http::Response UpdateStudent(org::Call& call) {
    Student s = people::UpdateStudent(call.ctx, call.Who(), org::PathId(call.request, "id"),
                                      StudentFrom(org::api::Body(call.request)), call.request.client_address);
    return org::api::JsonResponse(200, ToJson(s));
}

http::Response AddGuardian(org::Call& call) {
    Guardian g = people::AddGuardian(call.ctx, call.Who(), org::PathId(call.request, "id"),
                                     GuardianFrom(org::api::Body(call.request)), call.request.client_address);
    return org::api::JsonResponse(201, ToJson(g));
}

http::Response CreateParentAccount(org::Call& call) {
    ParentAccount p =
        people::CreateParentAccount(call.ctx, call.Who(), org::PathId(call.request, "id"), call.request.client_address);
    nlohmann::json out = {{"account", org::api::ToJson(p.account)}, {"created", p.created}};
    if (!p.password.empty())
        out["password"] = p.password;
    return org::api::JsonResponse(p.created ? 201 : 200, out);
}

}  // namespace hocvu::people::api
