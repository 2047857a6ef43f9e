#include "timetable/evaluation.hpp"

#include <gtest/gtest.h>

#include "test_instances.hpp"

namespace hocvu::timetable {
namespace {

using testing::TinyInstance;
using testing::ValidTinyTimetable;

int Count(const Evaluation& evaluation, const char* kind) {
    const auto it = evaluation.hard_violations.find(kind);
    return it == evaluation.hard_violations.end() ? 0 : it->second;
}

TEST(TimetableEvaluation, HandMadeTimetableMeetsEveryRule) {
    const Evaluation evaluation = Evaluate(TinyInstance(), ValidTinyTimetable());
    EXPECT_EQ(evaluation.HardTotal(), 0);
    EXPECT_EQ(evaluation.teacher_gaps, 2);
    EXPECT_EQ(evaluation.teacher_single_period_days, 2);
    EXPECT_EQ(evaluation.objective, 4);
    EXPECT_EQ(evaluation.max_teacher_gaps_per_week, 1);
}

TEST(TimetableEvaluation, SoftWeightsScaleTheObjective) {
    Instance instance = TinyInstance();
    instance.soft = {3, 5};
    EXPECT_EQ(Evaluate(instance, ValidTinyTimetable()).objective, 2 * 3 + 2 * 5);
}

TEST(TimetableEvaluation, DetectsClassClash) {
    Timetable t = ValidTinyTimetable();
    t[4] = {1, 1};  // Văn 6A1 onto the Toán double
    EXPECT_GT(Count(Evaluate(TinyInstance(), t), "class_clash"), 0);
}

TEST(TimetableEvaluation, DetectsTeacherClash) {
    Instance instance = TinyInstance();
    instance.lessons[5].teacher_index = 1;  // KHTN 6A2 now taught by the Toán teacher, busy at Thứ 2 tiết 2
    EXPECT_GT(Count(Evaluate(instance, ValidTinyTimetable()), "teacher_clash"), 0);
}

TEST(TimetableEvaluation, DetectsFixedSlot) {
    Timetable t = ValidTinyTimetable();
    std::swap(t[0], t[2]);  // chào cờ leaves Thứ 2 tiết 1
    EXPECT_EQ(Count(Evaluate(TinyInstance(), t), "fixed_slot"), 1);
}

TEST(TimetableEvaluation, DetectsSplitComponentsOnOneDay) {
    Timetable t = ValidTinyTimetable();
    t[4] = {0, 2};
    EXPECT_EQ(Count(Evaluate(TinyInstance(), t), "split_same_day"), 1);
}

TEST(TimetableEvaluation, DetectsDoubleAcrossBreak) {
    Timetable t = ValidTinyTimetable();
    t[1] = {1, 1};
    t[4] = {1, 0};
    EXPECT_EQ(Count(Evaluate(TinyInstance(), t), "double_across_break"), 1);
}

TEST(TimetableEvaluation, DetectsSubjectInLastPeriod) {
    Timetable t = ValidTinyTimetable();
    std::swap(t[2], t[3]);  // Toán single to tiết 3
    EXPECT_EQ(Count(Evaluate(TinyInstance(), t), "subject_in_last_period"), 1);
}

TEST(TimetableEvaluation, DetectsLateStartAndClassGap) {
    Timetable t = ValidTinyTimetable();
    t[9] = {1, 2};  // 6A2 Thứ 3: tiết 2 and 3, nothing at tiết 1
    EXPECT_EQ(Count(Evaluate(TinyInstance(), t), "class_late_start"), 1);
    Timetable u = ValidTinyTimetable();
    u[7] = {1, 2};  // 6A2 Thứ 3: tiết 1 and 3
    EXPECT_EQ(Count(Evaluate(TinyInstance(), u), "class_gap"), 1);
}

TEST(TimetableEvaluation, DetectsTeacherUnavailable) {
    Instance instance = TinyInstance();
    instance.teachers[0].unavailable = {{1, 1}};
    EXPECT_EQ(Count(Evaluate(instance, ValidTinyTimetable()), "teacher_unavailable"), 1);
}

TEST(TimetableEvaluation, DetectsOptionalTeacherCaps) {
    Instance instance = TinyInstance();
    instance.rules.teacher_max_periods_per_day = 2;
    instance.rules.teacher_min_periods_per_teaching_day = 2;
    instance.rules.teacher_max_gaps_per_day = 0;
    instance.rules.teacher_max_gaps_per_week = 0;
    instance.teachers[0].max_days = 1;
    const Evaluation evaluation = Evaluate(instance, ValidTinyTimetable());
    EXPECT_EQ(Count(evaluation, "teacher_max_per_day"), 1);
    EXPECT_EQ(Count(evaluation, "teacher_min_per_day"), 2);
    EXPECT_EQ(Count(evaluation, "teacher_max_gaps_day"), 2);
    EXPECT_EQ(Count(evaluation, "teacher_max_gaps_week"), 2);
    EXPECT_EQ(Count(evaluation, "teacher_max_days"), 1);
}

TEST(TimetableEvaluation, DetectsOutOfBounds) {
    Timetable t = ValidTinyTimetable();
    t[1] = {1, 2};  // a double starting at the last period
    EXPECT_EQ(Count(Evaluate(TinyInstance(), t), "out_of_bounds"), 1);
}

}  // namespace
}  // namespace hocvu::timetable
