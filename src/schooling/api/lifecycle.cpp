#include "org/api/json.hpp"
#include "people/api/json.hpp"
#include "schooling/api/endpoints.hpp"
#include "schooling/api/json.hpp"

namespace hocvu::schooling::api {

http::Response TransferClass(org::Call& call) {
    nlohmann::json body = org::api::Body(call.request);
    Enrolment e = schooling::TransferClass(call.ctx, call.Who(), org::PathId(call.request, "id"),
                                           org::api::IdField(body, "class_id"),
                                           org::api::OptText(body, "date").value_or(""), call.request.client_address);
    return org::api::JsonResponse(200, ToJson(e));
}

http::Response Leave(org::Call& call) {
    nlohmann::json body = org::api::Body(call.request);
    std::string kind = org::api::Text(body, "kind");
    if (kind != "transfer_out" && kind != "dropout")
        throw Error(Code::kValidation, "kind is transfer_out or dropout");
    people::Student s = schooling::Leave(call.ctx, call.Who(), org::PathId(call.request, "id"),
                                         kind == "transfer_out" ? Departure::kTransferOut : Departure::kDropout,
                                         org::api::Text(body, "reason"), org::api::OptText(body, "date").value_or(""),
                                         call.request.client_address);
    return org::api::JsonResponse(200, people::api::ToJson(s));
}

http::Response Admit(org::Call& call) {
    nlohmann::json body = org::api::Body(call.request);
    StudentProfile p = schooling::Admit(call.ctx, call.Who(), org::PathId(call.request, "unit_id"),
                                        org::api::Text(body, "code"), org::api::IdField(body, "class_id"),
                                        org::api::OptText(body, "date").value_or(""), call.request.client_address);
    return org::api::JsonResponse(201, ToJson(p));
}

http::Response AddExemption(org::Call& call) {
    nlohmann::json body = org::api::Body(call.request);
    auto semester = body.find("semester");
    if (semester == body.end() || !semester->is_number_integer())
        throw Error(Code::kValidation, "semester is 1 or 2");
    Exemption x =
        schooling::AddExemption(call.ctx, call.Who(), org::PathId(call.request, "id"), org::api::Text(body, "subject"),
                                semester->get<int>(), org::api::Text(body, "reason"), call.request.client_address);
    return org::api::JsonResponse(201, ToJson(x));
}

http::Response RemoveExemption(org::Call& call) {
    schooling::RemoveExemption(call.ctx, call.Who(), org::PathId(call.request, "id"), call.request.client_address);
    return http::Response{204, "application/json", "", {}};
}

http::Response CarryOver(org::Call& call) {
    nlohmann::json body = org::api::Body(call.request);
    CarryOverInput input;
    input.to_year = org::api::Text(body, "to_year");
    input.dry_run = body.value("dry_run", false);
    if (auto it = body.find("outcomes"); it != body.end() && !it->is_null()) {
        input.outcomes_given = true;
        if (!it->is_object())
            throw Error(Code::kValidation, "outcomes maps student ids to promoted or retained");
        for (const auto& [key, value] : it->items()) {
            std::int64_t id = 0;
            try {
                id = std::stoll(key);
            } catch (const std::exception&) {
                throw Error(Code::kValidation, "outcomes are keyed by student id");
            }
            if (!value.is_string() || (value != "promoted" && value != "retained")) {
                throw Error(Code::kValidation, "an outcome is promoted or retained");
            }
            input.outcomes[id] = value == "promoted" ? Outcome::kPromoted : Outcome::kRetained;
        }
    }
    CarryOverSummary s =
        schooling::CarryOver(call.ctx, call.Who(), org::PathId(call.request, "id"), input, call.request.client_address);
    return org::api::JsonResponse(s.applied ? 201 : 200, ToJson(s));
}

http::Response PreviewStudentImport(org::Call& call) {
    people::ImportReport r = schooling::PreviewStudentImport(
        call.ctx, call.Who(), org::PathId(call.request, "unit_id"), call.request.Query("year").value_or(""),
        org::api::QueryId(call.request, "class_id"), call.request.body);
    return org::api::JsonResponse(200, people::api::ToJson(r, {}));
}

http::Response CommitStudentImport(org::Call& call) {
    people::ImportReport r = schooling::CommitStudentImport(
        call.ctx, call.Who(), org::PathId(call.request, "unit_id"), call.request.Query("year").value_or(""),
        org::api::QueryId(call.request, "class_id"), call.request.body, call.request.client_address);
    return org::api::JsonResponse(r.committed ? 201 : 422,
                                  people::api::ToJson(r, {"id", "code", "full_name", "class_name"}));
}

}  // namespace hocvu::schooling::api
