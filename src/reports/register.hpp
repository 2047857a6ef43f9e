#pragma once

#include <vector>

#include "app/context.hpp"
#include "http/router.hpp"
#include "org/guard.hpp"

namespace hocvu::reports {

/// Adds the reports routes (GB-5).
void Register(http::Router& router, app::Context& context);

/// The routes with their access rules (the OpenAPI check and the authorisation tests read them).
std::vector<org::RouteSpec> Routes();

}  // namespace hocvu::reports
