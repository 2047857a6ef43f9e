#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/context.hpp"
#include "http/request.hpp"
#include "org/model.hpp"

namespace hocvu::org {

/// What a route needs before its handler runs.
enum class Access {
    kPublic,   ///< anyone (sign-in)
    kSession,  ///< any signed-in person, even one who must first change the password or enrol a second factor
    kGranted,  ///< a signed-in person holding `permission` somewhere; the handler checks the object's scope
};

/// A route of the org domain: the one table the router, the OpenAPI check and the authorisation matrix test
/// share. A route with `Access::kGranted` and no permission cannot be registered.
struct RouteSpec {
    std::string method;
    std::string pattern;
    Access access = Access::kGranted;
    std::optional<Permission> permission;
};

/// A request that passed the guard: the context, the request and, unless the route is public, the actor.
struct Call {
    app::Context& ctx;
    http::Request& request;
    const Actor* actor;

    const Actor& Who() const { return *actor; }
};

using Endpoint = http::Response (*)(Call&);

/// Wraps `endpoint` in the checks of `spec`, in this order: cross-site requests refused for state changes
/// (Sec-Fetch-Site, Origin: null); the session cookie (401 auth.unauthenticated); the X-CSRF-Token header for
/// state changes (403 auth.csrf); a pending password change or second-factor enrolment (403
/// auth.password_change_required, 401 auth.totp_required); the route's permission held somewhere (403). Every
/// domain may register its routes through it; the handler then calls `Require` with the object's scope.
http::Handler Guard(app::Context& ctx, const RouteSpec& spec, Endpoint endpoint);

/// Cookies. In secure mode the session cookie is `__Host-hocvu_session` with `Secure`; in the plain-HTTP
/// development mode it is `hocvu_session` without `Secure` (browsers drop `__Host-`/Secure cookies over
/// http://). The mode comes from env HOCVU_COOKIES=secure|insecure; when unset, a request whose Host is a
/// loopback address (127.0.0.0/8, localhost, [::1]) gets the development mode and every other request the
/// secure mode, so a server behind a TLS proxy that forwards the public Host is secure by default.
bool InsecureCookies(const http::Request& request);
std::string SessionCookieName(const http::Request& request);
/// The `Set-Cookie` value carrying `token` (HttpOnly, SameSite=Strict, Path=/).
std::string SessionCookie(const http::Request& request, std::string_view token);
/// The `Set-Cookie` value that deletes the session cookie.
std::string ExpiredSessionCookie(const http::Request& request);
/// The session token the request carries, if any.
std::optional<std::string> SessionToken(const http::Request& request);

/// Strict decimal id of a path parameter or query value; throws kNotFound (path) or kValidation.
std::int64_t PathId(const http::Request& request, std::string_view name);

}  // namespace hocvu::org
