// api/openapi.yaml and the org routes agree: every route is in the contract with the same permission, and every
// org path in the contract is a route (issue 3).
#include <gtest/gtest.h>

#include <set>

#include "org/register.hpp"
#include "support/openapi_contract.hpp"

namespace hocvu::org {
namespace {

TEST(OpenApi, EveryOrgRouteIsInTheContractWithItsPermission) { testing::ExpectRoutesDocumented(Routes()); }

TEST(OpenApi, EveryOrgPathInTheContractIsARoute) {
    std::set<std::string> routes;
    for (const RouteSpec& spec : Routes()) routes.insert(spec.method + " " + spec.pattern);
    for (const auto& [key, permission] : testing::OpenApiOperations()) {
        std::string path = key.substr(key.find(' ') + 1);
        bool org = path.starts_with("/api/v1/auth/") || path == "/api/v1/me" || path.starts_with("/api/v1/units") ||
                   path.starts_with("/api/v1/accounts") || path.starts_with("/api/v1/roles");
        if (org) {
            EXPECT_TRUE(routes.contains(key)) << key << " is in the contract but not registered";
        }
    }
}

}  // namespace
}  // namespace hocvu::org
