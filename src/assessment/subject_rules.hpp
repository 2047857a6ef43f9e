#pragma once

#include <cstdint>

#include "assessment/model.hpp"

namespace hocvu::assessment {

/// The most subjects one student-year may have (the JSON Lines adapter rejects more).
inline constexpr int kMaxSubjects = 32;

/// The exact pieces of a semester average, kept so that an explanation can show the division.
struct AverageParts {
    std::int64_t numerator_tenths = 0;  ///< Σ regular + 2·Σ mid-term + 3·final, in tenths
    std::int32_t denominator = 0;       ///< regular count + 2·mid-term count + 3
    Tenths value;                       ///< numerator / denominator rounded half up (A1)
};

/// Counts what is missing from a semester of a subject: regular assessments short of `required_regular`
/// (entries that are Missing, or entries never written), a missing mid-term and a missing final.
struct SemesterGaps {
    std::int16_t regular = 0;
    std::int16_t midterm = 0;
    std::int16_t final = 0;
    [[nodiscard]] bool Any() const { return regular + midterm + final > 0; }
};

/// The gaps of `marks` against `required_regular` regular and `required_midterm` mid-term assessments.
[[nodiscard]] SemesterGaps FindGaps(const SemesterMarks& marks, int required_regular, int required_midterm);

/// TT22 Điều 9 khoản 1, TT26 Điều 10, TT58 Điều 10 khoản 1 (they agree once the one-period tests are counted
/// with weight 2): ĐTBmhk = (ΣĐĐGtx + 2·ΣĐĐGgk + 3·ĐĐGck) / (số ĐĐGtx + 2·số ĐĐGgk + 3), half-up to one decimal.
/// Requires a complete semester of scores (FindGaps found nothing); entries left empty beyond TT58's minimum
/// count are not assessments and are skipped.
[[nodiscard]] AverageParts SemesterAverage(const SemesterMarks& marks);

/// TT22 Điều 9 khoản 1, TT58 Điều 10: ĐTBmcn = (ĐTBmhkI + 2·ĐTBmhkII) / 3 on the recorded (rounded) semester
/// averages (A2), half-up to one decimal.
[[nodiscard]] constexpr Tenths YearAverage(Tenths hk1, Tenths hk2) {
    return Tenths::RoundHalfUp(static_cast<std::int64_t>(hk1.tenths()) + 2 * hk2.tenths(), 3);
}

/// Clears `result` for a new student-year of `subjects` subjects under `regulation`, keeping its capacity.
void ResetAssessment(Regulation regulation, std::size_t subjects, Assessment& result);

/// Appends the gaps of one subject-period to `missing`.
void AppendGaps(const SemesterGaps& gaps, int subject, Period period, std::vector<Missing>& missing);

}  // namespace hocvu::assessment
