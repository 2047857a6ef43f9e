#include "org/api/json.hpp"

#include <charconv>

#include "org/policy.hpp"
#include "org/store.hpp"

namespace hocvu::org::api {
namespace {

std::optional<std::int64_t> ParseId(std::string_view text) {
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
    return value;
}

}  // namespace

std::string Id(std::int64_t id) { return std::to_string(id); }
nlohmann::json OptId(const std::optional<std::int64_t>& id) { return id ? nlohmann::json(Id(*id)) : nlohmann::json(); }

nlohmann::json ToJson(const Unit& unit) {
    return {{"id", Id(unit.id)},
            {"parent_id", OptId(unit.parent_id)},
            {"kind", Name(unit.kind)},
            {"code", unit.code},
            {"name", unit.name},
            {"district_code", unit.district_code},
            {"levels", unit.levels},
            {"status", unit.status},
            {"totp_required", unit.totp_required}};
}

nlohmann::json ToJson(const Account& a) {
    return {{"id", Id(a.id)},
            {"unit_id", Id(a.unit_id)},
            {"username", a.username},
            {"kind", a.kind},
            {"family_name", a.family_name},
            {"middle_name", a.middle_name},
            {"given_name", a.given_name},
            {"full_name", a.full_name},
            {"status", a.status},
            {"must_change_password", a.must_change_password},
            {"totp_enabled", a.totp_enabled}};
}

nlohmann::json ToJson(const Grant& g) {
    return {{"id", Id(g.id)},
            {"unit_id", Id(g.unit_id)},
            {"account_id", Id(g.account_id)},
            {"role", Name(g.role)},
            {"class_id", OptId(g.class_id)},
            {"subject", g.subject ? nlohmann::json(*g.subject) : nlohmann::json()},
            {"student_id", OptId(g.student_id)}};
}

nlohmann::json UserJson(app::Context& ctx, const Actor& actor) {
    auto [account, unit] = ctx.db.Read([&](storage::Tx& tx) {
        return std::make_pair(store::FindAccount(tx, actor.account_id), store::FindUnit(tx, actor.unit_id));
    });
    nlohmann::json roles = nlohmann::json::array();
    std::vector<std::string> permissions;
    for (const ActorGrant& g : actor.grants) {
        nlohmann::json role = ToJson(g.grant);
        role["unit_kind"] = Name(g.unit_kind);
        roles.push_back(role);
        const RolePermissions& rp = PermissionsOf(g.grant.role);
        for (const auto* list : {&rp.own, &rp.below}) {
            for (Permission p : *list) {
                std::string name(Name(p));
                if (std::find(permissions.begin(), permissions.end(), name) == permissions.end()) {
                    permissions.push_back(name);
                }
            }
        }
    }
    std::sort(permissions.begin(), permissions.end());
    nlohmann::json user = account ? ToJson(*account) : nlohmann::json::object();
    user["unit"] = unit ? ToJson(*unit) : nlohmann::json();
    user["roles"] = roles;
    user["permissions"] = permissions;
    user["totp_enrolment_required"] = actor.totp_enrolment_required;
    return user;
}

nlohmann::json Body(const http::Request& request) {
    nlohmann::json body = nlohmann::json::parse(request.body, nullptr, false);
    if (body.is_discarded()) throw Error(Code::kInvalidJson, "the body is not valid JSON");
    if (!body.is_object()) throw Error(Code::kValidation, "the body must be a JSON object");
    return body;
}

std::optional<std::string> OptText(const nlohmann::json& body, const char* key) {
    auto it = body.find(key);
    if (it == body.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) throw Error(Code::kValidation, std::string(key) + " must be a string");
    return it->get<std::string>();
}

std::string Text(const nlohmann::json& body, const char* key, bool required) {
    auto value = OptText(body, key);
    if (!value && required) throw Error(Code::kValidation, std::string(key) + " is required");
    return value.value_or("");
}

std::optional<std::int64_t> OptIdField(const nlohmann::json& body, const char* key) {
    auto it = body.find(key);
    if (it == body.end() || it->is_null()) return std::nullopt;
    std::optional<std::int64_t> id;
    if (it->is_string()) id = ParseId(it->get<std::string>());
    if (it->is_number_integer() && it->get<std::int64_t>() > 0) id = it->get<std::int64_t>();
    if (!id) throw Error(Code::kValidation, std::string(key) + " must be an id");
    return id;
}

std::int64_t IdField(const nlohmann::json& body, const char* key) {
    auto id = OptIdField(body, key);
    if (!id) throw Error(Code::kValidation, std::string(key) + " is required");
    return *id;
}

std::optional<std::int64_t> QueryId(const http::Request& request, const char* key) {
    auto text = request.Query(key);
    if (!text || text->empty()) return std::nullopt;
    auto id = ParseId(*text);
    if (!id) throw Error(Code::kValidation, std::string(key) + " must be an id");
    return id;
}

http::Response JsonResponse(int status, const nlohmann::json& body) {
    return http::Response::Json(status, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace hocvu::org::api
