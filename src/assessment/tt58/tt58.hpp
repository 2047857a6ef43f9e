#pragma once

#include <cstdint>
#include <span>

#include "assessment/model.hpp"
#include "assessment/subject_catalog.hpp"

namespace hocvu::assessment::tt58 {

/// TT58 học lực, as ranks.
inline constexpr Rank kKem = 0;
inline constexpr Rank kYeu = 1;
inline constexpr Rank kTrungBinh = 2;
inline constexpr Rank kKha = 3;
inline constexpr Rank kGioi = 4;

/// Required regular assessments per semester. TT26 (amending TT58 Điều 8): exactly 2 for ≤ 35 periods a year,
/// 3 for 36–70, 4 for > 70. TT58 (2011) Điều 8 khoản 1: at least 2 for ≤ 1 period a week, 3 for more than 1
/// and fewer than 3, 4 for 3 or more (35 weeks a year).
[[nodiscard]] int RequiredRegularCount(Regulation regulation, int periods_per_year);

/// True when the regulation fixes the count exactly (TT26); TT58 (2011) gives a minimum.
[[nodiscard]] bool RegularCountIsExact(Regulation regulation);

/// One scored subject's average in a period, with its role for the Toán/Văn(/Ngoại ngữ) condition.
struct ScoredEntry {
    std::int16_t subject;
    Tenths value;
    SubjectRole role;
};
/// One comment subject's result in a period.
struct CommentEntry {
    std::int16_t subject;
    bool pass;
};

/// TT58 Điều 13 khoản 1–5 (TT26 adds Ngoại ngữ to the core subjects) and khoản 6 (A20) for one period, on the
/// overall average rounded half-up before the thresholds (A19).
[[nodiscard]] LevelDecision DecideLearning(Regulation regulation, std::span<const ScoredEntry> scored,
                                           std::span<const CommentEntry> comments);

/// Assesses a TT58 or TT26 student-year into `result` (cleared first).
void Assess(const StudentYear& student, Assessment& result);

}  // namespace hocvu::assessment::tt58
