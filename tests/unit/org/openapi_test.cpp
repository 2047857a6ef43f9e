// api/openapi.yaml and the org routes agree: every route is in the contract with the same permission, and every
// org path in the contract is a route (issue 3).
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "org/register.hpp"

namespace hocvu::org {
namespace {

/// "METHOD /path" → the operation's x-permission ("" when none), read from the indentation of the file.
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
            for (char& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            current = method + " " + path;
            ops[current] = "";
        } else if (std::regex_match(line, m, permission_re) && !current.empty()) {
            ops[current] = m[1];
        }
    }
    return ops;
}

TEST(OpenApi, EveryOrgRouteIsInTheContractWithItsPermission) {
    auto ops = SpecOperations();
    ASSERT_FALSE(ops.empty());
    for (const RouteSpec& spec : Routes()) {
        std::string key = spec.method + " " + spec.pattern;
        auto it = ops.find(key);
        ASSERT_NE(it, ops.end()) << key << " is not in api/openapi.yaml";
        std::string expected = spec.permission ? std::string(Name(*spec.permission)) : "";
        EXPECT_EQ(it->second, expected) << key;
    }
}

TEST(OpenApi, EveryOrgPathInTheContractIsARoute) {
    std::set<std::string> routes;
    for (const RouteSpec& spec : Routes()) routes.insert(spec.method + " " + spec.pattern);
    for (const auto& [key, permission] : SpecOperations()) {
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
