#include "assessment/rollout.hpp"

namespace hocvu::assessment {
namespace {

// TT22/2021 Điều 21 khoản 1: grade 6 from 2021-2022; 7 and 10 from 2022-2023; 8 and 11 from 2023-2024;
// 9 and 12 from 2024-2025. Indexed by grade; 0 for primary grades.
constexpr int kTt22FirstYear[13] = {0, 0, 0, 0, 0, 0, 2021, 2022, 2023, 2024, 2022, 2023, 2024};

// TT27/2020 Điều 2: grade 1 from 2020-2021, grade 2 from 2021-2022 … grade 5 from 2024-2025.
constexpr int kTt27FirstYear[6] = {0, 2020, 2021, 2022, 2023, 2024};

// Roll-out rule R1: TT26/2020 came into force on 11/10/2020, in the first weeks of 2020-2021, so the whole of
// 2020-2021 is assessed under TT58 as amended by TT26; earlier years under the original TT58.
constexpr int kRolloutTt26FromYear = 2020;

// TT58/2011 replaced QĐ 40/2006 from 2011-2012; earlier years are not supported.
constexpr int kRolloutTt58FromYear = 2011;

}  // namespace

std::optional<SchoolLevel> LevelOfGrade(int grade) {
    if (grade >= 1 && grade <= 5) {
        return SchoolLevel::kPrimary;
    }
    if (grade >= 6 && grade <= 9) {
        return SchoolLevel::kLowerSecondary;
    }
    if (grade >= 10 && grade <= 12) {
        return SchoolLevel::kUpperSecondary;
    }
    return std::nullopt;
}

std::optional<Regulation> RegulationFor(int school_year_start, SchoolLevel level, int grade) {
    if (LevelOfGrade(grade) != level) {
        return std::nullopt;
    }
    if (level == SchoolLevel::kPrimary) {
        if (school_year_start >= kTt27FirstYear[grade]) {
            return Regulation::kTt27;
        }
        return std::nullopt;
    }
    if (school_year_start >= kTt22FirstYear[grade]) {
        return Regulation::kTt22;
    }
    if (school_year_start >= kRolloutTt26FromYear) {
        return Regulation::kTt26;
    }
    if (school_year_start >= kRolloutTt58FromYear) {
        return Regulation::kTt58;
    }
    return std::nullopt;
}

}  // namespace hocvu::assessment
