#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "assessment/jsonl/assess_jsonl.hpp"
#include "assessment/rollout.hpp"
#include "assessment/tt22/tt22.hpp"
#include "common/tenths.hpp"

namespace {

using hocvu::Tenths;
namespace as = hocvu::assessment;

TEST(Tenths, ParsesScoresWithAtMostOneDecimal) {
    EXPECT_EQ(Tenths::ParseScore("7")->tenths(), 70);
    EXPECT_EQ(Tenths::ParseScore("7.5")->tenths(), 75);
    EXPECT_EQ(Tenths::ParseScore("7,5")->tenths(), 75);
    EXPECT_EQ(Tenths::ParseScore("0")->tenths(), 0);
    EXPECT_EQ(Tenths::ParseScore("10.0")->tenths(), 100);
    for (const char* bad : {"", "7.55", "10.1", "11", "-1", "+7", "7.", ".5", "1e1", "7 ", "abc", "99999999999"}) {
        EXPECT_FALSE(Tenths::ParseScore(bad).has_value()) << bad;
    }
}

TEST(Tenths, FormatsWithExactlyOneDecimal) {
    EXPECT_EQ(Tenths::FromTenths(80).ToString(), "8.0");
    EXPECT_EQ(Tenths::FromTenths(5).ToString(), "0.5");
    EXPECT_EQ(Tenths::FromTenths(100).ToString(), "10.0");
    EXPECT_EQ(Tenths::FromTenths(64).ToVietnamese(), "6,4");
}

TEST(Tenths, RoundsHalfUpOnTheExactValue) {
    // regulations.md §6.1 T2, T3, T4: 66/8 = 8.25 → 8.3; 39.6/8 = 4.95 → 5.0; 43.6/8 = 5.45 → 5.5.
    EXPECT_EQ(Tenths::RoundHalfUp(660, 8).tenths(), 83);
    EXPECT_EQ(Tenths::RoundHalfUp(396, 8).tenths(), 50);
    EXPECT_EQ(Tenths::RoundHalfUp(436, 8).tenths(), 55);
    EXPECT_EQ(Tenths::RoundHalfUp(730, 9).tenths(), 81);
}

TEST(Rollout, FollowsTheTables) {
    using as::Regulation;
    using as::SchoolLevel;
    EXPECT_EQ(as::RegulationFor(2021, SchoolLevel::kLowerSecondary, 6), Regulation::kTt22);
    EXPECT_EQ(as::RegulationFor(2023, SchoolLevel::kLowerSecondary, 9), Regulation::kTt26);
    EXPECT_EQ(as::RegulationFor(2024, SchoolLevel::kUpperSecondary, 12), Regulation::kTt22);
    EXPECT_EQ(as::RegulationFor(2019, SchoolLevel::kUpperSecondary, 12), Regulation::kTt58);
    EXPECT_EQ(as::RegulationFor(2020, SchoolLevel::kPrimary, 1), Regulation::kTt27);
    EXPECT_FALSE(as::RegulationFor(2020, SchoolLevel::kPrimary, 2).has_value());
    EXPECT_FALSE(as::RegulationFor(2025, SchoolLevel::kPrimary, 7).has_value());
}

TEST(Tt22, ConductYearTableOfRegulationsSection110) {
    // Rows HK I, columns HK II: Tốt, Khá, Đạt, Chưa đạt (regulations.md §1.10).
    constexpr as::Rank kTot = as::tt22::kTot, kKha = as::tt22::kKha, kDat = as::tt22::kDat, kCd = as::tt22::kChuaDat;
    const as::Rank table[4][4] = {{kTot, kKha, kKha, kCd}, {kTot, kKha, kDat, kCd}, {kKha, kKha, kDat, kCd},
                                  {kKha, kDat, kDat, kCd}};
    const as::Rank order[4] = {kTot, kKha, kDat, kCd};
    for (int i = 0; i < 4; ++i) {
        for (int j = 0; j < 4; ++j) {
            EXPECT_EQ(as::tt22::ConductYear(order[i], order[j]), table[i][j]) << i << "," << j;
        }
    }
}

std::vector<std::string> RunCommand(const std::string& input, int* code = nullptr) {
    std::istringstream in(input);
    std::ostringstream out;
    const int exit_code = as::RunAssessJsonLines(in, out);
    if (code != nullptr) {
        *code = exit_code;
    }
    std::vector<std::string> lines;
    std::istringstream split(out.str());
    for (std::string line; std::getline(split, line);) {
        lines.push_back(line);
    }
    return lines;
}

constexpr const char* kContractExample =
    R"({"id":"x","regulation":"auto","school_year":"2025-2026","level":"THCS","grade":8,"subjects":[)"
    R"({"code":"TOAN","kind":"score","periods_per_year":140,"hk1":{"tx":[8,7,9,10],"gk":7.5,"ck":8.0},)"
    R"("hk2":{"tx":[9,9,8,10],"gk":9.0,"ck":9.5}},{"code":"GDTC","kind":"comment","hk1":{"tx":["Đ","Đ"],"gk":"Đ",)"
    R"("ck":"CĐ"},"hk2":{"tx":["Đ","Đ"],"gk":"Đ","ck":"Đ"}}],"conduct":{"hk1":"Khá","hk2":"Tốt"},"absences":12})";

TEST(AssessCommand, OutputKeysInContractOrder) {
    const auto lines = RunCommand(std::string(kContractExample) + "\n");
    ASSERT_EQ(lines.size(), 1U);
    const auto json = nlohmann::ordered_json::parse(lines[0]);
    std::vector<std::string> keys;
    for (const auto& [key, value] : json.items()) {
        keys.push_back(key);
    }
    const std::vector<std::string> expected = {"id",      "regulation", "subjects", "learning", "conduct",
                                               "outcome", "reassess",   "award",    "explain"};
    EXPECT_EQ(keys, expected);
    EXPECT_EQ(json["subjects"][0].dump(), R"({"code":"TOAN","hk1":"8.1","hk2":"9.2","year":"8.8"})");
    EXPECT_FALSE(json["explain"].empty());
}

TEST(AssessCommand, ExitsZeroWithBadLinesAndKeepsOneLinePerInputLine) {
    int code = -1;
    const auto lines = RunCommand(std::string(kContractExample) + "\n\n[]\n{\"id\":\"e\"}\r\n" + kContractExample, &code);
    EXPECT_EQ(code, 0);
    ASSERT_EQ(lines.size(), 5U);
    EXPECT_NE(lines[1].find("assess.bad_json"), std::string::npos);
    EXPECT_NE(lines[2].find("assess.bad_json"), std::string::npos);
    EXPECT_NE(lines[3].find("\"id\":\"e\""), std::string::npos);
    EXPECT_NE(lines[3].find("assess.missing_field"), std::string::npos);
    EXPECT_NE(lines[4].find("\"regulation\":\"tt22\""), std::string::npos);
}

TEST(AssessCommand, RejectsInvalidUtf8AndDeepNesting) {
    const auto lines = RunCommand("{\"id\":\"\xff\"}\n" + std::string(100, '[') + "\n");
    ASSERT_EQ(lines.size(), 2U);
    EXPECT_NE(lines[0].find("assess.bad_json"), std::string::npos);
    EXPECT_NE(lines[1].find("assess.bad_json"), std::string::npos);
}

}  // namespace
