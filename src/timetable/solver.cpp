#include "timetable/solver.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstddef>
#include <memory>
#include <thread>
#include <vector>

#include "timetable/evaluation.hpp"
#include "timetable/local_search.hpp"
#include "timetable/problem.hpp"
#include "timetable/rng.hpp"

namespace hocvu::timetable {

namespace {

// Annealing cycles: each worker cools from kStartTemperature to kEndTemperature over kEpochsPerCycle epochs,
// then restarts from the portfolio's best timetable at a start temperature lowered by kReheat per cycle.
constexpr double kStartTemperature = 0.8;
constexpr double kEndTemperature = 0.06;
constexpr int kEpochsPerCycle = 20;
constexpr double kReheat = 0.7;
constexpr int kConstructionAttempts = 20;
constexpr long long kFirstRequestWeight = 3;
// Price of one unit over a teacher cap while annealing: starts low and rises by half each epoch the caps stay
// broken, up to kMaxRequestWeight soft units.
constexpr long long kMaxRequestWeight = 30;
// Default search price of a single-period day, in units of the instance's weight for it.
constexpr int kSingleDayPrice = 3;

struct Worker {
    Worker(const Problem& problem, std::uint64_t seed, const SearchWeights& weights)
        : state(problem, {}, weights), rng(seed) {}

