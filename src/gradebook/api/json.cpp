#include "gradebook/api/json.hpp"

#include "common/error.hpp"
#include "gradebook/rules.hpp"
#include "http/problem.hpp"
#include "org/api/json.hpp"

namespace hocvu::gradebook::api {

using org::api::Id;

namespace {

nlohmann::json OptTime(const std::optional<Micros>& at) {
    return at ? nlohmann::json(FormatTime(*at)) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json ToJson(const Sheet& sheet) {
    nlohmann::json columns = nlohmann::json::array();
    for (const Column& c : sheet.columns) {
        columns.push_back({{"item", c.item},
                           {"kind", ItemKindCode(c.kind)},
                           {"label", c.label},
                           {"topic", c.topic},
                           {"type", CellTypeCode(c.type)},
                           {"optional", c.optional}});
    }
    nlohmann::json rows = nlohmann::json::array();
    for (const SheetRow& r : sheet.rows) {
        nlohmann::json cells = nlohmann::json::object();
        for (const Cell& c : r.cells) {
            cells[c.item] = {{"value", c.value.Text()},
                             {"status", CellStatusCode(c.status)},
                             {"version", c.version},
                             {"updated_by", c.updated_by_name},
                             {"updated_at", FormatTime(c.updated_at)}};
        }
        rows.push_back({{"student_id", Id(r.student_id)},
                        {"student_code", r.student_code},
                        {"full_name", r.full_name},
                        {"exempt", r.exempt},
                        {"cells", cells},
                        {"average", r.average},
                        {"missing", r.missing},
                        {"explanation", r.explanation}});
    }
    return {{"class_id", Id(sheet.class_id)},
            {"class_name", sheet.class_name},
            {"subject_code", sheet.subject_code},
            {"subject_name", sheet.subject_name},
            {"semester", sheet.semester},
            {"regulation", sheet.regulation},
            {"scored", sheet.scored},
            {"periods_per_year", sheet.periods_per_year},
            {"version", sheet.version},
            {"confirmed", sheet.confirmed_by.has_value()},
            {"confirmed_at", OptTime(sheet.confirmed_at)},
            {"locked", sheet.locked},
            {"lock_reason", sheet.lock_reason},
            {"closed_items", sheet.closed_items},
            {"may_edit", sheet.may_edit},
            {"columns", columns},
            {"rows", rows}};
}

nlohmann::json ToJson(const Correction& c) {
    return {{"id", Id(c.id)},
            {"class_id", Id(c.class_id)},
            {"subject_code", c.subject_code},
            {"semester", c.semester},
            {"student_id", Id(c.student_id)},
            {"item", c.item},
            {"old_value", c.old_value},
            {"new_value", c.new_value},
            {"reason", c.reason},
            {"status", c.status},
            {"requested_by", Id(c.requested_by)},
            {"requested_at", FormatTime(c.requested_at)},
            {"decided_by", c.decided_by ? nlohmann::json(Id(*c.decided_by)) : nlohmann::json(nullptr)},
            {"decided_at", OptTime(c.decided_at)},
            {"decision_note", c.decision_note},
            {"witnesses", c.witnesses},
            {"class_name", c.class_name},
            {"subject_name", c.subject_name},
            {"student_name", c.student_name},
            {"requested_by_name", c.requested_by_name},
            {"decided_by_name", c.decided_by_name}};
}

nlohmann::json ToJson(const EntryWindow& w) {
    return {{"year_id", Id(w.year_id)},
            {"semester", w.semester},
            {"item_kind", ItemKindCode(w.kind)},
            {"opens_at", FormatTime(w.opens_at)},
            {"closes_at", FormatTime(w.closes_at)}};
}

nlohmann::json ToJson(const Lock& l) {
    return {{"class_id", Id(l.class_id)},
            {"subject_code", l.subject_code},
            {"semester", l.semester},
            {"locked_by", Id(l.locked_by)},
            {"locked_at", FormatTime(l.locked_at)},
            {"reason", l.reason}};
}

nlohmann::json ToJson(const HistoryEntry& h) {
    return {{"old_value", h.old_value},
            {"new_value", h.new_value},
            {"reason", h.reason},
            {"actor_id", Id(h.actor_id)},
            {"actor_name", h.actor_name},
            {"at", FormatTime(h.at)},
            {"audit_id", Id(h.audit_id)},
            {"correction_id", h.correction_id ? nlohmann::json(Id(*h.correction_id)) : nlohmann::json(nullptr)}};
}

nlohmann::json ToJson(const StudentResult& r) {
    nlohmann::json subjects = nlohmann::json::object();
    for (const auto& [code, value] : r.subjects) subjects[code] = value;
    return {{"student_id", Id(r.student_id)},
            {"student_code", r.student_code},
            {"full_name", r.full_name},
            {"subjects", subjects},
            {"learning", r.learning},
            {"missing", r.missing},
            {"explanation", r.explanation}};
}

nlohmann::json ToJson(const ProgressRow& r) {
    auto percent = [](std::int64_t entered, std::int64_t required) {
        return required == 0 ? 100 : entered * 100 / required;
    };
    nlohmann::json kinds = nlohmann::json::array();
    for (const ProgressKind& k : r.kinds) {
        kinds.push_back({{"item_kind", ItemKindCode(k.kind)},
                         {"required", k.required},
                         {"entered", k.entered},
                         {"closes_at", OptTime(k.closes_at)},
                         {"late", k.late}});
    }
    nlohmann::json months = nlohmann::json::array();
    for (const ProgressMonth& m : r.by_month) {
        months.push_back({{"month", m.month},
                          {"entered", m.entered},
                          {"cumulative", m.cumulative},
                          {"percent", percent(m.cumulative, r.required)}});
    }
    return {{"class_id", Id(r.class_id)},
            {"class_name", r.class_name},
            {"subject_code", r.subject_code},
            {"subject_name", r.subject_name},
            {"semester", r.semester},
            {"teacher_id", r.teacher_id ? nlohmann::json(Id(*r.teacher_id)) : nlohmann::json(nullptr)},
            {"teacher_name", r.teacher_name},
            {"required", r.required},
            {"entered", r.entered},
            {"percent", percent(r.entered, r.required)},
            {"confirmed", r.confirmed},
            {"late", r.late},
            {"kinds", kinds},
            {"by_month", months}};
}

int SemesterParam(const http::Request& request) {
    auto semester = request.Query("semester");
    if (semester == "1") return 1;
    if (semester == "2") return 2;
    throw Error(Code::kValidation, "semester is 1 or 2");
}

http::Response ProblemWith(Code code, const std::string& detail, const nlohmann::json& extra) {
    http::Response response = http::Problem(code, detail);
    nlohmann::json body = nlohmann::json::parse(response.body);
    for (const auto& [key, value] : extra.items()) body[key] = value;
    response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return response;
}

}  // namespace hocvu::gradebook::api
