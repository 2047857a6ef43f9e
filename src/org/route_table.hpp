#pragma once

#include <vector>

#include "app/context.hpp"
#include "http/router.hpp"
#include "org/guard.hpp"

namespace hocvu::org {

/// One row of a domain's route table: what the guard checks, and the endpoint behind it. Each domain keeps one
/// such table, which its `Register` hands to the router and its `Routes` to the OpenAPI check and the
/// authorisation matrix, so the three can never disagree.
struct GuardedRoute {
    RouteSpec spec;
    Endpoint endpoint;
};

/// Adds every route of `table` to `router`, each behind `Guard`.
inline void AddGuarded(http::Router& router, app::Context& context, const std::vector<GuardedRoute>& table) {
    for (const GuardedRoute& route : table)
        router.Add(route.spec.method, route.spec.pattern, Guard(context, route.spec, route.endpoint));
}

/// The specs of `table`, in its order.
inline std::vector<RouteSpec> SpecsOf(const std::vector<GuardedRoute>& table) {
    std::vector<RouteSpec> specs;
    specs.reserve(table.size());
    for (const GuardedRoute& route : table)
        specs.push_back(route.spec);
    return specs;
}

}  // namespace hocvu::org
