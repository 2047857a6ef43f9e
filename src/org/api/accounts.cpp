#include "org/api/endpoints.hpp"
#include "org/api/json.hpp"
#include "org/usernames.hpp"

namespace hocvu::org::api {

http::Response ListAccounts(Call& call) {
    auto unit_id = QueryId(call.request, "unit_id");
    std::vector<Account> accounts =
        org::ListAccounts(call.ctx, call.Who(), unit_id.value_or(call.Who().unit_id), call.request.Query("q").value_or(""));
    nlohmann::json items = nlohmann::json::array();
    for (const Account& a : accounts) items.push_back(ToJson(a));
    return JsonResponse(200, {{"items", items}});
}

http::Response CreateAccount(Call& call) {
    nlohmann::json body = Body(call.request);
    NewAccount input;
    input.unit_id = OptIdField(body, "unit_id").value_or(call.Who().unit_id);
    if (auto full = OptText(body, "full_name"); full && !body.contains("given_name")) {
        PersonName name = SplitFullName(*full);
        input.family_name = name.family;
        input.middle_name = name.middle;
        input.given_name = name.given;
    } else {
        input.family_name = Text(body, "family_name");
        input.middle_name = Text(body, "middle_name", false);
        input.given_name = Text(body, "given_name");
    }
    CreatedAccount created = org::CreateAccount(call.ctx, call.Who(), input, call.request.client_address);
    return JsonResponse(201, {{"account", ToJson(created.account)}, {"password", created.password}});
}

http::Response GetAccount(Call& call) {
    return JsonResponse(200, ToJson(org::GetAccount(call.ctx, call.Who(), PathId(call.request, "id"))));
}

http::Response DisableAccount(Call& call) {
    Account a = SetAccountEnabled(call.ctx, call.Who(), PathId(call.request, "id"), false, call.request.client_address);
    return JsonResponse(200, ToJson(a));
}

http::Response EnableAccount(Call& call) {
    Account a = SetAccountEnabled(call.ctx, call.Who(), PathId(call.request, "id"), true, call.request.client_address);
    return JsonResponse(200, ToJson(a));
}

http::Response ResetPassword(Call& call) {
    std::string password =
        org::ResetPassword(call.ctx, call.Who(), PathId(call.request, "id"), call.request.client_address);
    return JsonResponse(200, {{"password", password}, {"must_change_password", true}});
}

}  // namespace hocvu::org::api
