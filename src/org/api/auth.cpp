#include "org/api/endpoints.hpp"
#include "org/api/json.hpp"
#include "org/tokens.hpp"

namespace hocvu::org::api {
namespace {

http::Response SessionResponse(Call& call, const NewSession& session) {
    Actor actor = call.ctx.db.Read([&](storage::Tx& tx) { return LoadActor(tx, session.account_id); });
    http::Response response = JsonResponse(200, {{"csrf_token", session.csrf_token}, {"user", UserJson(call.ctx, actor)}});
    response.headers.emplace_back("Set-Cookie", SessionCookie(call.request, session.token));
    return response;
}

}  // namespace

http::Response Login(Call& call) {
    nlohmann::json body = Body(call.request);
    LoginInput input;
    input.username = Text(body, "username");
    input.password = Text(body, "password");
    input.totp = OptText(body, "totp");
    input.client_address = call.request.client_address;
    input.previous_token = SessionToken(call.request);
    return SessionResponse(call, org::Login(call.ctx, input));
}

http::Response Logout(Call& call) {
    org::Logout(call.ctx, call.Who(), call.request.client_address);
    http::Response response{204, "application/json", "", {}};
    response.headers.emplace_back("Set-Cookie", ExpiredSessionCookie(call.request));
    return response;
}

http::Response Me(Call& call) { return JsonResponse(200, UserJson(call.ctx, call.Who())); }

http::Response ChangeOwnPassword(Call& call) {
    nlohmann::json body = Body(call.request);
    NewSession session = org::ChangePassword(call.ctx, call.Who(), Text(body, "current_password"),
                                             Text(body, "new_password"), call.request.client_address);
    return SessionResponse(call, session);
}

http::Response EnrolTotp(Call& call) {
    std::string secret = org::TotpEnrol(call.ctx, call.Who(), call.request.client_address);
    std::string uri = "otpauth://totp/Hocvu:" + call.Who().username + "?secret=" + secret +
                      "&issuer=Hocvu&algorithm=SHA1&digits=6&period=30";
    return JsonResponse(200, {{"secret", secret}, {"otpauth_uri", uri}});
}

http::Response ConfirmTotp(Call& call) {
    nlohmann::json body = Body(call.request);
    org::TotpConfirm(call.ctx, call.Who(), Text(body, "code"), call.request.client_address);
    return JsonResponse(200, {{"totp_enabled", true}});
}

}  // namespace hocvu::org::api
