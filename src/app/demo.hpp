#pragma once

#include "app/context.hpp"

namespace hocvu::app {

/// Outcome of `hocvu demo`.
struct DemoReport {
    bool created = false;  ///< false when the demo data already existed
    std::string created_at;
};

/// Creates the demonstration data (a province, its units and accounts, as the domains provide them) once.
/// Running it again on a database that has it changes nothing.
DemoReport CreateDemoData(Context& context);

}  // namespace hocvu::app
