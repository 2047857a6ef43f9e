#include "common/error.hpp"
#include "gradebook/api/endpoints.hpp"
#include "gradebook/api/json.hpp"
#include "gradebook/queries.hpp"
#include "gradebook/rules.hpp"
#include "gradebook/service.hpp"
#include "org/api/json.hpp"

namespace hocvu::gradebook::api {
namespace {

int IntField(const nlohmann::json& body, const char* key) {
    auto it = body.find(key);
    if (it == body.end() || !it->is_number_integer()) throw Error(Code::kValidation, std::string(key) + " is a number");
    return it->get<int>();
}

bool BoolField(const nlohmann::json& body, const char* key, bool fallback) {
    auto it = body.find(key);
    if (it == body.end()) return fallback;
    if (!it->is_boolean()) throw Error(Code::kValidation, std::string(key) + " is true or false");
    return it->get<bool>();
}

Micros TimeField(const nlohmann::json& body, const char* key) {
    auto at = ParseTime(org::api::Text(body, key));
    if (!at) throw Error(Code::kValidation, std::string(key) + " is YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ");
    return *at;
}

}  // namespace

http::Response ListWindows(org::Call& call) {
    auto year = org::api::QueryId(call.request, "year_id");
    if (!year) throw Error(Code::kValidation, "year_id is required");
    nlohmann::json items = nlohmann::json::array();
    for (const EntryWindow& w :
         gradebook::ListWindows(call.ctx, call.Who(), org::PathId(call.request, "unit_id"), *year)) {
        items.push_back(ToJson(w));
    }
    return org::api::JsonResponse(200, {{"items", items}});
}

http::Response SetWindow(org::Call& call) {
    nlohmann::json body = org::api::Body(call.request);
    EntryWindow w;
    w.year_id = org::api::IdField(body, "year_id");
    w.semester = IntField(body, "semester");
    auto kind = ParseItemKind(org::api::Text(body, "item_kind"));
    if (!kind) throw Error(Code::kValidation, "item_kind is tx, gk or ck");
    w.kind = *kind;
    const bool clear = BoolField(body, "clear", false);
    if (!clear) {
        w.opens_at = TimeField(body, "opens_at");
        w.closes_at = TimeField(body, "closes_at");
    }
    gradebook::SetEntryWindow(call.ctx, call.Who(), org::PathId(call.request, "unit_id"), w, clear,
                              call.request.client_address);
    return org::api::JsonResponse(200, ToJson(w));
}

http::Response ListLocks(org::Call& call) {
    nlohmann::json items = nlohmann::json::array();
    for (const Lock& l : gradebook::ListLocks(call.ctx, call.Who(), org::PathId(call.request, "class_id"))) {
        items.push_back(ToJson(l));
    }
    return org::api::JsonResponse(200, {{"items", items}});
}

http::Response SetLock(org::Call& call) {
    nlohmann::json body = org::api::Body(call.request);
    const std::int64_t class_id = org::PathId(call.request, "class_id");
    gradebook::SetLock(call.ctx, call.Who(), class_id, org::api::Text(body, "subject_code"),
                       IntField(body, "semester"), BoolField(body, "locked", true),
                       org::api::OptText(body, "reason").value_or(""), call.request.client_address);
    nlohmann::json items = nlohmann::json::array();
    for (const Lock& l : gradebook::ListLocks(call.ctx, call.Who(), class_id)) items.push_back(ToJson(l));
    return org::api::JsonResponse(200, {{"items", items}});
}

http::Response ListCorrections(org::Call& call) {
    nlohmann::json items = nlohmann::json::array();
    for (const Correction& c : gradebook::ListCorrections(call.ctx, call.Who(), org::PathId(call.request, "unit_id"),
                                                          call.request.Query("status").value_or(""))) {
        items.push_back(ToJson(c));
    }
    return org::api::JsonResponse(200, {{"items", items}});
}

http::Response RequestCorrection(org::Call& call) {
    nlohmann::json body = org::api::Body(call.request);
    CorrectionInput input;
    input.class_id = org::api::IdField(body, "class_id");
    input.subject_code = org::api::Text(body, "subject_code");
    input.semester = IntField(body, "semester");
    input.student_id = org::api::IdField(body, "student_id");
    input.item = org::api::Text(body, "item");
    input.new_value = org::api::Text(body, "new_value", false);
    input.reason = org::api::Text(body, "reason");
    return org::api::JsonResponse(
        201, ToJson(gradebook::RequestCorrection(call.ctx, call.Who(), input, call.request.client_address)));
}

http::Response DecideCorrection(org::Call& call) {
    nlohmann::json body = org::api::Body(call.request);
    auto decision = org::api::Text(body, "decision");
    if (decision != "approve" && decision != "reject") throw Error(Code::kValidation, "decision is approve or reject");
    std::vector<std::string> witnesses;
    if (auto it = body.find("witnesses"); it != body.end()) {
        if (!it->is_array()) throw Error(Code::kValidation, "witnesses is a list of names");
        for (const auto& w : *it) {
            if (!w.is_string()) throw Error(Code::kValidation, "witnesses is a list of names");
            witnesses.push_back(w.get<std::string>());
        }
    }
    return org::api::JsonResponse(
        200, ToJson(gradebook::DecideCorrection(call.ctx, call.Who(), org::PathId(call.request, "id"),
                                                decision == "approve", org::api::OptText(body, "note").value_or(""),
                                                witnesses, call.request.client_address,
                                                org::api::OptText(body, "totp"))));
}

http::Response GetProgress(org::Call& call) {
    nlohmann::json items = nlohmann::json::array();
    for (const ProgressRow& r : gradebook::Progress(call.ctx, call.Who(), org::PathId(call.request, "unit_id"),
                                                    call.request.Query("year").value_or(""))) {
        items.push_back(ToJson(r));
    }
    return org::api::JsonResponse(200, {{"items", items}});
}

}  // namespace hocvu::gradebook::api
