#pragma once

#include "assessment/model.hpp"

namespace hocvu::assessment::tt27 {

/// TT27 year-end levels, as ranks.
inline constexpr Rank kChuaHoanThanh = 0;
inline constexpr Rank kHoanThanh = 1;
inline constexpr Rank kHoanThanhTot = 2;
inline constexpr Rank kHoanThanhXuatSac = 3;

/// TT27 Điều 7 khoản 2, Điều 3: 5 qualities + 3 general + 7 specific competencies.
inline constexpr int kQualityCount = 15;

/// TT27 Điều 7 khoản 1: whether the subject has an end-of-year periodic test in `grade` (A11: Ngoại ngữ 1 only
/// from grade 3, where it is compulsory).
[[nodiscard]] bool HasYearTest(const SubjectInput& subject, int grade);

/// Assesses a TT27 student-year into `result` (cleared first): Điều 9 khoản 2 (year-end level), Điều 11
/// (completion, principal decision), Điều 13 (titles).
void Assess(const StudentYear& student, Assessment& result);

}  // namespace hocvu::assessment::tt27
