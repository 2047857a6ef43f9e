#include "org/api/endpoints.hpp"
#include "org/api/json.hpp"

namespace hocvu::org::api {
namespace {

nlohmann::json UnitList(const std::vector<Unit>& units) {
    nlohmann::json items = nlohmann::json::array();
    for (const Unit& unit : units) items.push_back(ToJson(unit));
    return {{"items", items}};
}

std::vector<std::string> Levels(const nlohmann::json& body) {
    auto it = body.find("levels");
    if (it == body.end() || it->is_null()) return {};
    if (!it->is_array()) throw Error(Code::kValidation, "levels must be an array of MN, TH, THCS, THPT");
    std::vector<std::string> levels;
    for (const auto& level : *it) {
        if (!level.is_string()) throw Error(Code::kValidation, "levels must be strings");
        levels.push_back(level.get<std::string>());
    }
    return levels;
}

}  // namespace

http::Response ListUnits(Call& call) {
    UnitFilter filter;
    filter.query = call.request.Query("q").value_or("");
    if (auto kind = call.request.Query("kind"); kind && !kind->empty()) {
        filter.kind = ParseUnitKind(*kind);
        if (!filter.kind) throw Error(Code::kValidation, "unknown kind");
    }
    if (auto level = call.request.Query("level"); level && !level->empty()) filter.level = *level;
    if (auto district = call.request.Query("district"); district && !district->empty()) filter.district_code = *district;
    filter.parent_id = QueryId(call.request, "parent_id");
    return JsonResponse(200, UnitList(SearchUnits(call.ctx, call.Who(), filter)));
}

http::Response CreateUnit(Call& call) {
    nlohmann::json body = Body(call.request);
    NewUnit input;
    input.parent_id = IdField(body, "parent_id");
    auto kind = ParseUnitKind(Text(body, "kind"));
    if (!kind) throw Error(Code::kValidation, "kind is ministry, province, district, school or centre");
    input.kind = *kind;
    input.code = Text(body, "code");
    input.name = Text(body, "name");
    input.district_code = Text(body, "district_code");
    input.levels = Levels(body);
    CreatedUnit created = org::CreateUnit(call.ctx, call.Who(), input, call.request.client_address);
    return JsonResponse(201, {{"unit", ToJson(created.unit)},
                              {"admin", ToJson(created.admin)},
                              {"admin_password", created.admin_password}});
}

http::Response GetUnit(Call& call) {
    return JsonResponse(200, ToJson(org::GetUnit(call.ctx, call.Who(), PathId(call.request, "id"))));
}

http::Response UpdateUnit(Call& call) {
    nlohmann::json body = Body(call.request);
    UnitChanges changes;
    changes.name = OptText(body, "name");
    changes.district_code = OptText(body, "district_code");
    if (body.contains("levels")) changes.levels = Levels(body);
    changes.status = OptText(body, "status");
    if (auto it = body.find("totp_required"); it != body.end()) {
        if (!it->is_boolean()) throw Error(Code::kValidation, "totp_required must be true or false");
        changes.totp_required = it->get<bool>();
    }
    Unit unit = org::UpdateUnit(call.ctx, call.Who(), PathId(call.request, "id"), changes, call.request.client_address);
    return JsonResponse(200, ToJson(unit));
}

http::Response ListChildren(Call& call) {
    return JsonResponse(200, UnitList(UnitChildren(call.ctx, call.Who(), PathId(call.request, "id"))));
}

}  // namespace hocvu::org::api
