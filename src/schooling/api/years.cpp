#include "org/api/json.hpp"
#include "schooling/api/endpoints.hpp"
#include "schooling/api/json.hpp"
#include "schooling/catalogue.hpp"

namespace hocvu::schooling::api {
namespace {

int GradeParam(const http::Request& request) {
    std::string_view text = request.PathParam("grade");
    if (text.empty() || text.size() > 2 || !std::all_of(text.begin(), text.end(), ::isdigit)) {
        throw Error(Code::kNotFound, "no such grade");
    }
    return std::stoi(std::string(text));
}

}  // namespace

http::Response ListYears(org::Call& call) {
    nlohmann::json items = nlohmann::json::array();
    for (const SchoolYear& y : schooling::ListYears(call.ctx, call.Who(), org::PathId(call.request, "unit_id"))) {
        items.push_back(ToJson(y));
    }
    return org::api::JsonResponse(200, {{"items", items}});
}

http::Response CreateYear(org::Call& call) {
    nlohmann::json body = org::api::Body(call.request);
    NewYear input;
    input.name = org::api::Text(body, "name");
    input.copy_from = org::api::OptIdField(body, "copy_from");
    if (auto it = body.find("semesters"); it != body.end() && it->is_array()) {
        for (const auto& s : *it) {
            if (!s.is_object() || !s.value("number", nlohmann::json()).is_number_integer()) {
                throw Error(Code::kValidation, "a semester has number, starts_on and ends_on");
            }
            input.semesters.push_back(
                {s["number"].get<int>(), org::api::Text(s, "starts_on"), org::api::Text(s, "ends_on")});
        }
    }
    return org::api::JsonResponse(
        201, ToJson(schooling::CreateYear(call.ctx, call.Who(), org::PathId(call.request, "unit_id"), input,
                                          call.request.client_address)));
}

http::Response GetCurriculum(org::Call& call) {
    nlohmann::json items = nlohmann::json::array();
    for (const CurriculumEntry& e : schooling::GetCurriculum(call.ctx, call.Who(), org::PathId(call.request, "id"))) {
        items.push_back(ToJson(e));
    }
    return org::api::JsonResponse(200, {{"items", items}});
}

http::Response SetGradeOptionalSubjects(org::Call& call) {
    nlohmann::json body = org::api::Body(call.request);
    nlohmann::json items = nlohmann::json::array();
    for (const CurriculumEntry& e : schooling::SetGradeOptionalSubjects(
             call.ctx, call.Who(), org::PathId(call.request, "id"), GradeParam(call.request),
             Strings(body, "optional_subjects"), call.request.client_address)) {
        items.push_back(ToJson(e));
    }
    return org::api::JsonResponse(200, {{"items", items}});
}

http::Response GetCatalogue(org::Call& call) {
    (void)call;
    nlohmann::json items = nlohmann::json::array();
    for (const CatalogueSubject& s : Catalogue()) {
        nlohmann::json periods = nlohmann::json::object();
        for (std::size_t i = 0; i < s.grades.size(); ++i)
            periods[std::to_string(s.grades[i])] = s.periods[i];
        items.push_back({{"level", s.level},
                         {"code", s.code},
                         {"name", s.name},
                         {"kind", Name(s.kind)},
                         {"assessment", s.scored ? "scored" : "comment"},
                         {"periods_per_year", periods}});
    }
    return org::api::JsonResponse(200, {{"items", items}});
}

}  // namespace hocvu::schooling::api
