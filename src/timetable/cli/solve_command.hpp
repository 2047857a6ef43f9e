#pragma once

#include <cstdint>
#include <string>

namespace hocvu::timetable {

/// Options of `hocvu timetable solve INSTANCE.json [--time-limit SECONDS] [--seed N] [--out FILE]`.
struct SolveCommandOptions {
    std::string instance_path;
    double time_limit_seconds = 30.0;
    std::uint64_t seed = 1;
    std::string out_path;  ///< empty: write the solution to standard output
    int threads = 2;
    bool single_days_first = true;  ///< SolverOptions::single_days_first
    int single_day_price = 0;       ///< SolverOptions::single_day_price (0 = default)
};

/// Runs the solver on an instance file; progress goes to stderr. Returns the process exit code: 0 with a
/// solution written, non-zero with a diagnosis on stderr when the instance is invalid or infeasible.
int RunSolveCommand(const SolveCommandOptions& options);

}  // namespace hocvu::timetable
