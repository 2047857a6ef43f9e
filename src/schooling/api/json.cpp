#include "schooling/api/json.hpp"

#include "common/error.hpp"
#include "org/api/json.hpp"
#include "people/api/json.hpp"

namespace hocvu::schooling::api {

using org::api::Id;
using org::api::OptId;

nlohmann::json ToJson(const SchoolYear& y) {
    nlohmann::json semesters = nlohmann::json::array();
    for (const Semester& s : y.semesters) {
        semesters.push_back({{"number", s.number}, {"starts_on", s.starts_on}, {"ends_on", s.ends_on}});
    }
    return {{"id", Id(y.id)},       {"unit_id", Id(y.unit_id)}, {"name", y.name},        {"starts_on", y.starts_on},
            {"ends_on", y.ends_on}, {"status", y.status},       {"semesters", semesters}};
}

nlohmann::json ToJson(const ClassInfo& c) {
    return {{"id", Id(c.id)},
            {"unit_id", Id(c.unit_id)},
            {"year_id", Id(c.year_id)},
            {"grade", c.grade},
            {"name", c.name},
            {"session", c.session},
            {"homeroom_staff_id", OptId(c.homeroom_staff_id)},
            {"homeroom_name", c.homeroom_name},
            {"student_count", c.student_count},
            {"electives", c.electives}};
}

nlohmann::json ToJson(const CurriculumEntry& e) {
    return {{"grade", e.grade},
            {"subject", e.subject_code},
            {"name", e.subject_name},
            {"periods_per_year", e.periods_per_year},
            {"assessment", e.scored ? "scored" : "comment"},
            {"kind", Name(e.kind)}};
}

nlohmann::json ToJson(const TeachingAssignment& a) {
    return {{"id", Id(a.id)},
            {"class_id", Id(a.class_id)},
            {"class_name", a.class_name},
            {"subject", a.subject_code},
            {"semester", a.semester},
            {"staff_id", Id(a.staff_id)},
            {"staff_name", a.staff_name}};
}

nlohmann::json ToJson(const Enrolment& e) {
    return {{"id", Id(e.id)},
            {"student_id", Id(e.student_id)},
            {"class_id", Id(e.class_id)},
            {"year_id", Id(e.year_id)},
            {"class_name", e.class_name},
            {"status", e.status},
            {"started_on", e.started_on},
            {"ended_on", e.ended_on},
            {"end_reason", e.end_reason}};
}

nlohmann::json ToJson(const Exemption& x) {
    return {{"id", Id(x.id)},         {"student_id", Id(x.student_id)}, {"year_id", Id(x.year_id)},
            {"semester", x.semester}, {"subject", x.subject_code},      {"reason", x.reason}};
}

nlohmann::json ToJson(const StudentProfile& p) {
    nlohmann::json out = people::api::ToJson(p.student);
    nlohmann::json enrolments = nlohmann::json::array();
    for (const Enrolment& e : p.enrolments)
        enrolments.push_back(ToJson(e));
    nlohmann::json exemptions = nlohmann::json::array();
    for (const Exemption& x : p.exemptions)
        exemptions.push_back(ToJson(x));
    out["enrolments"] = enrolments;
    out["exemptions"] = exemptions;
    out["class"] = nullptr;
    for (const Enrolment& e : p.enrolments) {
        if (e.status == "active") {
            out["class"] = {{"id", Id(e.class_id)}, {"name", e.class_name}, {"year_id", Id(e.year_id)}};
            break;
        }
    }
    return out;
}

nlohmann::json ToJson(const CarryOverSummary& s) {
    return {{"to_year_id", Id(s.to_year_id)}, {"to_year", s.to_year},     {"promoted", s.promoted},
            {"retained", s.retained},         {"graduated", s.graduated}, {"classes_created", s.classes_created},
            {"class_sizes", s.class_sizes},   {"applied", s.applied}};
}

std::vector<std::string> Strings(const nlohmann::json& body, const char* key) {
    std::vector<std::string> out;
    auto it = body.find(key);
    if (it == body.end() || it->is_null())
        return out;
    if (!it->is_array())
        throw Error(Code::kValidation, std::string(key) + " must be an array of strings");
    for (const auto& v : *it) {
        if (!v.is_string())
            throw Error(Code::kValidation, std::string(key) + " must be an array of strings");
        out.push_back(v.get<std::string>());
    }
    return out;
}

}  // namespace hocvu::schooling::api
