#include <nlohmann/json.hpp>

#include "system/api/endpoints.hpp"
#include "system/status.hpp"

namespace hocvu::system::api {

http::Response GetStatus(storage::Database& db) {
    SystemStatus status = ReadStatus(db);
    nlohmann::json body = {
        {"version", status.version},
        {"db", status.db},
        {"schema_version", status.schema_version},
        {"schema_known", status.schema_known},
        {"demo_created_at", status.demo_created_at ? nlohmann::json(*status.demo_created_at) : nlohmann::json()},
    };
    return http::Response::Json(200, body.dump());
}

}  // namespace hocvu::system::api
