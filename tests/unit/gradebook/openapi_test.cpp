// api/openapi.yaml lists every gradebook route with the permission its guard checks (issue 6).
#include <gtest/gtest.h>

#include "gradebook/register.hpp"
#include "support/openapi_contract.hpp"

namespace hocvu::gradebook {
namespace {

TEST(OpenApi, EveryGradebookRouteIsInTheContractWithItsPermission) { testing::ExpectRoutesDocumented(Routes()); }

}  // namespace
}  // namespace hocvu::gradebook
