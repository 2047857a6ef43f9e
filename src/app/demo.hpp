#pragma once

#include <string>
#include <vector>

#include "app/context.hpp"
#include "org/demo.hpp"

namespace hocvu::app {

/// Outcome of `hocvu demo`.
struct DemoReport {
    bool created = false;  ///< false when the demo data already existed
    std::string created_at;
    /// One demo login per role (and the Sở, Phòng and school admins), with the demo password.
    std::vector<org::DemoLogin> logins;
};

/// Creates the demonstration data (a province, its units and accounts, as the domains provide them) once.
/// Running it again on a database that has it changes nothing.
DemoReport CreateDemoData(Context& context);

}  // namespace hocvu::app
