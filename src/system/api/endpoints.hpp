#pragma once

#include "http/request.hpp"
#include "storage/database.hpp"

namespace hocvu::system::api {

/// `GET /healthz`: {"status":"ok","version":…,"db":"sqlite"|"postgresql"}; 503 when the database does not answer.
http::Response GetHealth(storage::Database& db);
/// `GET /api/v1/system/status`: version, engine, schema version, whether demo data exists.
http::Response GetStatus(storage::Database& db);

}  // namespace hocvu::system::api
