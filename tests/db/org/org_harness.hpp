#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "app/context.hpp"
#include "common/error.hpp"
#include "http/problem.hpp"
#include "http/router.hpp"
#include "org/demo.hpp"
#include "org/register.hpp"
#include "org/service.hpp"
#include "org/store.hpp"
#include "support/db_fixture.hpp"

namespace hocvu::org::testing {

/// A signed-in test client: the session cookie's token and the CSRF token.
struct Session {
    std::string token;
    std::string csrf;
};

struct Reply {
    int status = 0;
    std::string code;  ///< problem+json code, empty on success
    nlohmann::json body;
    http::Fields headers;

    std::string Header(std::string_view name) const {
        for (const auto& [k, v] : headers) {
            if (k == name) return v;
        }
        return {};
    }
};

/// The org routes on a fresh migrated database with the demo province, driven through the router the way the
/// server drives it (handler, then problem+json for a thrown `hocvu::Error`), without sockets.
class OrgApiTest : public hocvu::testing::DbTest {
protected:
    void SetUp() override {
        DbTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        context_.emplace(app::Context{db(), clock_, ids_});
        Register(router_, *context_);
        db().Write([&](storage::Tx& tx) { CreateDemo(tx, *context_); });
    }

    app::Context& ctx() { return *context_; }

    Reply Send(const std::string& method, const std::string& target, const nlohmann::json& body = nullptr,
               const Session* session = nullptr, http::Fields extra = {}, bool with_csrf = true) {
        http::Request request;
        request.method = method;
        request.target = target;
        std::size_t q = target.find('?');
        request.path = target.substr(0, q);
        request.query_string = q == std::string::npos ? "" : target.substr(q + 1);
        request.client_address = client_address_;
        request.headers.emplace_back("host", "127.0.0.1:8080");
        if (!body.is_null()) request.body = body.dump();
        if (session) {
            request.headers.emplace_back("cookie", "hocvu_session=" + session->token);
            if (with_csrf) request.headers.emplace_back("x-csrf-token", session->csrf);
        }
        for (auto& h : extra) request.headers.push_back(h);
        http::Fields params;
        auto match = router_.Find(method, request.path, params);
        http::Response response;
        if (!match.handler) {
            response = http::Problem(match.path_known ? Code::kMethodNotAllowed : Code::kNotFound);
        } else {
            request.path_params = params;
            try {
                response = (*match.handler)(request);
            } catch (const Error& e) {
                response = http::Problem(e.code(), e.what());
            }
        }
        Reply reply;
        reply.status = response.status;
        reply.headers = response.headers;
        if (!response.body.empty()) reply.body = nlohmann::json::parse(response.body);
        if (response.content_type == "application/problem+json") reply.code = reply.body.value("code", "");
        return reply;
    }

    /// The session token set by a reply's Set-Cookie, or empty.
    static std::string CookieToken(const Reply& reply) {
        std::string cookie = reply.Header("Set-Cookie");
        std::string prefix = "hocvu_session=";
        if (!cookie.starts_with(prefix)) return {};
        return cookie.substr(prefix.size(), cookie.find(';') - prefix.size());
    }

    Reply LoginReply(const std::string& username, const std::string& password = kDemoPassword,
                     std::optional<std::string> totp = {}) {
        nlohmann::json body = {{"username", username}, {"password", password}};
        if (totp) body["totp"] = *totp;
        return Send("POST", "/api/v1/auth/login", body);
    }

    Session Login(const std::string& username, const std::string& password = kDemoPassword) {
        Reply reply = LoginReply(username, password);
        EXPECT_EQ(reply.status, 200) << username << ": " << reply.body.dump();
        return Session{CookieToken(reply), reply.body.value("csrf_token", "")};
    }

    std::int64_t UnitId(const std::string& code) {
        return db().Read([&](storage::Tx& tx) {
            auto row = tx.QueryOne("SELECT id FROM units WHERE code = $1", {code});
            if (!row) throw Error(Code::kNotFound, "no unit " + code);
            return row->Int(0);
        });
    }

    std::int64_t AccountId(const std::string& username) {
        return db().Read([&](storage::Tx& tx) {
            auto a = store::FindAccountByUsername(tx, username);
            if (!a) throw Error(Code::kNotFound, "no account " + username);
            return a->id;
        });
    }

    std::int64_t AuditCount(const std::string& action) {
        return db().Read([&](storage::Tx& tx) {
            return tx.QueryOne("SELECT COUNT(*) FROM audit_log WHERE action = $1", {action})->Int(0);
        });
    }

    /// A second province, outside the demo one, with one school: for "never another province's data".
    std::int64_t CreateOtherProvince() {
        std::string hash = db().Read([&](storage::Tx& tx) {
            return tx.QueryOne("SELECT password_hash FROM accounts WHERE username = 'gianghia_sgddt'")->Text(0);
        });
        return db().Write([&](storage::Tx& tx) {
            CreatedUnit so = CreateRootUnit(tx, ctx(), {0, UnitKind::kProvince, "sgddtkh", "Sở GD&ĐT tỉnh Khác", "nhatrang", {}}, hash, false);
            CreatedUnit school = CreateRootUnit(
                tx, ctx(), {so.unit.id, UnitKind::kSchool, "thptlequydon", "Trường THPT Lê Quý Đôn", "nhatrang", {"THPT"}},
                hash, false);
            return school.unit.id;
        });
    }

    std::string client_address_ = "203.0.113.7";
    std::optional<app::Context> context_;
    http::Router router_;
};

inline std::string Str(std::int64_t id) { return std::to_string(id); }

}  // namespace hocvu::org::testing
