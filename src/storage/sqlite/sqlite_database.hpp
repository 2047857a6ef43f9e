#pragma once

#include <memory>
#include <string>

#include "storage/database.hpp"

namespace hocvu::storage {

/// SQLite in WAL mode with synchronous=FULL: one writer thread that commits queued write jobs together (each in
/// its own savepoint), and a pool of read connections.
std::unique_ptr<Database> OpenSqlite(const std::string& path, int read_connections);

}  // namespace hocvu::storage
