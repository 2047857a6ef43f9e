#include "support/openapi_contract.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <fstream>
#include <regex>

#include "org/model.hpp"

namespace hocvu::testing {

std::map<std::string, std::string> OpenApiOperations() {
    std::ifstream file(HOCVU_OPENAPI);
    EXPECT_TRUE(file.good()) << HOCVU_OPENAPI;
    std::map<std::string, std::string> ops;
    const std::regex path_re(R"(^  (/\S*):\s*$)");
    const std::regex method_re(R"(^    (get|post|put|patch|delete):\s*$)");
    const std::regex permission_re(R"(^      x-permission:\s*(\S+)\s*$)");
    std::string line, path, current;
    bool in_paths = false;
    while (std::getline(file, line)) {
        std::smatch m;
        if (!line.empty() && !std::isspace(static_cast<unsigned char>(line[0]))) {
            in_paths = line == "paths:";
            current.clear();
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
    EXPECT_FALSE(ops.empty()) << "no operations under paths: in " << HOCVU_OPENAPI;
    return ops;
}

void ExpectRoutesDocumented(const std::vector<org::RouteSpec>& routes) {
    const auto ops = OpenApiOperations();
    for (const org::RouteSpec& spec : routes) {
        const std::string key = spec.method + " " + spec.pattern;
        auto it = ops.find(key);
        if (it == ops.end()) {
            ADD_FAILURE() << key << " is not in api/openapi.yaml";
            continue;
        }
        EXPECT_EQ(it->second, spec.permission ? std::string(org::Name(*spec.permission)) : "") << key;
    }
}

}  // namespace hocvu::testing
