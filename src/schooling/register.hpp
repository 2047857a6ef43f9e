#pragma once

#include <vector>

#include "app/context.hpp"
#include "http/router.hpp"
#include "org/guard.hpp"

namespace hocvu::schooling {

/// Adds the schooling domain's routes (years, curriculum, classes, assignments, class lists, lifecycle, import).
void Register(http::Router& router, app::Context& context);

/// The schooling routes with what each requires, in registration order.
std::vector<org::RouteSpec> Routes();

}  // namespace hocvu::schooling
