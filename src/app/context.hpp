#pragma once

#include "common/clock.hpp"
#include "common/ids.hpp"
#include "storage/database.hpp"

namespace hocvu::app {

/// What the domains are wired with: storage, time and ids. Passed to each domain's `Register`.
struct Context {
    storage::Database& db;
    const Clock& clock;
    IdGenerator& ids;
};

}  // namespace hocvu::app
