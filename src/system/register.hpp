#pragma once

#include "app/context.hpp"
#include "http/router.hpp"

namespace hocvu::system {

/// `GET /healthz` and `GET /api/v1/system/status`.
void Register(http::Router& router, app::Context& context);

}  // namespace hocvu::system
