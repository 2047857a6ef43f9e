#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "assessment/jsonl/assess_jsonl.hpp"

namespace {

using Json = nlohmann::ordered_json;

/// One case of a golden file: `# name:` line, input lines, `----`, expected lines.
struct GoldenCase {
    std::string file;
    std::string name;
    std::vector<std::string> input;
    std::vector<std::string> expected;
};

std::vector<GoldenCase> LoadGoldenCases() {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(HOCVU_ASSESSMENT_GOLDEN_DIR)) {
        if (entry.path().extension() == ".golden") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    std::vector<GoldenCase> cases;
    for (const auto& path : files) {
        std::ifstream in(path);
        std::string line;
        bool in_expected = false;
        while (std::getline(in, line)) {
            if (line.rfind("# name:", 0) == 0) {
                cases.push_back(GoldenCase{path.filename().string(), line.substr(8), {}, {}});
                in_expected = false;
            } else if (line.empty() || line[0] == '#' || cases.empty()) {
                continue;
            } else if (line == "----") {
                in_expected = true;
            } else {
                (in_expected ? cases.back().expected : cases.back().input).push_back(line);
            }
        }
    }
    return cases;
}

// Every key of `expected` must be in `actual` with a matching value; arrays match element by element and must
// have the same length. The key "explain_contains" lists substrings that must each appear in some explain line.
void ExpectSubset(const Json& expected, const Json& actual, const std::string& path, std::vector<std::string>& errors) {
    if (expected.is_object()) {
        if (!actual.is_object()) {
            errors.push_back(path + ": expected an object, got " + actual.dump());
            return;
        }
        for (const auto& [key, value] : expected.items()) {
            if (key == "explain_contains") {
                const Json& explain = actual.contains("explain") ? actual["explain"] : Json::array();
                for (const auto& needle : value) {
                    const bool found = std::any_of(explain.begin(), explain.end(), [&](const Json& line) {
                        return line.get<std::string>().find(needle.get<std::string>()) != std::string::npos;
                    });
                    if (!found) {
                        errors.push_back(path + ".explain: no line contains \"" + needle.get<std::string>() +
                                         "\"; lines: " + explain.dump());
                    }
                }
                continue;
            }
            if (!actual.contains(key)) {
                errors.push_back(path + "." + key + ": missing");
                continue;
            }
            ExpectSubset(value, actual[key], path + "." + key, errors);
        }
        return;
    }
    if (expected.is_array()) {
        if (!actual.is_array() || actual.size() != expected.size()) {
            errors.push_back(path + ": expected " + expected.dump() + ", got " + actual.dump());
            return;
        }
        for (std::size_t i = 0; i < expected.size(); ++i) {
            ExpectSubset(expected[i], actual[i], path + "[" + std::to_string(i) + "]", errors);
        }
        return;
    }
    if (expected != actual) {
        errors.push_back(path + ": expected " + expected.dump() + ", got " + actual.dump());
    }
}

void PrintTo(const GoldenCase& golden, std::ostream* out) { *out << golden.file << " / " << golden.name; }

class GoldenTest : public testing::TestWithParam<GoldenCase> {};

TEST_P(GoldenTest, MatchesExpectedOutput) {
    const GoldenCase& golden = GetParam();
    std::string input;
    for (const std::string& line : golden.input) {
        input += line + "\n";
    }
    std::istringstream in(input);
    std::ostringstream out;
    ASSERT_EQ(hocvu::assessment::RunAssessJsonLines(in, out), 0);
    std::vector<std::string> output;
    std::istringstream lines(out.str());
    for (std::string line; std::getline(lines, line);) {
        output.push_back(line);
    }
    ASSERT_EQ(output.size(), golden.input.size()) << "one output line per input line";
    ASSERT_EQ(golden.expected.size(), golden.input.size()) << "golden file: one expected line per input line";
    for (std::size_t i = 0; i < output.size(); ++i) {
        const Json actual = Json::parse(output[i]);
        const Json expected = Json::parse(golden.expected[i]);
        std::vector<std::string> errors;
        ExpectSubset(expected, actual, "$", errors);
        for (const std::string& error : errors) {
            ADD_FAILURE() << golden.file << " / " << golden.name << " line " << i + 1 << ": " << error;
        }
    }
}

std::string CaseName(const testing::TestParamInfo<GoldenCase>& info) {
    std::string name = std::to_string(info.index) + "_";
    for (char c : info.param.file.substr(0, info.param.file.find('.'))) {
        name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    }
    return name;
}

INSTANTIATE_TEST_SUITE_P(Assessment, GoldenTest, testing::ValuesIn(LoadGoldenCases()), CaseName);

TEST(GoldenFiles, AreNotEmpty) { EXPECT_GE(LoadGoldenCases().size(), 100U); }

}  // namespace
