// api/openapi.yaml lists every reports route with the permission its guard checks (issue 7, GB-5).
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>

#include "reports/register.hpp"

namespace hocvu::reports {
namespace {

std::map<std::string, std::string> SpecOperations() {
    std::ifstream file(HOCVU_OPENAPI);
    EXPECT_TRUE(file.good()) << HOCVU_OPENAPI;
    std::map<std::string, std::string> ops;
    std::regex path_re(R"(^  (/\S*):\s*$)");
    std::regex method_re(R"(^    (get|post|put|patch|delete):\s*$)");
    std::regex permission_re(R"(^      x-permission:\s*(\S+)\s*$)");
    std::string line, path, current;
    bool in_paths = false;
    while (std::getline(file, line)) {
        std::smatch m;
        if (line == "paths:") {
            in_paths = true;
        } else if (!in_paths) {
            continue;
        } else if (std::regex_match(line, m, path_re)) {
            path = m[1];
        } else if (std::regex_match(line, m, method_re)) {
            std::string method = m[1];
            for (char& c : method)
                c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            current = method + " " + path;
            ops[current] = "";
        } else if (std::regex_match(line, m, permission_re) && !current.empty()) {
            ops[current] = m[1];
        }
    }
    return ops;
}

TEST(OpenApi, EveryReportsRouteIsInTheContractWithItsPermission) {
    auto ops = SpecOperations();
    for (const org::RouteSpec& spec : Routes()) {
        std::string key = spec.method + " " + spec.pattern;
        auto it = ops.find(key);
        ASSERT_NE(it, ops.end()) << key << " is not in api/openapi.yaml";
        EXPECT_EQ(it->second, spec.permission ? std::string(org::Name(*spec.permission)) : "") << key;
    }
}

}  // namespace
}  // namespace hocvu::reports
