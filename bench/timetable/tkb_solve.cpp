#include <cstdlib>
#include <iostream>
#include <string>

#include "timetable/cli/solve_command.hpp"

namespace {

constexpr const char* kUsage =
    "usage: tkb_solve INSTANCE.json [--time-limit SECONDS] [--seed N] [--out FILE] [--threads N]\n"
    "                 [--single-day-price K] [--weights-only]\n"
    "  --single-day-price K  search price of a single-period day, K times the instance's weight (default 3)\n"
    "  --weights-only        rank timetables by the weighted objective alone, not single-period days first\n";

}  // namespace

/// Stand-alone driver of `hocvu timetable solve`, for benchmarks and tests.
int main(int argc, char** argv) {
    hocvu::timetable::SolveCommandOptions options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--time-limit" && has_value) {
            options.time_limit_seconds = std::strtod(argv[++i], nullptr);
        } else if (arg == "--seed" && has_value) {
            options.seed = std::strtoull(argv[++i], nullptr, 10);
        } else if (arg == "--out" && has_value) {
            options.out_path = argv[++i];
        } else if (arg == "--threads" && has_value) {
            options.threads = std::atoi(argv[++i]);
        } else if (arg == "--single-day-price" && has_value) {
            options.single_day_price = std::atoi(argv[++i]);
        } else if (arg == "--weights-only") {
            options.single_days_first = false;
        } else if (!arg.empty() && arg[0] != '-' && options.instance_path.empty()) {
            options.instance_path = arg;
        } else {
            std::cerr << kUsage;
            return 1;
        }
    }
    if (options.instance_path.empty()) {
        std::cerr << kUsage;
        return 1;
    }
    return hocvu::timetable::RunSolveCommand(options);
}
