#include "common/error.hpp"
#include "gradebook/api/endpoints.hpp"
#include "gradebook/api/json.hpp"
#include "gradebook/queries.hpp"
#include "gradebook/rules.hpp"
#include "gradebook/service.hpp"
#include "org/api/json.hpp"

namespace hocvu::gradebook::api {

http::Response GetScores(org::Call& call) {
    Sheet sheet = gradebook::GetSheet(call.ctx, call.Who(), org::PathId(call.request, "class_id"),
                                      call.request.PathParam("subject_code"), SemesterParam(call.request));
    return org::api::JsonResponse(200, ToJson(sheet));
}

http::Response PutScores(org::Call& call) {
    nlohmann::json body = org::api::Body(call.request);
    SaveInput input;
    input.class_id = org::PathId(call.request, "class_id");
    input.subject_code = std::string(call.request.PathParam("subject_code"));
    input.semester = SemesterParam(call.request);
    auto base = body.find("base_version");
    if (base == body.end() || !base->is_number_integer()) throw Error(Code::kValidation, "base_version is a number");
    input.base_version = base->get<std::int64_t>();
    auto changes = body.find("changes");
    if (changes == body.end() || !changes->is_array()) throw Error(Code::kValidation, "changes is a list");
    for (const nlohmann::json& c : *changes) {
        if (!c.is_object()) throw Error(Code::kValidation, "a change is an object");
        CellChange change;
        change.student_id = org::api::IdField(c, "student_id");
        change.item = org::api::Text(c, "item");
        auto value = c.find("value");
        if (value != c.end() && value->is_string()) {
            change.value = value->get<std::string>();
        } else if (value != c.end() && value->is_number()) {
            change.value = value->dump();
        } else if (value != c.end() && !value->is_null()) {
            throw Error(Code::kValidation, "value is a string");
        }
        auto status = ParseCellStatus(org::api::OptText(c, "status").value_or("entered"));
        if (!status) throw Error(Code::kValidation, "status is entered, makeup, no_makeup or pending");
        change.status = *status;
        change.reason = org::api::OptText(c, "reason").value_or("");
        input.changes.push_back(std::move(change));
    }
    Sheet sheet;
    SaveOutcome outcome = SaveScores(call.ctx, call.Who(), input, call.request.client_address, &sheet);
    switch (outcome.status) {
        case SaveOutcome::Status::kSaved: break;
        case SaveOutcome::Status::kInvalid: {
            nlohmann::json violations = nlohmann::json::array();
            for (const Violation& v : outcome.violations) {
                violations.push_back(
                    {{"student_id", org::api::Id(v.student_id)}, {"item", v.item}, {"message", v.message}});
            }
            return ProblemWith(Code::kValidation, "một số ô điểm không hợp lệ", {{"violations", violations}});
        }
        case SaveOutcome::Status::kConflict: {
            nlohmann::json conflicts = nlohmann::json::array();
            for (const Conflict& c : outcome.conflicts) {
                conflicts.push_back({{"student_id", org::api::Id(c.student_id)},
                                     {"item", c.item},
                                     {"yours", c.yours},
                                     {"theirs", c.theirs},
                                     {"changed_by", c.changed_by},
                                     {"changed_at", FormatTime(c.changed_at)}});
            }
            return ProblemWith(Code::kGradebookConflict, outcome.detail, {{"conflicts", conflicts}});
        }
        case SaveOutcome::Status::kWindowClosed:
            return ProblemWith(Code::kGradebookWindowClosed, outcome.detail, {{"closed_items", outcome.closed_items}});
        case SaveOutcome::Status::kLocked:
            return ProblemWith(Code::kGradebookLocked, outcome.detail, nlohmann::json::object());
    }
    nlohmann::json out = ToJson(sheet);
    out["saved"] = {{"version", outcome.version}, {"changed", outcome.changed}};
    return org::api::JsonResponse(200, out);
}

http::Response GetCellHistory(org::Call& call) {
    auto student = org::api::QueryId(call.request, "student_id");
    auto item = call.request.Query("item");
    if (!student || !item) throw Error(Code::kValidation, "student_id and item are required");
    nlohmann::json items = nlohmann::json::array();
    for (const HistoryEntry& h :
         gradebook::CellHistory(call.ctx, call.Who(), org::PathId(call.request, "class_id"),
                                call.request.PathParam("subject_code"), SemesterParam(call.request), *student, *item)) {
        items.push_back(ToJson(h));
    }
    return org::api::JsonResponse(200, {{"items", items}});
}

http::Response ConfirmSheet(org::Call& call) {
    const std::int64_t class_id = org::PathId(call.request, "class_id");
    const int semester = SemesterParam(call.request);
    const std::string subject(call.request.PathParam("subject_code"));
    gradebook::ConfirmSheet(call.ctx, call.Who(), class_id, subject, semester, true, call.request.client_address);
    return org::api::JsonResponse(200, ToJson(gradebook::GetSheet(call.ctx, call.Who(), class_id, subject, semester)));
}

http::Response ReopenSheet(org::Call& call) {
    const std::int64_t class_id = org::PathId(call.request, "class_id");
    const int semester = SemesterParam(call.request);
    const std::string subject(call.request.PathParam("subject_code"));
    gradebook::ConfirmSheet(call.ctx, call.Who(), class_id, subject, semester, false, call.request.client_address);
    return org::api::JsonResponse(200, ToJson(gradebook::GetSheet(call.ctx, call.Who(), class_id, subject, semester)));
}

http::Response GetResults(org::Call& call) {
    nlohmann::json items = nlohmann::json::array();
    std::string period = call.request.Query("period").value_or("");
    for (const StudentResult& r :
         gradebook::GetResults(call.ctx, call.Who(), org::PathId(call.request, "class_id"), period)) {
        items.push_back(ToJson(r));
    }
    return org::api::JsonResponse(200, {{"period", period}, {"items", items}});
}

}  // namespace hocvu::gradebook::api
