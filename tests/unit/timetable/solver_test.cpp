#include "timetable/solver.hpp"

#include <atomic>

#include <gtest/gtest.h>

#include "test_instances.hpp"
#include "timetable/evaluation.hpp"

namespace hocvu::timetable {
namespace {

SolveResult SolveFor(const Instance& instance, int epochs, std::uint64_t seed = 1, int workers = 2) {
    SolverOptions options;
    options.seed = seed;
    options.workers = workers;
    options.max_epochs = epochs;
    return Solve(instance, options);
}

TEST(TimetableSolver, SolvesTheHandMadeInstance) {
    const Instance instance = testing::TinyInstance();
    const SolveResult result = SolveFor(instance, 5);
    ASSERT_EQ(result.status, SolveStatus::kFeasible);
    EXPECT_EQ(Evaluate(instance, result.timetable).HardTotal(), 0);
}

class TimetableSolverGolden : public ::testing::TestWithParam<const char*> {};

TEST_P(TimetableSolverGolden, ReturnsValidTimetablesAndImproves) {
    const Instance instance = testing::LoadGolden(GetParam());
    SolverOptions options;
    options.max_epochs = 6;
    long long first_objective = -1;
    options.on_progress = [&first_objective](const SolverProgress& progress) {
        if (progress.epoch == 0) {
            EXPECT_TRUE(progress.feasible);
            first_objective = progress.objective;
        }
    };
    const SolveResult result = Solve(instance, options);
    ASSERT_EQ(result.status, SolveStatus::kFeasible);
    EXPECT_EQ(result.first_feasible_epoch, 0);
    const Evaluation evaluation = Evaluate(instance, result.timetable);
    EXPECT_EQ(evaluation.HardTotal(), 0);
    EXPECT_LE(result.objective, first_objective);
    EXPECT_EQ(evaluation.objective, result.objective);
}

INSTANTIATE_TEST_SUITE_P(Generated, TimetableSolverGolden,
                         ::testing::Values("thcs_4c_s1", "thpt_6c_s2", "thcs_8c_s3_caps"));

TEST(TimetableSolver, SameSeedGivesSameTimetableWhateverTheThreadTiming) {
    const Instance instance = testing::LoadGolden("thpt_6c_s2");
    const SolveResult a = SolveFor(instance, 3, 42);
    const SolveResult b = SolveFor(instance, 3, 42);
    EXPECT_EQ(a.timetable, b.timetable);
    EXPECT_EQ(a.objective, b.objective);
    const SolveResult c = SolveFor(instance, 2, 43);
    EXPECT_EQ(c.status, SolveStatus::kFeasible);
}

TEST(TimetableSolver, OneWorkerPortfolioIsDeterministicToo) {
    const Instance instance = testing::LoadGolden("thcs_4c_s1");
    EXPECT_EQ(SolveFor(instance, 4, 5, 1).timetable, SolveFor(instance, 4, 5, 1).timetable);
}

TEST(TimetableSolver, StopsWhenAskedWithTheFirstValidTimetable) {
    const Instance instance = testing::LoadGolden("thpt_6c_s2");
    SolverOptions options;
    std::atomic<int> polls{0};
    options.should_stop = [&polls] { return ++polls > 0; };
    int progress_calls = 0;
    options.on_progress = [&progress_calls](const SolverProgress& progress) {
        ++progress_calls;
        EXPECT_TRUE(progress.feasible);
    };
    const SolveResult result = Solve(instance, options);
    EXPECT_EQ(result.status, SolveStatus::kFeasible);
    EXPECT_EQ(result.epochs, 1);
    EXPECT_EQ(progress_calls, 1);
    EXPECT_EQ(Evaluate(instance, result.timetable).HardTotal(), 0);
}

TEST(TimetableSolver, ReportsNoTimetableWhenATeacherIsAwayAllWeek) {
    const Instance instance = testing::LoadGolden("infeasible_teacher_all_week");
    const SolveResult result = SolveFor(instance, 2);
    EXPECT_EQ(result.status, SolveStatus::kNoTimetableFound);
    EXPECT_GT(result.hard_violations, 0);
}

}  // namespace
}  // namespace hocvu::timetable
