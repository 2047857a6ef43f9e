#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hocvu::http {

using Fields = std::vector<std::pair<std::string, std::string>>;

/// An HTTP request as the domains see it: no Beast types, so `api/` files stay cheap to compile.
struct Request {
    std::string method;
    std::string target;        ///< path and query as sent
    std::string path;          ///< decoded path, without the query
    std::string query_string;  ///< raw, without '?'
    Fields headers;            ///< names in lower case
    std::string body;
    std::string client_address;
    Fields path_params;  ///< `{name}` segments of the matched route

    /// The first header of that (lower-case) name, or empty.
    std::string_view Header(std::string_view name) const;
    /// A decoded query parameter.
    std::optional<std::string> Query(std::string_view key) const;
    std::string_view PathParam(std::string_view name) const;
};

struct Response {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    Fields headers;

    static Response Json(int status, std::string body) { return Response{status, "application/json", std::move(body), {}}; }
};

/// Runs on a worker thread, so it may block on the database. Throws `hocvu::Error` for not-found, forbidden,
/// conflict; the server turns it into problem+json in one place.
using Handler = std::function<Response(Request&)>;

/// Decodes %XX and, when `plus_is_space`, '+' (query strings). Returns nullopt for malformed escapes.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space);

}  // namespace hocvu::http
