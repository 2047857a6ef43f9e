#pragma once

#include <map>
#include <string>

#include "timetable/model.hpp"

namespace hocvu::timetable {

/// What a school sees in a timetable: broken hard rules (by the checker's kind names) and the soft metrics.
struct Evaluation {
    std::map<std::string, int> hard_violations;  ///< kind -> count; only kinds with a count > 0
    int teacher_gaps = 0;                        ///< Σ over teacher-days of (last − first + 1 − periods taught)
    int teacher_single_period_days = 0;
    int teachers_with_gaps = 0;
    int max_teacher_gaps_per_week = 0;
    long long objective = 0;  ///< Σ gaps × soft.teacher_gap + Σ single days × soft.teacher_single_period_day

    [[nodiscard]] int HardTotal() const;
};

/// Checks every hard rule of the instance independently of the solver and measures the soft goals.
/// The kinds match `check_solution.py` (class_clash, teacher_unavailable, split_same_day, …).
[[nodiscard]] Evaluation Evaluate(const Instance& instance, const Timetable& timetable);

}  // namespace hocvu::timetable
