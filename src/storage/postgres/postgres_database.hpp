#pragma once

#include <memory>
#include <string>

#include "storage/database.hpp"

namespace hocvu::storage {

/// PostgreSQL through libpq: a pool of connections, one transaction per call, server defaults for durability.
std::unique_ptr<Database> OpenPostgres(const std::string& url, int connections);

}  // namespace hocvu::storage
