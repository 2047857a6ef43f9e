#include <nlohmann/json.hpp>

#include "gradebook/api/json.hpp"
#include "gradebook/engine_input.hpp"
#include "gradebook/rules.hpp"
#include "homeroom/api/endpoints.hpp"
#include "homeroom/internal.hpp"
#include "homeroom/service.hpp"
#include "org/api/json.hpp"

namespace hocvu::homeroom::api {
namespace {

using nlohmann::json;
using org::api::Id;

std::string Time(Micros at) {
    return at == 0 ? std::string() : gradebook::FormatTime(at);
}
json OptTime(const std::optional<Micros>& at) {
    return at ? json(gradebook::FormatTime(*at)) : json(nullptr);
}

/// Runs an endpoint, turning a refusal with extra members into its problem.
template <typename F>
http::Response Run(F&& f) {
    try {
        return f();
    } catch (const detail::Refused& r) {
        return gradebook::api::ProblemWith(r.code(), r.what(), r.extra());
    }
}

std::int64_t IntField(const json& body, const char* key) {
    auto it = body.find(key);
    if (it == body.end() || !it->is_number_integer()) throw Error(Code::kValidation, std::string(key) + " is a number");
    return it->get<std::int64_t>();
}

json ToJson(const Attendance& a) {
    json students = json::array();
    for (const AttendanceStudent& s : a.students) {
        json marks = json::array();
        for (const Mark& m : s.marks) {
            marks.push_back({{"session", m.session}, {"period", m.period}, {"status", m.status}, {"note", m.note},
                             {"version", m.version}, {"updated_by_name", m.updated_by_name},
                             {"updated_at", Time(m.updated_at)}});
        }
        students.push_back(
            {{"student_id", Id(s.student_id)}, {"student_code", s.student_code}, {"full_name", s.full_name},
             {"marks", marks}});
    }
    return {{"class_id", Id(a.class_id)}, {"class_name", a.class_name}, {"date", a.date},
            {"main_session", a.main_session}, {"sessions", {"morning", "afternoon"}}, {"version", a.version},
            {"may_edit", a.may_edit}, {"reason_required", a.reason_required}, {"students", students}};
}

json ConductJson(const std::string& regulation_code, const std::optional<ConductEntry>& e,
                 assessment::Regulation regulation, bool year) {
    if (!e) return nullptr;
    json out = {{"level", e->level ? detail::ConductWord(regulation, *e->level) : ""},
                {"level_name", e->level ? detail::ConductLevelName(regulation, *e->level) : ""},
                {"comment", e->comment}};
    if (year) out["computed"] = e->computed;
    (void)regulation_code;
    return out;
}

assessment::Regulation RegulationOf(const std::string& code) {
    if (code == "tt58") return assessment::Regulation::kTt58;
    if (code == "tt26") return assessment::Regulation::kTt26;
    if (code == "tt27") return assessment::Regulation::kTt27;
    return assessment::Regulation::kTt22;
}

json ToJson(const ConductRow& r, const std::string& regulation) {
    const assessment::Regulation reg = RegulationOf(regulation);
    return {{"student_id", Id(r.student_id)},
            {"student_code", r.student_code},
            {"full_name", r.full_name},
            {"hk1", ConductJson(regulation, r.hk1, reg, false)},
            {"hk2", ConductJson(regulation, r.hk2, reg, false)},
            {"year", ConductJson(regulation, r.year, reg, true)},
            {"summer", ConductJson(regulation, r.summer, reg, false)},
            {"explanation", r.explanation}};
}

json ToJson(const ConductSheet& s) {
    json items = json::array();
    for (const ConductRow& r : s.items) items.push_back(ToJson(r, s.regulation));
    return {{"class_id", Id(s.class_id)}, {"regulation", s.regulation}, {"year_entered", s.year_entered},
            {"may_edit", s.may_edit}, {"locked", s.locked}, {"version", s.version}, {"items", items}};
}

json ToJson(const CommentSheet& s) {
    json items = json::array();
    for (const Comment& c : s.items) {
        items.push_back({{"student_id", Id(c.student_id)}, {"student_code", c.student_code},
                         {"full_name", c.full_name}, {"text", c.text}, {"author_name", c.author_name},
                         {"updated_at", Time(c.updated_at)}});
    }
    return {{"class_id", Id(s.class_id)}, {"kind", s.kind}, {"period", s.period}, {"subject_code", s.subject_code},
            {"may_edit", s.may_edit}, {"items", items}};
}

json ToJson(const StudentRecord& r) {
    return {{"id", Id(r.id)}, {"class_id", Id(r.class_id)}, {"student_id", Id(r.student_id)},
            {"full_name", r.full_name}, {"kind", r.kind}, {"date", r.date}, {"title", r.title},
            {"decision", r.decision}, {"note", r.note}, {"created_by_name", r.created_by_name},
            {"created_at", Time(r.created_at)}};
}

json Pairs(const std::vector<std::pair<std::string, std::string>>& pairs) {
    json out = json::object();
    for (const auto& [k, v] : pairs) out[k] = v;
    return out;
}

json ToJson(const ClassSummary& s) {
    json subjects = json::array();
    for (const SummarySubject& sub : s.subjects) {
        subjects.push_back({{"code", sub.code}, {"name", sub.name}, {"scored", sub.scored}});
    }
    json items = json::array();
    json counts = {{"learning", json::object()}, {"conduct", json::object()}, {"outcome", json::object()},
                   {"award", json::object()}};
    auto count = [&](const char* what, const std::string& key) {
        if (key.empty()) return;
        json& slot = counts[what];
        slot[key] = slot.value(key, 0) + 1;
    };
    const bool year = s.period == "year";
    for (const SummaryRow& r : s.items) {
        json after = nullptr;
        if (year) {
            after = {{"done", r.summer_done}, {"outcome", r.outcome_after_summer},
                     {"learning", r.learning_after_summer}, {"conduct", r.conduct_after_summer},
                     {"subjects", Pairs(r.reassessment)}};
        }
        items.push_back({{"student_id", Id(r.student_id)},
                         {"student_code", r.student_code},
                         {"full_name", r.full_name},
                         {"subjects", Pairs(r.subjects)},
                         {"learning", r.learning},
                         {"conduct", r.conduct},
                         {"absences", r.absences},
                         {"outcome", r.outcome},
                         {"award", r.award},
                         {"rank", r.rank},
                         {"reassess_subjects", r.reassess_subjects},
                         {"retained_for_absences", r.retained_for_absences},
                         {"reassessment_blocked_by_conduct", r.reassessment_blocked_by_conduct},
                         {"after_summer", after},
                         {"missing", r.missing},
                         {"explanation", r.explanation}});
        if (s.regulation == "tt27") {
            items.back()["tests"] = Pairs(r.tests);
            items.back()["qualities"] = Pairs(r.qualities);
            items.back()["outstanding"] = r.outstanding;
        }
        count("learning", r.learning);
        count("conduct", r.conduct);
        count("outcome", r.outcome);
        count("award", r.award);
    }
    return {{"class_id", Id(s.class_id)}, {"class_name", s.class_name}, {"year", s.year},
            {"regulation", s.regulation}, {"period", s.period}, {"subjects", subjects}, {"items", items},
            {"counts", counts}};
}

json ToJson(const QualitySheet& s) {
    json items = json::array();
    for (const QualityRow& r : s.items) {
        json row = {{"student_id", Id(r.student_id)}, {"student_code", r.student_code}, {"full_name", r.full_name},
                    {"gk", r.gk}, {"ck", r.ck}};
        if (s.semester == 2) {
            row["outstanding"] = r.outstanding;
            row["outstanding_note"] = r.outstanding_note;
        }
        items.push_back(std::move(row));
    }
    json codes = gradebook::detail::QualityItems();
    return {{"class_id", Id(s.class_id)}, {"class_name", s.class_name}, {"semester", s.semester},
            {"version", s.version}, {"may_edit", s.may_edit}, {"locked", s.locked}, {"item_codes", codes},
            {"items", items}};
}

int SemesterQuery(const http::Request& request) {
    const std::string semester = request.Query("semester").value_or("");
    if (semester != "1" && semester != "2") throw Error(Code::kValidation, "semester is 1 or 2");
    return semester == "1" ? 1 : 2;
}

json SheetsJson(const std::vector<UnconfirmedSheet>& sheets) {
    json out = json::array();
    for (const UnconfirmedSheet& s : sheets) {
        out.push_back({{"subject_code", s.subject_code}, {"subject_name", s.subject_name}, {"semester", s.semester},
                       {"teacher_name", s.teacher_name}});
    }
    return out;
}

json ToJson(const Confirmations& c) {
    json items = json::array();
    for (const Confirmation& i : c.items) {
        items.push_back({{"period", i.period}, {"confirmed_by_name", i.confirmed_by_name},
                         {"confirmed_at", Time(i.confirmed_at)}});
    }
    return {{"class_id", Id(c.class_id)}, {"items", items}, {"unconfirmed_sheets", SheetsJson(c.unconfirmed_sheets)}};
}

json ToJson(const Decision& d) {
    return {{"outcome", d.outcome}, {"award", d.award}, {"reassess_subjects", d.reassess_subjects}};
}

json ToJson(const YearClose& y) {
    json items = json::array();
    json lists = {{"promoted", json::array()}, {"retained", json::array()}, {"reassessment", json::array()},
                  {"summer_training", json::array()}, {"awards", json::object()}};
    for (const YearCloseItem& i : y.items) {
        json over = nullptr;
        if (i.override_) {
            over = {{"basis", i.override_->basis}, {"reason", i.override_->reason}};
            if (i.override_->outcome) over["outcome"] = *i.override_->outcome;
            if (i.override_->award) over["award"] = *i.override_->award;
            if (i.override_->reassess_subjects) over["reassess_subjects"] = *i.override_->reassess_subjects;
        }
        json final_ = nullptr;
        if (i.proposed) {
            final_ = {{"outcome", i.final_outcome.empty() ? i.outcome_after_summer : i.final_outcome},
                      {"done", !i.final_outcome.empty()},
                      {"learning", i.learning_after_summer},
                      {"conduct", i.conduct_after_summer}};
        }
        const Decision& d = i.proposed ? *i.proposed : i.engine;
        if (lists.contains(d.outcome)) lists[d.outcome].push_back(Id(i.student_id));
        if (!d.award.empty() && d.award != "incomplete") lists["awards"][d.award].push_back(Id(i.student_id));
        items.push_back({{"student_id", Id(i.student_id)},
                         {"student_code", i.student_code},
                         {"full_name", i.full_name},
                         {"learning", i.learning},
                         {"conduct", i.conduct},
                         {"absences", i.absences},
                         {"engine", ToJson(i.engine)},
                         {"proposed", i.proposed ? ToJson(*i.proposed) : json(nullptr)},
                         {"override", over},
                         {"final", final_},
                         {"summer",
                          {{"reassessment", Pairs(i.reassessment)},
                           {"conduct", i.summer_conduct ? json(detail::ConductWord(assessment::Regulation::kTt22,
                                                                                  *i.summer_conduct))
                                                        : json(nullptr)}}},
                         {"retained_for_absences", i.retained_for_absences},
                         {"explanation", i.explanation}});
    }
    return {{"class_id", Id(y.class_id)},
            {"class_name", y.class_name},
            {"year", y.year},
            {"regulation", y.regulation},
            {"status", y.status},
            {"version", y.version},
            {"submitted_by_name", y.submitted_by_name},
            {"submitted_at", OptTime(y.submitted_at)},
            {"note", y.note},
            {"decided_by_name", y.decided_by_name},
            {"decided_at", OptTime(y.decided_at)},
            {"decision_note", y.decision_note},
            {"locked", y.locked},
            {"unconfirmed_sheets", SheetsJson(y.unconfirmed_sheets)},
            {"may_propose", y.may_propose},
            {"may_decide", y.may_decide},
            {"totp_required", y.totp_required},
            {"lists", lists},
            {"items", items}};
}

std::string DateParam(const http::Request& request) {
    auto date = request.Query("date");
    if (!date || date->empty()) throw Error(Code::kValidation, "date is required (YYYY-MM-DD)");
    return *date;
}

std::vector<std::string> StringList(const json& value, const char* what) {
    if (!value.is_array()) throw Error(Code::kValidation, std::string(what) + " is a list");
    std::vector<std::string> out;
    for (const json& v : value) {
        if (!v.is_string()) throw Error(Code::kValidation, std::string(what) + " lists strings");
        out.push_back(v.get<std::string>());
    }
    return out;
}

}  // namespace

http::Response GetAttendance(org::Call& call) {
    return org::api::JsonResponse(200, ToJson(homeroom::GetAttendance(call.ctx, call.Who(),
                                                                      org::PathId(call.request, "class_id"),
                                                                      DateParam(call.request))));
}

http::Response PutAttendance(org::Call& call) {
    return Run([&] {
        json body = org::api::Body(call.request);
        AttendanceSave input;
        input.class_id = org::PathId(call.request, "class_id");
        input.date = DateParam(call.request);
        input.base_version = IntField(body, "base_version");
        input.reason = org::api::OptText(body, "reason").value_or("");
        auto changes = body.find("changes");
        if (changes == body.end() || !changes->is_array()) throw Error(Code::kValidation, "changes is a list");
        for (const json& c : *changes) {
            if (!c.is_object()) throw Error(Code::kValidation, "a change is an object");
            MarkChange m;
            m.student_id = org::api::IdField(c, "student_id");
            m.session = org::api::Text(c, "session");
            if (auto p = c.find("period"); p != c.end() && !p->is_null()) {
                if (!p->is_number_integer()) throw Error(Code::kValidation, "period is a number");
                m.period = p->get<int>();
            }
            m.status = org::api::Text(c, "status");
            m.note = org::api::OptText(c, "note").value_or("");
            input.changes.push_back(std::move(m));
        }
        Attendance a = homeroom::SaveAttendance(call.ctx, call.Who(), input, call.request.client_address);
        json out = ToJson(a);
        out["saved"] = {{"version", a.version}, {"changed", static_cast<int>(input.changes.size())}};
        return org::api::JsonResponse(200, out);
    });
}

http::Response GetAttendanceTotals(org::Call& call) {
    AttendanceTotals t = homeroom::GetAttendanceTotals(call.ctx, call.Who(), org::PathId(call.request, "class_id"),
                                                       call.request.Query("period").value_or(""));
    json items = json::array();
    for (const AbsenceTotals& a : t.items) {
        items.push_back({{"student_id", Id(a.student_id)}, {"student_code", a.student_code},
                         {"full_name", a.full_name}, {"excused", a.excused}, {"unexcused", a.unexcused},
                         {"late", a.late}, {"periods_absent", a.periods_absent}, {"absences", a.absences}});
    }
    return org::api::JsonResponse(
        200, {{"class_id", Id(t.class_id)}, {"period", t.period}, {"from", t.from}, {"to", t.to}, {"items", items}});
}

http::Response GetConduct(org::Call& call) {
    return org::api::JsonResponse(
        200, ToJson(homeroom::GetConduct(call.ctx, call.Who(), org::PathId(call.request, "class_id"))));
}

http::Response PutConduct(org::Call& call) {
    return Run([&] {
        json body = org::api::Body(call.request);
        const std::int64_t base = IntField(body, "base_version");
        auto changes = body.find("changes");
        if (changes == body.end() || !changes->is_array()) throw Error(Code::kValidation, "changes is a list");
        std::vector<ConductChange> list;
        for (const json& c : *changes) {
            if (!c.is_object()) throw Error(Code::kValidation, "a change is an object");
            ConductChange ch;
            ch.student_id = org::api::IdField(c, "student_id");
            ch.period = org::api::Text(c, "period");
            ch.level = org::api::OptText(c, "level").value_or("");
            ch.comment = org::api::OptText(c, "comment");
            list.push_back(std::move(ch));
        }
        ConductSheet s = homeroom::SaveConduct(call.ctx, call.Who(), org::PathId(call.request, "class_id"), base, list,
                                               call.request.client_address);
        json out = ToJson(s);
        out["saved"] = {{"version", s.version}, {"changed", static_cast<int>(list.size())}};
        return org::api::JsonResponse(200, out);
    });
}

http::Response GetQualities(org::Call& call) {
    return org::api::JsonResponse(200, ToJson(homeroom::GetQualities(call.ctx, call.Who(),
                                                                     org::PathId(call.request, "class_id"),
                                                                     SemesterQuery(call.request))));
}

http::Response PutQualities(org::Call& call) {
    return Run([&] {
        json body = org::api::Body(call.request);
        const std::int64_t base = IntField(body, "base_version");
        auto changes = body.find("changes");
        if (changes == body.end() || !changes->is_array()) throw Error(Code::kValidation, "changes is a list");
        std::vector<QualityChange> list;
        for (const json& c : *changes) {
            if (!c.is_object()) throw Error(Code::kValidation, "a change is an object");
            list.push_back({org::api::IdField(c, "student_id"), org::api::Text(c, "point"), org::api::Text(c, "item"),
                            org::api::OptText(c, "rating").value_or(""), org::api::OptText(c, "note").value_or("")});
        }
        QualitySheet s = homeroom::SaveQualities(call.ctx, call.Who(), org::PathId(call.request, "class_id"),
                                                 SemesterQuery(call.request), base, list,
                                                 call.request.client_address);
        json out = ToJson(s);
        out["saved"] = {{"version", s.version}, {"changed", static_cast<int>(list.size())}};
        return org::api::JsonResponse(200, out);
    });
}

http::Response GetComments(org::Call& call) {
    return org::api::JsonResponse(
        200, ToJson(homeroom::GetComments(call.ctx, call.Who(), org::PathId(call.request, "class_id"),
                                          call.request.Query("kind").value_or(""),
                                          call.request.Query("period").value_or(""),
                                          call.request.Query("subject_code").value_or(""))));
}

http::Response PutComments(org::Call& call) {
    json body = org::api::Body(call.request);
    auto items = body.find("items");
    if (items == body.end() || !items->is_array()) throw Error(Code::kValidation, "items is a list");
    std::vector<CommentInput> list;
    for (const json& i : *items) {
        if (!i.is_object()) throw Error(Code::kValidation, "an item is an object");
        list.push_back({org::api::IdField(i, "student_id"), org::api::OptText(i, "text").value_or("")});
    }
    return org::api::JsonResponse(
        200, ToJson(homeroom::SaveComments(call.ctx, call.Who(), org::PathId(call.request, "class_id"),
                                           call.request.Query("kind").value_or(""),
                                           call.request.Query("period").value_or(""),
                                           call.request.Query("subject_code").value_or(""), list,
                                           call.request.client_address)));
}

http::Response ListRecords(org::Call& call) {
    RecordList r = homeroom::ListRecords(call.ctx, call.Who(), org::PathId(call.request, "class_id"));
    json items = json::array();
    for (const StudentRecord& i : r.items) items.push_back(ToJson(i));
    json students = json::array();
    for (const RecordList::Category& s : r.students) {
        students.push_back({{"student_id", Id(s.student_id)}, {"full_name", s.full_name}, {"priority", s.priority},
                            {"policy", s.policy}});
    }
    return org::api::JsonResponse(
        200, {{"class_id", Id(r.class_id)}, {"may_edit", r.may_edit}, {"items", items}, {"students", students}});
}

http::Response AddRecord(org::Call& call) {
    json body = org::api::Body(call.request);
    RecordInput input{org::api::IdField(body, "student_id"),
                      org::api::Text(body, "kind"),
                      org::api::Text(body, "date"),
                      org::api::Text(body, "title"),
                      org::api::OptText(body, "decision").value_or(""),
                      org::api::OptText(body, "note").value_or("")};
    return org::api::JsonResponse(201, ToJson(homeroom::AddRecord(call.ctx, call.Who(),
                                                                  org::PathId(call.request, "class_id"), input,
                                                                  call.request.client_address)));
}

http::Response RemoveRecord(org::Call& call) {
    json body = org::api::Body(call.request);
    homeroom::RemoveRecord(call.ctx, call.Who(), org::PathId(call.request, "id"), org::api::Text(body, "reason"),
                           call.request.client_address);
    return http::Response{204, "application/json", "", {}};
}

http::Response GetSummary(org::Call& call) {
    return org::api::JsonResponse(
        200, ToJson(homeroom::GetSummary(call.ctx, call.Who(), org::PathId(call.request, "class_id"),
                                         call.request.Query("period").value_or(""))));
}

http::Response GetConfirmations(org::Call& call) {
    return org::api::JsonResponse(
        200, ToJson(homeroom::GetConfirmations(call.ctx, call.Who(), org::PathId(call.request, "class_id"))));
}

http::Response Confirm(org::Call& call) {
    return Run([&] {
        json body = org::api::Body(call.request);
        return org::api::JsonResponse(
            200, ToJson(homeroom::Confirm(call.ctx, call.Who(), org::PathId(call.request, "class_id"),
                                          org::api::Text(body, "period"), call.request.client_address)));
    });
}

http::Response GetYearClose(org::Call& call) {
    return org::api::JsonResponse(
        200, ToJson(homeroom::GetYearClose(call.ctx, call.Who(), org::PathId(call.request, "class_id"))));
}

http::Response PutYearClose(org::Call& call) {
    return Run([&] {
        json body = org::api::Body(call.request);
        ProposalInput input;
        input.base_version = IntField(body, "base_version");
        input.note = org::api::OptText(body, "note").value_or("");
        if (auto o = body.find("overrides"); o != body.end() && !o->is_null()) {
            if (!o->is_array()) throw Error(Code::kValidation, "overrides is a list");
            for (const json& item : *o) {
                if (!item.is_object()) throw Error(Code::kValidation, "an override is an object");
                Override ov;
                ov.student_id = org::api::IdField(item, "student_id");
                ov.outcome = org::api::OptText(item, "outcome");
                ov.award = org::api::OptText(item, "award");
                if (auto r = item.find("reassess_subjects"); r != item.end() && !r->is_null()) {
                    ov.reassess_subjects = StringList(*r, "reassess_subjects");
                }
                ov.basis = org::api::OptText(item, "basis").value_or("");
                ov.reason = org::api::OptText(item, "reason").value_or("");
                input.overrides.push_back(std::move(ov));
            }
        }
        return org::api::JsonResponse(200, ToJson(homeroom::Propose(call.ctx, call.Who(),
                                                                    org::PathId(call.request, "class_id"), input,
                                                                    call.request.client_address)));
    });
}

http::Response DecideYearClose(org::Call& call) {
    return Run([&] {
        json body = org::api::Body(call.request);
        const std::string decision = org::api::Text(body, "decision");
        if (decision != "approve" && decision != "reject") throw Error(Code::kValidation, "decision is approve or reject");
        return org::api::JsonResponse(
            200, ToJson(homeroom::Decide(call.ctx, call.Who(), org::PathId(call.request, "class_id"),
                                         decision == "approve", IntField(body, "base_version"),
                                         org::api::OptText(body, "note").value_or(""), org::api::OptText(body, "totp"),
                                         call.request.client_address)));
    });
}

http::Response PutSummerResults(org::Call& call) {
    return Run([&] {
        json body = org::api::Body(call.request);
        auto items = body.find("items");
        if (items == body.end() || !items->is_array()) throw Error(Code::kValidation, "items is a list");
        std::vector<SummerInput> list;
        for (const json& i : *items) {
            if (!i.is_object()) throw Error(Code::kValidation, "an item is an object");
            SummerInput in;
            in.student_id = org::api::IdField(i, "student_id");
            if (auto r = i.find("reassessment"); r != i.end() && !r->is_null()) {
                if (!r->is_object()) throw Error(Code::kValidation, "reassessment maps subject codes to results");
                for (const auto& [code, value] : r->items()) {
                    if (value.is_string()) {
                        in.reassessment[code] = value.get<std::string>();
                    } else if (value.is_number()) {
                        in.reassessment[code] = value.dump();
                    } else {
                        throw Error(Code::kValidation, "a re-assessment result is a string");
                    }
                }
            }
            in.conduct = org::api::OptText(i, "conduct");
            list.push_back(std::move(in));
        }
        return org::api::JsonResponse(200, ToJson(homeroom::SaveSummer(call.ctx, call.Who(),
                                                                       org::PathId(call.request, "class_id"), list,
                                                                       call.request.client_address)));
    });
}

http::Response GetSchoolYearClose(org::Call& call) {
    SchoolYearClose s = homeroom::GetSchoolYearClose(call.ctx, call.Who(), org::PathId(call.request, "unit_id"),
                                                     call.request.Query("year").value_or(""));
    json items = json::array();
    for (const SchoolYearCloseRow& r : s.items) {
        json lists = json::object();
        for (const auto& [outcome, n] : r.lists) lists[outcome] = n;
        items.push_back({{"class_id", Id(r.class_id)},
                         {"class_name", r.class_name},
                         {"grade", r.grade},
                         {"homeroom_name", r.homeroom_name},
                         {"student_count", r.student_count},
                         {"status", r.status},
                         {"version", r.version},
                         {"lists", lists},
                         {"final", {{"promoted", r.final_promoted}, {"retained", r.final_retained},
                                    {"pending", r.final_pending}}},
                         {"submitted_by_name", r.submitted_by_name},
                         {"submitted_at", OptTime(r.submitted_at)},
                         {"decided_by_name", r.decided_by_name},
                         {"decided_at", OptTime(r.decided_at)},
                         {"decision_note", r.decision_note}});
    }
    return org::api::JsonResponse(200, {{"unit_id", Id(s.unit_id)},
                                        {"school_name", s.school_name},
                                        {"year_id", s.year_id ? json(Id(s.year_id)) : json(nullptr)},
                                        {"year", s.year},
                                        {"may_decide", s.may_decide},
                                        {"items", items}});
}

http::Response GetStudentHomeroom(org::Call& call) {
    StudentHomeroom s = homeroom::GetStudentHomeroom(call.ctx, call.Who(), org::PathId(call.request, "id"));
    json months = json::array();
    for (const auto& m : s.months) {
        months.push_back({{"month", m.month}, {"excused", m.excused}, {"unexcused", m.unexcused}, {"late", m.late}});
    }
    json marks = json::array();
    for (const auto& m : s.marks) {
        marks.push_back({{"date", m.date}, {"session", m.session}, {"period", m.period}, {"status", m.status},
                         {"note", m.note}});
    }
    json comments = json::array();
    for (const auto& c : s.comments) {
        comments.push_back({{"kind", c.kind}, {"period", c.period}, {"subject_code", c.subject_code},
                            {"text", c.text}, {"author_name", c.author_name}});
    }
    json records = json::array();
    for (const StudentRecord& r : s.records) records.push_back(ToJson(r));
    json conduct = nullptr;
    if (s.conduct) {
        json row = ToJson(*s.conduct, s.regulation);
        conduct = {{"hk1", row["hk1"]}, {"hk2", row["hk2"]}, {"year", row["year"]}, {"summer", row["summer"]}};
    }
    return org::api::JsonResponse(
        200, {{"student_id", Id(s.student_id)},
              {"full_name", s.full_name},
              {"class_id", s.class_id ? json(Id(s.class_id)) : json(nullptr)},
              {"class_name", s.class_name},
              {"attendance",
               {{"totals",
                 {{"excused", s.totals.excused}, {"unexcused", s.totals.unexcused}, {"late", s.totals.late},
                  {"periods_absent", s.totals.periods_absent}, {"absences", s.totals.absences}}},
                {"months", months},
                {"marks", marks}}},
              {"conduct", conduct},
              {"comments", comments},
              {"records", records}});
}

}  // namespace hocvu::homeroom::api
