#include "people/api/json.hpp"

#include "common/error.hpp"
#include "org/api/json.hpp"

namespace hocvu::people::api {
namespace {

std::string Field(const nlohmann::json& body, const char* key) {
    auto it = body.find(key);
    if (it == body.end() || it->is_null())
        return {};
    if (!it->is_string())
        throw Error(Code::kValidation, std::string(key) + " must be a string");
    return it->get<std::string>();
}

}  // namespace

nlohmann::json ToJson(const Guardian& g) {
    return {{"id", org::api::Id(g.id)},
            {"student_id", org::api::Id(g.student_id)},
            {"full_name", g.full_name},
            {"relation", g.relation},
            {"phone", g.phone},
            {"email", g.email},
            {"account_id", org::api::OptId(g.account_id)}};
}

nlohmann::json ToJson(const Student& s) {
    nlohmann::json guardians = nlohmann::json::array();
    for (const Guardian& g : s.guardians)
        guardians.push_back(ToJson(g));
    return {{"id", org::api::Id(s.id)},
            {"unit_id", org::api::Id(s.unit_id)},
            {"code", s.code},
            {"family_name", s.family_name},
            {"middle_name", s.middle_name},
            {"given_name", s.given_name},
            {"full_name", s.full_name},
            {"birth_date", s.birth_date},
            {"gender", s.gender},
            {"ethnicity", s.ethnicity},
            {"birthplace", s.birthplace},
            {"address", s.address},
            {"priority", s.priority},
            {"policy", s.policy},
            {"status", Name(s.status)},
            {"status_reason", s.status_reason},
            {"status_date", s.status_date},
            {"origin_id", org::api::OptId(s.origin_id)},
            {"guardians", guardians}};
}

nlohmann::json ToJson(const StaffMember& s) {
    return {{"id", org::api::Id(s.id)},
            {"unit_id", org::api::Id(s.unit_id)},
            {"account_id", org::api::OptId(s.account_id)},
            {"username", s.username},
            {"family_name", s.family_name},
            {"middle_name", s.middle_name},
            {"given_name", s.given_name},
            {"full_name", s.full_name},
            {"birth_date", s.birth_date},
            {"gender", s.gender},
            {"ethnicity", s.ethnicity},
            {"phone", s.phone},
            {"email", s.email},
            {"position", s.position},
            {"subjects", s.subjects},
            {"qualification", s.qualification},
            {"professional_rank", s.professional_rank},
            {"status", s.status}};
}

nlohmann::json ToJson(const std::vector<FieldProblem>& problems) {
    nlohmann::json out = nlohmann::json::array();
    for (const FieldProblem& p : problems)
        out.push_back({{"field", p.field}, {"message", p.message}});
    return out;
}

StudentInput StudentFrom(const nlohmann::json& b) {
    return {Field(b, "code"),       Field(b, "full_name"),  Field(b, "family_name"), Field(b, "middle_name"),
            Field(b, "given_name"), Field(b, "birth_date"), Field(b, "gender"),      Field(b, "ethnicity"),
            Field(b, "birthplace"), Field(b, "address"),    Field(b, "priority"),    Field(b, "policy")};
}

GuardianInput GuardianFrom(const nlohmann::json& b) {
    if (!b.is_object())
        throw Error(Code::kValidation, "a guardian must be an object");
    return {Field(b, "full_name"), Field(b, "relation"), Field(b, "phone"), Field(b, "email")};
}

StaffInput StaffFrom(const nlohmann::json& b) {
    StaffInput s{Field(b, "full_name"),
                 Field(b, "family_name"),
                 Field(b, "middle_name"),
                 Field(b, "given_name"),
                 Field(b, "birth_date"),
                 Field(b, "gender"),
                 Field(b, "ethnicity"),
                 Field(b, "phone"),
                 Field(b, "email"),
                 Field(b, "position"),
                 {},
                 Field(b, "qualification"),
                 Field(b, "professional_rank")};
    if (auto it = b.find("subjects"); it != b.end() && !it->is_null()) {
        if (!it->is_array())
            throw Error(Code::kValidation, "subjects must be an array");
        for (const auto& code : *it) {
            if (!code.is_string())
                throw Error(Code::kValidation, "subjects must be strings");
            s.subjects.push_back(code.get<std::string>());
        }
    }
    return s;
}

}  // namespace hocvu::people::api

#include "people/service.hpp"

namespace hocvu::people::api {

nlohmann::json ToJson(const ImportReport& r, const std::vector<std::string>& created_keys) {
    nlohmann::json columns = nlohmann::json::array();
    for (const auto& [field, column] : r.columns)
        columns.push_back({{"field", field}, {"column", column}});
    nlohmann::json problems = nlohmann::json::array();
    for (const import::RowProblem& p : r.problems) {
        problems.push_back(
            {{"sheet", p.sheet}, {"row", p.row}, {"column", p.column}, {"header", p.header}, {"message", p.message}});
    }
    nlohmann::json created = nlohmann::json::array();
    for (const auto& values : r.created) {
        nlohmann::json item = nlohmann::json::object();
        for (std::size_t i = 0; i < values.size() && i < created_keys.size(); ++i)
            item[created_keys[i]] = values[i];
        created.push_back(item);
    }
    return {{"sheet", r.sheet},     {"header_row", r.header_row}, {"columns", columns},       {"rows", r.rows},
            {"problems", problems}, {"ok", r.problems.empty()},   {"committed", r.committed}, {"created", created}};
}

}  // namespace hocvu::people::api
