#pragma once

#include <vector>

#include "app/context.hpp"
#include "http/router.hpp"
#include "org/guard.hpp"

namespace hocvu::people {

/// Adds the people domain's routes (staff and student records, guardians, parent accounts, staff import).
void Register(http::Router& router, app::Context& context);

/// The people routes with what each requires, in registration order.
std::vector<org::RouteSpec> Routes();

}  // namespace hocvu::people
