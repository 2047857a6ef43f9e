#pragma once

#include <vector>

#include "app/context.hpp"
#include "http/router.hpp"
#include "org/guard.hpp"

namespace hocvu::org {

/// Adds the org domain's routes (sign-in, units, accounts, grants, module locks) to `router`.
void Register(http::Router& router, app::Context& context);

/// The org routes with what each requires, in registration order.
std::vector<RouteSpec> Routes();

}  // namespace hocvu::org
