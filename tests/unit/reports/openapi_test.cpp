// api/openapi.yaml lists every reports route with the permission its guard checks (issue 7, GB-5).
#include <gtest/gtest.h>

#include "reports/register.hpp"
#include "support/openapi_contract.hpp"

namespace hocvu::reports {
namespace {

TEST(OpenApi, EveryReportsRouteIsInTheContractWithItsPermission) { testing::ExpectRoutesDocumented(Routes()); }

}  // namespace
}  // namespace hocvu::reports
