#pragma once

#include <cstdint>
#include <span>

#include "assessment/model.hpp"

namespace hocvu::assessment::tt22 {

/// TT22 learning and conduct levels, as ranks.
inline constexpr Rank kChuaDat = 0;
inline constexpr Rank kDat = 1;
inline constexpr Rank kKha = 2;
inline constexpr Rank kTot = 3;

/// TT22 Điều 6 khoản 2 điểm b: ĐĐGtx per semester of a scored subject: 2 for ≤ 35 periods a year, 3 for
/// 36–70, 4 for > 70; a comment subject has 2. Điều 6 khoản 3: each THPT study topic adds one.
[[nodiscard]] int RequiredRegularCount(SubjectKind kind, int periods_per_year, int topics);

/// The year-end or semester result of one scored subject (`value`) or comment subject (`pass`), with the index
/// of the subject in the student-year.
struct ScoredEntry {
    std::int16_t subject;
    Tenths value;
};
/// See ScoredEntry.
struct CommentEntry {
    std::int16_t subject;
    bool pass;
};

/// TT22 Điều 9 khoản 2 (levels) and khoản 3 (one-subject adjustment, A3, A4, A15) for one period.
[[nodiscard]] LevelDecision DecideLearning(std::span<const ScoredEntry> scored, std::span<const CommentEntry> comments);

/// TT22 Điều 8: the year conduct from the two semesters (table in regulations.md §1.10).
[[nodiscard]] Rank ConductYear(Rank hk1, Rank hk2);

/// Assesses a TT22 student-year into `result` (cleared first).
void Assess(const StudentYear& student, Assessment& result);

}  // namespace hocvu::assessment::tt22
