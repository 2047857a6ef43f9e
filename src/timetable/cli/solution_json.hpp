#pragma once

#include <string>

#include "timetable/evaluation.hpp"
#include "timetable/model.hpp"

namespace hocvu::timetable {

/// Run facts reported next to the assignments.
struct SolutionStats {
    double elapsed_seconds = 0.0;
    double first_feasible_seconds = -1.0;
    int epochs = 0;
    unsigned long long seed = 0;
    int workers = 0;
    int single_period_days_lower_bound = 0;  ///< SolveResult::single_period_days_lower_bound
};

/// Writes `{"assignments":[{"id","day","period"}…],"stats":{…}}`, the format `check_solution.py` reads.
[[nodiscard]] std::string SolutionToJson(const Instance& instance, const Timetable& timetable,
                                         const Evaluation& evaluation, const SolutionStats& stats);

}  // namespace hocvu::timetable
