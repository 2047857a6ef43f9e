// api/openapi.yaml lists every schooling and people route with the permission its guard checks (issue 5).
#include <gtest/gtest.h>

#include "people/register.hpp"
#include "schooling/register.hpp"
#include "support/openapi_contract.hpp"

namespace hocvu::schooling {
namespace {

TEST(OpenApi, EverySchoolingAndPeopleRouteIsInTheContractWithItsPermission) {
    std::vector<org::RouteSpec> specs = Routes();
    for (const org::RouteSpec& s : people::Routes()) specs.push_back(s);
    testing::ExpectRoutesDocumented(specs);
}

}  // namespace
}  // namespace hocvu::schooling
