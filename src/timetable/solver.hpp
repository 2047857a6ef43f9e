#pragma once

#include <cstdint>
#include <functional>

#include "timetable/model.hpp"

namespace hocvu::timetable {

/// Where the search stands, reported after every completed epoch.
struct SolverProgress {
    int epoch = 0;
    bool feasible = false;          ///< the best timetable so far meets every hard rule
    long long hard_violations = 0;  ///< of the best timetable so far (teacher clashes + broken teacher rules)
    long long objective = 0;        ///< soft objective of the best timetable so far
    int teacher_gaps = 0;
    int single_period_days = 0;
};

/// How to run the solver. Time never enters the solver: the caller stops it through `should_stop`.
struct SolverOptions {
    std::uint64_t seed = 1;
    /// Portfolio size: one search per worker, each on its own thread. The result depends on the seed, the
    /// number of workers and the number of completed epochs, never on thread timing.
    int workers = 2;
    /// Stop after this many epochs (0 = until `should_stop`).
    int max_epochs = 0;
    /// Move evaluations per worker and epoch; 0 = chosen from the instance size.
    long long epoch_budget = 0;
    /// Polled often from the worker threads; returning true ends the search. Must be thread-safe.
    std::function<bool()> should_stop;
    /// Rank timetables by their single-period teaching days before the weighted objective: the search never
    /// keeps a timetable with more single-period days for fewer gaps (when the instance weighs them at all).
    bool single_days_first = true;
    /// Search price of one single-period day in units of the instance's weight; 0 = the solver's default.
    int single_day_price = 0;
    /// Called on the calling thread after each completed epoch.
    std::function<void(const SolverProgress&)> on_progress;
};

/// Outcome of a solve.
enum class SolveStatus {
    kFeasible,          ///< `timetable` meets every hard rule
    kNoTimetableFound,  ///< no timetable meeting every hard rule was found (see Diagnose)
    kInvalidInstance,   ///< some class has no valid week even ignoring teachers
};

/// The best timetable of the completed epochs, with its scores.
struct SolveResult {
    SolveStatus status = SolveStatus::kNoTimetableFound;
    Timetable timetable;
    long long hard_violations = 0;
    long long objective = 0;
    int epochs = 0;
    int first_feasible_epoch = -1;  ///< first epoch whose best timetable was feasible, −1 if none
    /// Single-period days that every timetable of the instance has (SinglePeriodDayLowerBound): the search
    /// stops early when it reaches this bound with no gap, and a result above 0 here is unavoidable.
    int single_period_days_lower_bound = 0;
};

/// Builds a valid timetable quickly, then improves the weighted objective until stopped (anytime).
[[nodiscard]] SolveResult Solve(const Instance& instance, const SolverOptions& options);

}  // namespace hocvu::timetable
