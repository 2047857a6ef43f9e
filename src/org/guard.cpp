#include "org/guard.hpp"

#include <charconv>
#include <cstdlib>

#include "common/error.hpp"
#include "http/problem.hpp"
#include "org/audit.hpp"
#include "org/policy.hpp"
#include "org/service.hpp"

namespace hocvu::org {
namespace {

constexpr std::string_view kSecureName = "__Host-hocvu_session";
constexpr std::string_view kDevName = "hocvu_session";

bool StateChanging(std::string_view method) { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }

std::string_view HostName(std::string_view host) {
    if (host.starts_with("[")) {
        std::size_t end = host.find(']');
        return end == std::string_view::npos ? host : host.substr(0, end + 1);
    }
    return host.substr(0, host.find(':'));
}

std::optional<std::string> CookieValue(std::string_view header, std::string_view name) {
    while (!header.empty()) {
        std::size_t semi = header.find(';');
        std::string_view pair = header.substr(0, semi);
        header = semi == std::string_view::npos ? std::string_view{} : header.substr(semi + 1);
        while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
        std::size_t eq = pair.find('=');
        if (eq != std::string_view::npos && pair.substr(0, eq) == name) return std::string(pair.substr(eq + 1));
    }
    return std::nullopt;
}

/// ASVS 7.2.2 / 16.3.2: failed authorisation is logged, with who, what and from where. A failure to write the
/// entry must not turn the 403 into a 500.
void AuditRefusal(app::Context& ctx, const Actor& actor, const http::Request& request, const Error& error) {
    std::string target = request.method + " ";
    for (char c : request.path.substr(0, 200)) {
        auto u = static_cast<unsigned char>(c);
        target.push_back(u >= 0x20 && u < 0x7f ? c : '?');
    }
    try {
        ctx.db.Write([&](storage::Tx& tx) {
            AppendAudit(tx, ctx.ids, ctx.clock,
                        {actor.unit_id, actor.account_id, "auth.refused", target,
                         request.client_address, {{"code", std::string(Name(error.code()))}, {"detail", error.what()}}});
        });
    } catch (const Error&) {
    }
}

}  // namespace

bool InsecureCookies(const http::Request& request) {
    if (const char* mode = std::getenv("HOCVU_COOKIES"); mode != nullptr && *mode != '\0') {
        return std::string_view(mode) == "insecure";
    }
    std::string_view host = HostName(request.Header("host"));
    return host == "localhost" || host == "[::1]" || host.starts_with("127.");
}

std::string SessionCookieName(const http::Request& request) {
    return std::string(InsecureCookies(request) ? kDevName : kSecureName);
}

std::string SessionCookie(const http::Request& request, std::string_view token) {
    std::string cookie = SessionCookieName(request) + "=" + std::string(token) + "; Path=/; HttpOnly; SameSite=Strict";
    if (!InsecureCookies(request)) cookie += "; Secure";
    return cookie;
}

std::string ExpiredSessionCookie(const http::Request& request) {
    std::string cookie = SessionCookieName(request) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";
    if (!InsecureCookies(request)) cookie += "; Secure";
    return cookie;
}

std::optional<std::string> SessionToken(const http::Request& request) {
    std::string_view header = request.Header("cookie");
    if (auto value = CookieValue(header, kSecureName)) return value;
    if (InsecureCookies(request)) return CookieValue(header, kDevName);
    return std::nullopt;
}

std::int64_t PathId(const http::Request& request, std::string_view name) {
    std::string_view text = request.PathParam(name);
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value <= 0) {
        throw Error(Code::kNotFound, "no such " + std::string(name));
    }
    return value;
}

http::Handler Guard(app::Context& ctx, const RouteSpec& spec, Endpoint endpoint) {
    if (spec.access == Access::kGranted && !spec.permission) {
        throw Error(Code::kInternal, "route registered without a permission: " + spec.method + " " + spec.pattern);
    }
    return [&ctx, spec, endpoint](http::Request& request) -> http::Response {
        std::optional<Actor> actor;
        try {
            if (StateChanging(request.method)) {
                if (request.Header("sec-fetch-site") == "cross-site" || request.Header("origin") == "null") {
                    throw Error(Code::kCsrf, "cross-site request refused");
                }
            }
            if (spec.access == Access::kPublic) {
                Call call{ctx, request, nullptr};
                return endpoint(call);
            }
            auto token = SessionToken(request);
            if (!token) throw Error(Code::kUnauthenticated, "no session");
            actor = Authenticate(ctx, *token);
            if (StateChanging(request.method) && !CsrfMatches(ctx, *actor, request.Header("x-csrf-token"))) {
                throw Error(Code::kCsrf, "missing or wrong X-CSRF-Token");
            }
            if (spec.access == Access::kGranted) {
                if (actor->must_change_password) {
                    throw Error(Code::kPasswordChangeRequired, "change the password first");
                }
                if (actor->totp_enrolment_required) {
                    throw Error(Code::kTotpRequired, "enrol a second factor first");
                }
                if (!HoldsAnywhere(*actor, *spec.permission)) {
                    throw Error(Code::kForbidden, "not allowed: " + std::string(Name(*spec.permission)));
                }
            }
            Call call{ctx, request, &*actor};
            return endpoint(call);
        } catch (const RateLimited& e) {
            http::Response response = http::Problem(e.code(), e.what());
            response.headers.emplace_back("Retry-After", std::to_string(e.retry_after()));
            return response;
        } catch (const Error& e) {
            if ((e.code() == Code::kForbidden || e.code() == Code::kCsrf) && actor) AuditRefusal(ctx, *actor, request, e);
            if (e.code() != Code::kUnauthenticated) throw;
            http::Response response = http::Problem(e.code(), e.what());
            response.headers.emplace_back("Set-Cookie", ExpiredSessionCookie(request));
            return response;
        }
    };
}

}  // namespace hocvu::org
