#pragma once

#include <optional>
#include <string>
#include <vector>

namespace hocvu::timetable {

/// A teaching day of the week (Thứ 2 … Thứ 7), as named by the school.
struct Day {
    std::string id;
    std::string name;
};

/// A subject (môn học) taught in the school.
struct Subject {
    std::string id;
    std::string name;
};

/// A period of the week: day index and period index, both 0-based.
struct Slot {
    int day = 0;
    int period = 0;

    friend bool operator==(const Slot&, const Slot&) = default;
};

/// A teacher (giáo viên) with the periods they asked not to teach.
struct Teacher {
    std::string id;
    std::string name;
    std::vector<Slot> unavailable;  ///< hard: registered days off (ngày nghỉ) and busy periods (tiết bận)
    std::optional<int> max_days;    ///< hard cap on teaching days per week (số buổi dạy), if any
};

/// A class (lớp) of students; its homeroom teacher (GVCN) is informative only.
struct SchoolClass {
    std::string id;
    int grade = 0;
};

/// One schedulable block of a lesson: `duration` consecutive periods on one day (2 = tiết đôi).
struct Component {
    int id = 0;  ///< the instance's component id (FET activity id), echoed in solutions
    int duration = 1;
};

/// The weekly periods of one subject in one class, taught by one teacher, split into components.
struct Lesson {
    std::string id;
    int class_index = 0;
    int subject_index = 0;
    int teacher_index = 0;
    std::vector<Component> components;
    int min_days_between = 0;  ///< components at least this many days apart (when split rule is on)
};

/// A subject whose every component must start at one given slot (chào cờ, sinh hoạt lớp).
struct FixedSlot {
    int subject_index = 0;
    Slot slot;
};

/// The hard rules of `tkb-instance/1`; optional caps are absent when not imposed.
struct Rules {
    std::vector<FixedSlot> fixed_slots;
    bool class_no_gaps = true;
    bool class_start_first_period = true;
    bool split_components_different_days = true;
    std::vector<int> double_period_forbidden_starts;
    std::vector<int> subjects_not_in_last_period;  ///< subject indices
    std::optional<int> teacher_max_periods_per_day;
    std::optional<int> teacher_max_gaps_per_week;
    std::optional<int> teacher_max_gaps_per_day;
    std::optional<int> teacher_min_periods_per_teaching_day;
};

/// Weights of the objective: penalty per teacher gap (tiết trống) and per single-period teaching day.
struct SoftWeights {
    int teacher_gap = 1;
    int teacher_single_period_day = 1;
};

/// A timetabling instance (`tkb-instance/1`), with every reference resolved to an index.
struct Instance {
    std::string name;
    int periods_per_day = 5;
    std::vector<Day> days;
    std::vector<Subject> subjects;
    std::vector<Teacher> teachers;
    std::vector<SchoolClass> classes;
    std::vector<Lesson> lessons;
    Rules rules;
    SoftWeights soft;

    /// Number of components over all lessons; a Timetable has one placement per component, lesson by lesson.
    [[nodiscard]] int ComponentCount() const;
};

/// Start slot of every component, in lesson order then component order.
using Timetable = std::vector<Slot>;

}  // namespace hocvu::timetable
