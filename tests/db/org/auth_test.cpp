// Sign-in, sessions, CSRF, throttling, second factor and passwords (issue 3, ORG-6), on SQLite and PostgreSQL.
#include "org_harness.hpp"
#include "org/tokens.hpp"

#include <cstdlib>

namespace hocvu::org::testing {
namespace {

constexpr Micros kMinute = 60LL * 1000000;

class AuthTest : public OrgApiTest {};

TEST_P(AuthTest, SignInReturnsCsrfTokenUserAndHttpOnlyCookie) {
    Reply reply = LoginReply("toannv.thptchuvanan");
    ASSERT_EQ(reply.status, 200) << reply.body.dump();
    EXPECT_EQ(reply.body["csrf_token"].get<std::string>().size(), 43u);
    EXPECT_EQ(reply.body["user"]["username"], "toannv.thptchuvanan");
    EXPECT_EQ(reply.body["user"]["roles"][0]["role"], "principal");
    std::string cookie = reply.Header("Set-Cookie");
    EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
    EXPECT_NE(cookie.find("Path=/"), std::string::npos);
    EXPECT_EQ(CookieToken(reply).size(), 43u);
    EXPECT_EQ(AuditCount("auth.login"), 1);

    Session session{CookieToken(reply), reply.body["csrf_token"]};
    Reply me = Send("GET", "/api/v1/me", nullptr, &session);
    EXPECT_EQ(me.status, 200);
    EXPECT_EQ(me.body["full_name"], "Nguyễn Văn Toàn");
    EXPECT_EQ(me.body["unit"]["code"], "thptchuvanan");
}

TEST_P(AuthTest, TokensAreStoredOnlyHashed) {
    Session s = Login("toannv.thptchuvanan");
    auto stored = db().Read([&](storage::Tx& tx) { return tx.QueryOne("SELECT token_hash, csrf_hash FROM sessions"); });
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->Text(0), Sha256Hex(s.token));
    EXPECT_EQ(stored->Text(1), Sha256Hex(s.csrf));
}

TEST_P(AuthTest, WrongPasswordAndUnknownUserLookAlikeAndAreAudited) {
    Reply wrong = LoginReply("toannv.thptchuvanan", "Sai-mat-khau-2026");
    Reply unknown = LoginReply("khongco.thptchuvanan", "Sai-mat-khau-2026");
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(wrong.code, "auth.invalid_credentials");
    EXPECT_EQ(unknown.status, 401);
    EXPECT_EQ(unknown.code, "auth.invalid_credentials");
    EXPECT_EQ(wrong.body["detail"], "wrong_password");
    EXPECT_EQ(AuditCount("auth.login_failed"), 2);
    Reply junk = LoginReply(std::string("to\xc3\xa0n\x00x", 7), "x");
    EXPECT_EQ(junk.status, 401);
}

TEST_P(AuthTest, UnauthenticatedRequestsGet401) {
    EXPECT_EQ(Send("GET", "/api/v1/me").status, 401);
    Session forged{"forged-token", "forged"};
    Reply r = Send("GET", "/api/v1/me", nullptr, &forged);
    EXPECT_EQ(r.status, 401);
    EXPECT_EQ(r.code, "auth.unauthenticated");
}

TEST_P(AuthTest, SessionFixationNewTokenAtSignInAndPresentedOneRevoked) {
    Session first = Login("toannv.thptchuvanan");
    // Sign in again while presenting the first session's cookie (or one an attacker planted).
    Reply again = Send("POST", "/api/v1/auth/login", {{"username", "toannv.thptchuvanan"}, {"password", kDemoPassword}},
                       &first, {}, false);
    ASSERT_EQ(again.status, 200);
    std::string second = CookieToken(again);
    EXPECT_NE(second, first.token);
    EXPECT_EQ(Send("GET", "/api/v1/me", nullptr, &first).status, 401);
    Session s2{second, again.body["csrf_token"]};
    EXPECT_EQ(Send("GET", "/api/v1/me", nullptr, &s2).status, 200);

    Session planted{"attacker-chosen-token-0000000000000000000000", "x"};
    Reply fresh = Send("POST", "/api/v1/auth/login", {{"username", "lanvt.thptchuvanan"}, {"password", kDemoPassword}},
                       &planted, {}, false);
    ASSERT_EQ(fresh.status, 200);
    EXPECT_NE(CookieToken(fresh), planted.token);
    EXPECT_EQ(Send("GET", "/api/v1/me", nullptr, &planted).status, 401);
}

TEST_P(AuthTest, CsrfTokenRequiredForStateChanges) {
    Session s = Login("gianghia_thptchuvanan");
    std::string unit = Str(UnitId("thptchuvanan"));
    std::string lock = "/api/v1/units/" + unit + "/locks/messaging";
    Reply none = Send("PUT", lock, {{"reason", "x"}}, &s, {}, false);
    EXPECT_EQ(none.status, 403);
    EXPECT_EQ(none.code, "auth.csrf");
    Session wrong{s.token, "not-the-token"};
    EXPECT_EQ(Send("PUT", lock, {{"reason", "x"}}, &wrong).code, "auth.csrf");
    Session other = Login("toannv.thptchuvanan");
    Session mixed{s.token, other.csrf};  // another session's token does not do
    EXPECT_EQ(Send("PUT", lock, {{"reason", "x"}}, &mixed).code, "auth.csrf");
    EXPECT_EQ(Send("PUT", lock, {{"reason", "x"}}, &s, {{"sec-fetch-site", "cross-site"}}).code, "auth.csrf");
    EXPECT_EQ(Send("PUT", lock, {{"reason", "x"}}, &s, {{"origin", "null"}}).code, "auth.csrf");
    EXPECT_EQ(Send("GET", "/api/v1/units/" + unit + "/locks", nullptr, &s, {}, false).status, 200);  // reads need none
    EXPECT_EQ(Send("PUT", lock, {{"reason", "x"}}, &s).status, 200);
}

TEST_P(AuthTest, IdleAndAbsoluteTimeouts) {
    Session s = Login("toannv.thptchuvanan");
    clock_.Advance(29 * kMinute);
    EXPECT_EQ(Send("GET", "/api/v1/me", nullptr, &s).status, 200);
    clock_.Advance(31 * kMinute);  // idle since the last request
    EXPECT_EQ(Send("GET", "/api/v1/me", nullptr, &s).status, 401);

    Session busy = Login("toannv.thptchuvanan");
    for (int i = 0; i < 12 * 3 - 1; ++i) {  // a request every 20 minutes for 11 h 40 min
        clock_.Advance(20 * kMinute);
        ASSERT_EQ(Send("GET", "/api/v1/me", nullptr, &busy).status, 200) << i;
    }
    clock_.Advance(20 * kMinute);  // 12 h after sign-in
    Reply expired = Send("GET", "/api/v1/me", nullptr, &busy);
    EXPECT_EQ(expired.status, 401);
    EXPECT_NE(expired.Header("Set-Cookie").find("Max-Age=0"), std::string::npos);
}

TEST_P(AuthTest, LogoutRevokesTheSession) {
    Session s = Login("toannv.thptchuvanan");
    Reply out = Send("POST", "/api/v1/auth/logout", nullptr, &s);
    EXPECT_EQ(out.status, 204);
    EXPECT_EQ(Send("GET", "/api/v1/me", nullptr, &s).status, 401);
    EXPECT_EQ(AuditCount("auth.logout"), 1);
}

TEST_P(AuthTest, PasswordChangeRevokesEverySessionAndKeepsTheCaller) {
    Session phone = Login("haptt.thptchuvanan");
    Session laptop = Login("haptt.thptchuvanan");
    Reply weak = Send("POST", "/api/v1/auth/password",
                      {{"current_password", kDemoPassword}, {"new_password", "matkhau123"}}, &laptop);
    EXPECT_EQ(weak.status, 422);
    EXPECT_EQ(weak.code, "auth.password_policy");
    Reply bad = Send("POST", "/api/v1/auth/password",
                     {{"current_password", "wrong-password-x"}, {"new_password", "Mot-Mat-Khau-Moi-7"}}, &laptop);
    EXPECT_EQ(bad.code, "auth.invalid_credentials");
    Reply ok = Send("POST", "/api/v1/auth/password",
                    {{"current_password", kDemoPassword}, {"new_password", "Mot-Mat-Khau-Moi-7"}}, &laptop);
    ASSERT_EQ(ok.status, 200);
    EXPECT_EQ(Send("GET", "/api/v1/me", nullptr, &phone).status, 401);
    EXPECT_EQ(Send("GET", "/api/v1/me", nullptr, &laptop).status, 401);
    Session renewed{CookieToken(ok), ok.body["csrf_token"]};
    EXPECT_EQ(Send("GET", "/api/v1/me", nullptr, &renewed).status, 200);
    EXPECT_EQ(LoginReply("haptt.thptchuvanan").status, 401);
    EXPECT_EQ(LoginReply("haptt.thptchuvanan", "Mot-Mat-Khau-Moi-7").status, 200);
}

TEST_P(AuthTest, AdminIssuedPasswordMustBeChangedFirst) {
    Session admin = Login("gianghia_thptchuvanan");
    Reply created = Send("POST", "/api/v1/accounts",
                         {{"family_name", "Nguyễn"}, {"middle_name", "Văn"}, {"given_name", "Toàn"}}, &admin);
    ASSERT_EQ(created.status, 201) << created.body.dump();
    EXPECT_EQ(created.body["account"]["username"], "toannv3.thptchuvanan");  // two Toàn NV already
    EXPECT_TRUE(created.body["account"]["must_change_password"].get<bool>());
    std::string password = created.body["password"];
    Session fresh = Login("toannv3.thptchuvanan", password);
    EXPECT_EQ(Send("GET", "/api/v1/me", nullptr, &fresh).status, 200);
    Reply blocked = Send("GET", "/api/v1/units", nullptr, &fresh);
    EXPECT_EQ(blocked.status, 403);
    EXPECT_EQ(blocked.code, "auth.password_change_required");
    Reply changed = Send("POST", "/api/v1/auth/password",
                         {{"current_password", password}, {"new_password", "Chu-Van-An-Toan-9"}}, &fresh);
    ASSERT_EQ(changed.status, 200);
    Session renewed{CookieToken(changed), changed.body["csrf_token"]};
    EXPECT_EQ(Send("GET", "/api/v1/units", nullptr, &renewed).code, "auth.forbidden");  // no role yet
    ASSERT_EQ(Send("POST", "/api/v1/roles/grants",
                   {{"account_id", created.body["account"]["id"]}, {"role", "homeroom_teacher"}, {"class_id", "103"}},
                   &admin).status, 201);
    EXPECT_EQ(Send("GET", "/api/v1/units", nullptr, &renewed).status, 200);
}

TEST_P(AuthTest, ResetByUnitAdminAndDisableRevokeSessions) {
    Session admin = Login("gianghia_thptchuvanan");
    Session teacher = Login("lanvt.thptchuvanan");
    std::string id = Str(AccountId("lanvt.thptchuvanan"));
    Reply reset = Send("POST", "/api/v1/accounts/" + id + "/reset-password", nullptr, &admin);
    ASSERT_EQ(reset.status, 200);
    EXPECT_EQ(Send("GET", "/api/v1/me", nullptr, &teacher).status, 401);
    Session again = Login("lanvt.thptchuvanan", reset.body["password"]);
    EXPECT_EQ(Send("GET", "/api/v1/units", nullptr, &again).code, "auth.password_change_required");

    Reply disabled = Send("POST", "/api/v1/accounts/" + id + "/disable", nullptr, &admin);
    ASSERT_EQ(disabled.status, 200);
    EXPECT_EQ(Send("GET", "/api/v1/me", nullptr, &again).status, 401);
    EXPECT_EQ(LoginReply("lanvt.thptchuvanan", reset.body["password"]).code, "auth.account_disabled");
    EXPECT_EQ(Send("POST", "/api/v1/accounts/" + id + "/enable", nullptr, &admin).status, 200);
    EXPECT_EQ(LoginReply("lanvt.thptchuvanan", reset.body["password"]).status, 200);
    EXPECT_EQ(AuditCount("org.password_reset"), 1);
    EXPECT_EQ(AuditCount("org.account_disabled"), 1);

    // The Sở admin may reset the school admin's password, not a teacher's.
    Session so = Login("gianghia_sgddt");
    std::string school_admin = Str(AccountId("gianghia_thptchuvanan"));
    EXPECT_EQ(Send("POST", "/api/v1/accounts/" + school_admin + "/reset-password", nullptr, &so).status, 200);
    EXPECT_EQ(Send("POST", "/api/v1/accounts/" + id + "/reset-password", nullptr, &so).status, 403);
}

TEST_P(AuthTest, BruteForceGetsGrowingDelaysPerAccount) {
    for (int i = 0; i < 4; ++i) EXPECT_EQ(LoginReply("toannv.thptchuvanan", "wrong-" + std::to_string(i)).status, 401);
    EXPECT_EQ(LoginReply("toannv.thptchuvanan", "wrong-5").status, 401);  // the 5th failure starts the delays
    Reply limited = LoginReply("toannv.thptchuvanan");                    // even the right password waits
    EXPECT_EQ(limited.status, 429);
    EXPECT_EQ(limited.code, "auth.rate_limited");
    EXPECT_EQ(limited.Header("Retry-After"), "1");
    clock_.Advance(1000001);
    EXPECT_EQ(LoginReply("toannv.thptchuvanan", "wrong-6").status, 401);
    EXPECT_EQ(LoginReply("toannv.thptchuvanan").Header("Retry-After"), "2");
    clock_.Advance(2000001);
    EXPECT_EQ(LoginReply("toannv.thptchuvanan", "wrong-7").status, 401);
    EXPECT_EQ(LoginReply("toannv.thptchuvanan").Header("Retry-After"), "4");
    clock_.Advance(4000001);
    EXPECT_EQ(LoginReply("toannv.thptchuvanan").status, 200);  // success clears the account's count
    EXPECT_EQ(LoginReply("toannv.thptchuvanan", "wrong-8").status, 401);
    EXPECT_GE(AuditCount("auth.login_failed"), 10);
    // Other accounts are not held up by this one's failures.
    EXPECT_EQ(LoginReply("lanvt.thptchuvanan").status, 200);
}

TEST_P(AuthTest, BruteForceAcrossAccountsIsLimitedPerAddress) {
    for (int i = 0; i < 20; ++i) {
        EXPECT_EQ(LoginReply("user" + std::to_string(i) + ".thptchuvanan", "wrong-password").status, 401);
    }
    EXPECT_EQ(LoginReply("lanvt.thptchuvanan").status, 429);
    client_address_ = "198.51.100.9";  // another address is not affected
    EXPECT_EQ(LoginReply("lanvt.thptchuvanan").status, 200);
}

TEST_P(AuthTest, TotpEnrolmentAndSingleUseCodes) {
    setenv("HOCVU_TOTP_KEY", "8f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0", 1);
    Session s = Login("toannv.thptchuvanan");
    Reply enrol = Send("POST", "/api/v1/auth/totp/enrol", nullptr, &s);
    ASSERT_EQ(enrol.status, 200) << enrol.body.dump();
    std::string secret = enrol.body["secret"];
    std::string stored = db().Read([](storage::Tx& tx) {
        return tx.QueryOne("SELECT totp_secret FROM accounts WHERE username = 'toannv.thptchuvanan'")->Text(0);
    });
    EXPECT_TRUE(stored.starts_with("sb1:"));  // sealed with the key kept outside the database
    EXPECT_EQ(stored.find(secret), std::string::npos);
    EXPECT_NE(enrol.body["otpauth_uri"].get<std::string>().find("otpauth://totp/"), std::string::npos);
    std::int64_t now = clock_.Now() / 1000000;
    EXPECT_EQ(Send("POST", "/api/v1/auth/totp/confirm", {{"code", "000000"}}, &s).code, "auth.totp_invalid");
    ASSERT_EQ(Send("POST", "/api/v1/auth/totp/confirm", {{"code", TotpCode(secret, now)}}, &s).status, 200);

    EXPECT_EQ(LoginReply("toannv.thptchuvanan").code, "auth.totp_required");
    // The code used at enrolment cannot sign in (same time step).
    EXPECT_EQ(LoginReply("toannv.thptchuvanan", kDemoPassword, TotpCode(secret, now)).code, "auth.totp_invalid");
    clock_.Advance(30 * 1000000);
    std::string code = TotpCode(secret, now + 30);
    EXPECT_EQ(LoginReply("toannv.thptchuvanan", kDemoPassword, code).status, 200);
    EXPECT_EQ(LoginReply("toannv.thptchuvanan", kDemoPassword, code).code, "auth.totp_invalid");  // replay
    EXPECT_EQ(LoginReply("toannv.thptchuvanan", "wrong-password", TotpCode(secret, now + 60)).code,
              "auth.invalid_credentials");

    // Teachers cannot enrol; the second factor is for admins and principals.
    Session teacher = Login("haptt.thptchuvanan");
    EXPECT_EQ(Send("POST", "/api/v1/auth/totp/enrol", nullptr, &teacher).status, 403);
    unsetenv("HOCVU_TOTP_KEY");
}

TEST_P(AuthTest, UnitCanMakeTheSecondFactorMandatory) {
    Session admin = Login("gianghia_thptchuvanan");
    std::string unit = Str(UnitId("thptchuvanan"));
    ASSERT_EQ(Send("PATCH", "/api/v1/units/" + unit, {{"totp_required", true}}, &admin).status, 200);
    Session principal = Login("nhungtth.thptchuvanan");
    Reply me = Send("GET", "/api/v1/me", nullptr, &principal);
    EXPECT_TRUE(me.body["totp_enrolment_required"].get<bool>());
    EXPECT_EQ(Send("GET", "/api/v1/units", nullptr, &principal).code, "auth.totp_required");
    Session teacher = Login("haptt.thptchuvanan");  // not for teachers
    EXPECT_EQ(Send("GET", "/api/v1/units", nullptr, &teacher).status, 200);
    Reply enrol = Send("POST", "/api/v1/auth/totp/enrol", nullptr, &principal);
    ASSERT_EQ(enrol.status, 200);
    std::string code = TotpCode(enrol.body["secret"].get<std::string>(), clock_.Now() / 1000000);
    ASSERT_EQ(Send("POST", "/api/v1/auth/totp/confirm", {{"code", code}}, &principal).status, 200);
    EXPECT_EQ(Send("GET", "/api/v1/units", nullptr, &principal).status, 200);
}

HOCVU_ON_BOTH_ENGINES(AuthTest);

}  // namespace
}  // namespace hocvu::org::testing
