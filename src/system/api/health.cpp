#include <nlohmann/json.hpp>

#include "system/api/endpoints.hpp"
#include "system/status.hpp"

namespace hocvu::system::api {

http::Response GetHealth(storage::Database& db) {
    bool ok = DatabaseAnswers(db);
    nlohmann::json body = {
        {"status", ok ? "ok" : "unavailable"},
        {"version", HOCVU_VERSION},
        {"db", storage::EngineName(db.engine())},
    };
    return http::Response::Json(ok ? 200 : 503, body.dump());
}

}  // namespace hocvu::system::api