    SearchState state;
    Rng rng;
    bool constructed = false;
    bool invalid = false;
    int cycle_epoch = 0;
    int cycles = 0;
    bool priced_requests = false;
};

bool Better(const SearchState& a, const SearchState& b) {
    if (a.BestHard() != b.BestHard()) {
        return a.BestHard() < b.BestHard();
    }
    return a.BestSingles() < b.BestSingles() || (a.BestSingles() == b.BestSingles() && a.BestSoft() < b.BestSoft());
}

Timetable ToTimetable(const Problem& problem, const std::vector<int>& starts) {
    Timetable timetable(static_cast<std::size_t>(problem.components));
    for (int c = 0; c < problem.components; ++c) {
        const int slot = starts[static_cast<std::size_t>(c)];
        timetable[static_cast<std::size_t>(c)] = Slot{slot / problem.periods, slot % problem.periods};
    }
    return timetable;
}

}  // namespace

SolveResult Solve(const Instance& instance, const SolverOptions& options) {
    const Problem problem = BuildProblem(instance);
    const int worker_count = std::max(1, options.workers);
    const long long budget =
        options.epoch_budget > 0 ? options.epoch_budget : std::max<long long>(20000, 150LL * problem.components);

    const int single_lower_bound = SinglePeriodDayLowerBound(problem);
    SearchWeights weights;
    weights.single_days_first = options.single_days_first;
    // Construction and repair see single-period days at the instance's weight (their job is the hard rules);
    // once a worker has a valid timetable its annealing prices them higher, so that it trades a few gaps for one.
    const long long single_day_price = static_cast<long long>(problem.weight_single_day) *
                                       (options.single_day_price > 0 ? options.single_day_price : kSingleDayPrice);
    std::vector<std::unique_ptr<Worker>> workers;
    for (int w = 0; w < worker_count; ++w) {
        workers.push_back(std::make_unique<Worker>(
            problem, options.seed * 0x9E3779B97F4A7C15ULL + static_cast<std::uint64_t>(w), weights));
    }
    std::atomic<bool> aborted{false};
    const std::function<bool()> abort = [&]() {
        if (aborted.load(std::memory_order_relaxed)) {
            return true;
        }
        if (options.should_stop && options.should_stop()) {
            aborted.store(true, std::memory_order_relaxed);
            return true;
        }
        return false;
    };
    const std::function<bool()> never = [] { return false; };

    SolveResult result;
    result.single_period_days_lower_bound = single_lower_bound;
    long long best_hard = -1;
    long long best_singles = 0;
    long long best_soft = 0;
    std::vector<int> best_starts;

    for (int epoch = 0; options.max_epochs <= 0 || epoch < options.max_epochs; ++epoch) {
        if (epoch > 0 && abort()) {
            break;
        }
        auto run = [&](Worker& worker) {
            if (!worker.constructed) {
                // The first epoch builds a timetable and repairs it; it is not interrupted, so there is
                // always a result to return.
                for (int attempt = 0; attempt < kConstructionAttempts && !worker.constructed; ++attempt) {
                    worker.constructed = worker.state.Construct(worker.rng);
                }
                worker.invalid = !worker.constructed;
                if (worker.constructed) {
                    worker.state.Repair(worker.rng, 10 * budget, never, RepairGoal::kAllRules);
                }
                return;
            }
            if (worker.state.Clashes() > 0) {
                worker.state.Repair(worker.rng, budget, abort, RepairGoal::kClashes);
                return;
            }
            // Teacher requests and caps still broken: anneal with a price on them that rises while they stay
            // broken, so the search can trade them against the soft goals instead of freezing.
            if (worker.state.Hard() > 0) {
                const long long weight =
                    worker.priced_requests ? worker.state.RequestWeight() * 3 / 2 + 1 : kFirstRequestWeight;
                worker.priced_requests = true;
                worker.state.SetRequestWeight(std::min(kMaxRequestWeight, weight));
                worker.state.SetUnavailableWeight(std::min(kMaxRequestWeight, weight));
            }
            // Until the worker has met every teacher request, single-period days keep the instance's weight:
            // a higher price would compete with the price of the requests and slow the repair down.
            worker.state.SetSingleDayPrice(worker.state.BestHard() == 0 ? single_day_price : problem.weight_single_day);
            const double span = static_cast<double>(kEpochsPerCycle);
            const double ratio = kEndTemperature / kStartTemperature;
            const double t0 = kStartTemperature * std::pow(kReheat, worker.cycles);
            const double t_from = std::max(kEndTemperature, t0 * std::pow(ratio, worker.cycle_epoch / span));
            const double t_to = std::max(kEndTemperature, t0 * std::pow(ratio, (worker.cycle_epoch + 1) / span));
            worker.state.Anneal(worker.rng, budget, t_from, t_to, abort);
            ++worker.cycle_epoch;
        };
        if (worker_count == 1) {
            run(*workers[0]);
        } else {
            std::vector<std::thread> threads;
            for (auto& worker : workers) {
                threads.emplace_back([&run, &worker] { run(*worker); });
            }
            for (std::thread& thread : threads) {
                thread.join();
            }
        }
        if (epoch > 0 && aborted.load()) {
            break;
        }
        if (workers[0]->invalid) {
            result.status = SolveStatus::kInvalidInstance;
            return result;
        }
        result.epochs = epoch + 1;

        int best_worker = -1;
        for (int w = 0; w < worker_count; ++w) {
            const SearchState& state = workers[static_cast<std::size_t>(w)]->state;
            if (best_worker < 0 || Better(state, workers[static_cast<std::size_t>(best_worker)]->state)) {
                best_worker = w;
            }
        }
        const SearchState& leader = workers[static_cast<std::size_t>(best_worker)]->state;
        if (best_hard < 0 || leader.BestHard() < best_hard ||
            (leader.BestHard() == best_hard &&
             (leader.BestSingles() < best_singles ||
              (leader.BestSingles() == best_singles && leader.BestSoft() < best_soft)))) {
            best_hard = leader.BestHard();
            best_singles = leader.BestSingles();
            best_soft = leader.BestSoft();
            best_starts = leader.BestStarts();
            const Timetable timetable = ToTimetable(problem, best_starts);
            const Evaluation evaluation = Evaluate(instance, timetable);
            result.timetable = timetable;
            result.hard_violations = evaluation.HardTotal();
            result.objective = evaluation.objective;
            if (result.hard_violations == 0 && result.first_feasible_epoch < 0) {
                result.first_feasible_epoch = epoch;
            }
            if (options.on_progress) {
                options.on_progress(SolverProgress{epoch, result.hard_violations == 0, result.hard_violations,
                                                   result.objective, evaluation.teacher_gaps,
                                                   evaluation.teacher_single_period_days});
            }
        }
        if (best_hard == 0 && best_soft == static_cast<long long>(single_lower_bound) * problem.weight_single_day) {
            // Every hard rule met, no gap and only the unavoidable single-period days left: optimal.
            break;
        }
        for (auto& worker : workers) {
            if (worker->cycle_epoch >= kEpochsPerCycle) {
                worker->cycle_epoch = 0;
                ++worker->cycles;
                worker->state.Load(best_starts);
            }
        }
    }
    result.status = result.hard_violations == 0 && !result.timetable.empty() ? SolveStatus::kFeasible
                                                                             : SolveStatus::kNoTimetableFound;
    return result;
}

}  // namespace hocvu::timetable
