#pragma once
// The API contract (api/openapi.yaml) seen from the C++ tests: every domain's routes are documented with the
// permission their guard checks. (tests/api/test_openapi.py checks the other direction against `hocvu routes`.)

#include <map>
#include <string>
#include <vector>

#include "org/guard.hpp"

namespace hocvu::testing {

/// "METHOD /path" → the operation's x-permission ("" when none) for every operation under `paths:` in
/// api/openapi.yaml, read from the file's indentation (two-space paths, four-space methods).
std::map<std::string, std::string> OpenApiOperations();

/// Adds a test failure for each route missing from the contract or documented with another permission.
void ExpectRoutesDocumented(const std::vector<org::RouteSpec>& routes);

}  // namespace hocvu::testing
