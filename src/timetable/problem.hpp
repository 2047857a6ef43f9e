#pragma once

#include <cstdint>
#include <vector>

#include "timetable/model.hpp"

namespace hocvu::timetable {

/// The instance flattened for the search: components, classes and teachers as dense indices and bit masks.
/// Periods of a day are bits of a 32-bit mask, so an instance has at most 16 periods per day.
struct Problem {
    int days = 0;
    int periods = 0;
    int slots = 0;
    int classes = 0;
    int teachers = 0;
    int lessons = 0;
    int components = 0;

    std::vector<int> comp_class;
    std::vector<int> comp_teacher;
    std::vector<int> comp_lesson;
    std::vector<int> comp_duration;
    std::vector<int> comp_fixed_slot;  ///< start slot index, or −1
    std::vector<std::uint8_t> comp_not_last;

    std::vector<std::vector<int>> lesson_comps;
    std::vector<int> lesson_min_days;  ///< 0: components may share a day

    std::vector<std::vector<int>> class_comps;
    std::vector<int> class_periods;
    std::vector<std::vector<int>> teacher_comps;
    std::vector<std::vector<int>> teacher_classes;
    std::vector<int> teacher_load;

    std::vector<std::uint32_t> unavailable_mask;  ///< teacher × day
    std::vector<int> max_days;                    ///< per teacher, −1 = no cap
    int max_periods_per_day = -1;
    int max_gaps_per_week = -1;
    int max_gaps_per_day = -1;
    int min_periods_per_day = -1;

    std::uint32_t forbidden_double_starts = 0;
    std::vector<std::uint8_t> allowed_class_day;  ///< indexed by a class's day mask: 1 if the day's shape is allowed

    int weight_gap = 1;
    int weight_single_day = 1;

    [[nodiscard]] int Slot(int day, int period) const { return day * periods + period; }
};

/// A lower bound on the single-period teaching days of every timetable of the problem, from the fixed lessons
/// and the teachers' availability alone. A day on which a teacher has exactly one fixed period is a
/// single-period day unless another lesson of theirs comes on that day: it always is when the teacher is
/// unavailable in every other period of it, and otherwise each of the teacher's other components can rescue
/// at most one such day (a component lies on one day). A teacher with a single period in the week has one.
/// 0 when the instance gives single-period days no weight.
[[nodiscard]] int SinglePeriodDayLowerBound(const Problem& problem);

/// Builds the search view of an instance. The instance must have 1…16 periods per day and at least one day.
[[nodiscard]] Problem BuildProblem(const Instance& instance);

}  // namespace hocvu::timetable
