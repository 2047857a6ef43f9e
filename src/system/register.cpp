#include "system/register.hpp"

#include "system/api/endpoints.hpp"

namespace hocvu::system {

void Register(http::Router& router, app::Context& context) {
    storage::Database& db = context.db;
    router.Add("GET", "/healthz", [&db](http::Request&) { return api::GetHealth(db); });
    router.Add("GET", "/api/v1/system/status", [&db](http::Request&) { return api::GetStatus(db); });
}

}  // namespace hocvu::system
