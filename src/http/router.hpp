#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "http/request.hpp"

namespace hocvu::http {

/// Routes by method and path pattern; `{name}` matches one path segment and is passed as a path parameter.
class Router {
public:
    /// Adds a route. `pattern` is also the route's name in metrics and logs.
    void Add(std::string method, std::string pattern, Handler handler);

    struct Match {
        const Handler* handler = nullptr;  ///< null when nothing matched
        std::string_view route;            ///< the pattern matched
        bool path_known = false;           ///< some route has this path, with another method (405)
    };

    /// Finds the route for a request; fills `params` with the path parameters.
    Match Find(std::string_view method, std::string_view path, Fields& params) const;

    /// Every route as "METHOD pattern", for checking against the API contract.
    std::vector<std::string> Describe() const;

private:
    struct Route {
        std::string method;
        std::string pattern;
        std::vector<std::string> segments;
        Handler handler;
    };
    std::vector<Route> routes_;
};

}  // namespace hocvu::http
