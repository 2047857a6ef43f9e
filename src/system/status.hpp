#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "storage/database.hpp"

namespace hocvu::system {

/// What the status page shows about this installation.
struct SystemStatus {
    std::string version;
    std::string db;
    int schema_version = 0;
    int schema_known = 0;
    std::optional<std::string> demo_created_at;  ///< ISO time, when the demo data exists
};

/// Reads the installation's status in one read transaction.
SystemStatus ReadStatus(storage::Database& db);

/// Whether the database answers a trivial query.
bool DatabaseAnswers(storage::Database& db);

}  // namespace hocvu::system
