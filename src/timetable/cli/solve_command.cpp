#include "timetable/cli/solve_command.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "timetable/cli/diagnosis_text.hpp"
#include "timetable/cli/instance_json.hpp"
#include "timetable/cli/solution_json.hpp"
#include "timetable/diagnosis.hpp"
#include "timetable/evaluation.hpp"
#include "timetable/solver.hpp"

namespace hocvu::timetable {

namespace {

constexpr int kExitIo = 1;
constexpr int kExitBadInstance = 2;
constexpr int kExitInfeasible = 3;
constexpr double kMinDiagnosisSeconds = 20.0;

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
    return std::chrono::duration<double>(Clock::now() - since).count();
}

}  // namespace

int RunSolveCommand(const SolveCommandOptions& options) {
    const Clock::time_point started = Clock::now();
    std::ifstream in(options.instance_path, std::ios::binary);
    if (!in) {
        std::cerr << "error: cannot read instance file " << options.instance_path << '\n';
        return kExitIo;
    }
    std::ostringstream text;
    text << in.rdbuf();
    const ParsedInstance parsed = ParseInstanceJson(text.str());
    if (!parsed.instance) {
        std::cerr << "error: " << options.instance_path << ": field " << parsed.error.field << ' '
                  << parsed.error.message << '\n';
        return kExitBadInstance;
    }
    const Instance& instance = *parsed.instance;
    std::cerr << "instance " << instance.name << ": " << instance.classes.size() << " classes, "
              << instance.teachers.size() << " teachers, " << instance.ComponentCount() << " components\n";

    const double limit = std::max(0.0, options.time_limit_seconds);
    double first_feasible = -1.0;
    SolverOptions solver_options;
    solver_options.seed = options.seed;
    solver_options.workers = std::max(1, options.threads);
    solver_options.single_days_first = options.single_days_first;
    solver_options.single_day_price = options.single_day_price;
    solver_options.should_stop = [started, limit] { return Seconds(started) >= limit; };
    solver_options.on_progress = [&](const SolverProgress& progress) {
        const double elapsed = Seconds(started);
        if (progress.feasible && first_feasible < 0) {
            first_feasible = elapsed;
        }
        char line[200];
        std::snprintf(
            line, sizeof line, "[%8.3f s] epoch %d: %s objective %lld (gaps %d, single-period days %d)%s\n", elapsed,
            progress.epoch, progress.feasible ? "valid," : "not valid yet,", progress.objective, progress.teacher_gaps,
            progress.single_period_days,
            progress.feasible ? "" : (" hard violations " + std::to_string(progress.hard_violations)).c_str());
        std::cerr << line;
    };
    const SolveResult result = Solve(instance, solver_options);

    if (result.status != SolveStatus::kFeasible) {
        std::cerr << "no valid timetable found after " << Seconds(started) << " s; diagnosing…\n";
        const Clock::time_point diagnosis_start = Clock::now();
        const double diagnosis_limit = std::max(kMinDiagnosisSeconds, limit);
        DiagnoseOptions diagnose_options;
        diagnose_options.seed = options.seed;
        diagnose_options.should_stop = [diagnosis_start, diagnosis_limit] {
            return Seconds(diagnosis_start) >= diagnosis_limit;
        };
        const Diagnosis diagnosis = Diagnose(instance, diagnose_options);
        std::cerr << DiagnosisText(instance, diagnosis);
        return kExitInfeasible;
    }

    const Evaluation evaluation = Evaluate(instance, result.timetable);
    SolutionStats stats;
    stats.elapsed_seconds = Seconds(started);
    stats.first_feasible_seconds = first_feasible;
    stats.epochs = result.epochs;
    stats.seed = options.seed;
    stats.workers = solver_options.workers;
    stats.single_period_days_lower_bound = result.single_period_days_lower_bound;
    const std::string json = SolutionToJson(instance, result.timetable, evaluation, stats);
    if (options.out_path.empty()) {
        std::cout << json;
    } else {
        std::ofstream out(options.out_path, std::ios::binary | std::ios::trunc);
        out << json;
        if (!out) {
            std::cerr << "error: cannot write " << options.out_path << '\n';
            return kExitIo;
        }
    }
    std::cerr << "done in " << stats.elapsed_seconds << " s: objective " << evaluation.objective << ", teacher gaps "
              << evaluation.teacher_gaps << " ("
              << static_cast<double>(evaluation.teacher_gaps) /
                     static_cast<double>(std::max<std::size_t>(1, instance.teachers.size()))
              << " per teacher), single-period days " << evaluation.teacher_single_period_days
              << " (unavoidable: at least " << result.single_period_days_lower_bound << ")\n";
    return 0;
}

}  // namespace hocvu::timetable
