#pragma once

#include "assessment/model.hpp"

namespace hocvu::assessment {

/// Assesses one student-year under `student.regulation` into `result`, which is cleared first and may be reused
/// between calls. Pure: no I/O, no allocation once `result` has grown to the largest student-year seen.
/// Throws std::length_error for more than kMaxSubjects subjects (callers validate input first).
void Assess(const StudentYear& student, Assessment& result);

}  // namespace hocvu::assessment
