#include "org/api/json.hpp"
#include "people/api/json.hpp"
#include "schooling/api/endpoints.hpp"
#include "schooling/api/json.hpp"

namespace hocvu::schooling::api {

http::Response ListClasses(org::Call& call) {
    nlohmann::json items = nlohmann::json::array();
    for (const ClassInfo& c : schooling::ListClasses(call.ctx, call.Who(), org::PathId(call.request, "unit_id"),
                                                     call.request.Query("year").value_or(""))) {
        items.push_back(ToJson(c));
    }
    return org::api::JsonResponse(200, {{"items", items}});
}

http::Response CreateClass(org::Call& call) {
    nlohmann::json body = org::api::Body(call.request);
    auto grade = body.find("grade");
    if (grade == body.end() || !grade->is_number_integer())
        throw Error(Code::kValidation, "grade is a number");
    NewClass input{org::api::IdField(body, "year_id"), grade->get<int>(), org::api::Text(body, "name"),
                   org::api::OptText(body, "session").value_or("morning")};
    return org::api::JsonResponse(
        201, ToJson(schooling::CreateClass(call.ctx, call.Who(), org::PathId(call.request, "unit_id"), input,
                                           call.request.client_address)));
}

http::Response GetClass(org::Call& call) {
    return org::api::JsonResponse(200,
                                  ToJson(schooling::GetClass(call.ctx, call.Who(), org::PathId(call.request, "id"))));
}

http::Response SetClassElectives(org::Call& call) {
    nlohmann::json body = org::api::Body(call.request);
    return org::api::JsonResponse(
        200, ToJson(schooling::SetClassElectives(call.ctx, call.Who(), org::PathId(call.request, "id"),
                                                 Strings(body, "subjects"), call.request.client_address)));
}

http::Response ClassStudents(org::Call& call) {
    nlohmann::json items = nlohmann::json::array();
    for (const people::Student& s : schooling::ClassStudents(call.ctx, call.Who(), org::PathId(call.request, "id"))) {
        items.push_back(people::api::ToJson(s));
    }
    return org::api::JsonResponse(200, {{"items", items}});
}

http::Response Enrol(org::Call& call) {
    nlohmann::json body = org::api::Body(call.request);
    Enrolment e =
        schooling::Enrol(call.ctx, call.Who(), org::PathId(call.request, "id"), org::api::IdField(body, "student_id"),
                         org::api::OptText(body, "date").value_or(""), call.request.client_address);
    return org::api::JsonResponse(201, ToJson(e));
}

http::Response GetStudent(org::Call& call) {
    return org::api::JsonResponse(
        200, ToJson(schooling::GetStudentProfile(call.ctx, call.Who(), org::PathId(call.request, "id"))));
}

}  // namespace hocvu::schooling::api
