#include "org/api/json.hpp"
#include "schooling/api/endpoints.hpp"
#include "schooling/api/json.hpp"

namespace hocvu::schooling::api {

http::Response ListTeaching(org::Call& call) {
    nlohmann::json items = nlohmann::json::array();
    for (const TeachingAssignment& a : schooling::ListTeaching(
             call.ctx, call.Who(), org::PathId(call.request, "unit_id"), call.request.Query("year").value_or(""))) {
        items.push_back(ToJson(a));
    }
    return org::api::JsonResponse(200, {{"items", items}});
}

http::Response AssignTeaching(org::Call& call) {
    nlohmann::json body = org::api::Body(call.request);
    std::vector<int> semesters;
    auto it = body.find("semesters");
    if (it == body.end() || it->is_null()) {
        semesters = {1, 2};
    } else {
        if (!it->is_array())
            throw Error(Code::kValidation, "semesters is a list of 1 and/or 2");
        for (const auto& s : *it) {
            if (!s.is_number_integer())
                throw Error(Code::kValidation, "semesters is a list of 1 and/or 2");
            semesters.push_back(s.get<int>());
        }
    }
    nlohmann::json items = nlohmann::json::array();
    for (const TeachingAssignment& a : schooling::AssignTeaching(
             call.ctx, call.Who(), org::PathId(call.request, "id"), org::api::Text(body, "subject"),
             org::api::IdField(body, "staff_id"), semesters, call.request.client_address)) {
        items.push_back(ToJson(a));
    }
    return org::api::JsonResponse(201, {{"items", items}});
}

http::Response RemoveTeaching(org::Call& call) {
    schooling::RemoveTeaching(call.ctx, call.Who(), org::PathId(call.request, "id"), call.request.client_address);
    return http::Response{204, "application/json", "", {}};
}

http::Response AssignHomeroom(org::Call& call) {
    nlohmann::json body = org::api::Body(call.request);
    return org::api::JsonResponse(
        200, ToJson(schooling::AssignHomeroom(call.ctx, call.Who(), org::PathId(call.request, "id"),
                                              org::api::IdField(body, "staff_id"), call.request.client_address)));
}

http::Response RemoveHomeroom(org::Call& call) {
    return org::api::JsonResponse(
        200, ToJson(schooling::RemoveHomeroom(call.ctx, call.Who(), org::PathId(call.request, "id"),
                                              call.request.client_address)));
}

}  // namespace hocvu::schooling::api
