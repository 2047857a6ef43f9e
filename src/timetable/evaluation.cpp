#include "timetable/evaluation.hpp"

#include <algorithm>
#include <cstddef>
#include <set>
#include <vector>

namespace hocvu::timetable {

int Instance::ComponentCount() const {
    int count = 0;
    for (const Lesson& lesson : lessons) {
        count += static_cast<int>(lesson.components.size());
    }
    return count;
}

int Evaluation::HardTotal() const {
    int total = 0;
    for (const auto& [kind, count] : hard_violations) {
        total += count;
    }
    return total;
}

namespace {

bool Contains(const std::vector<int>& values, int value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

}  // namespace

Evaluation Evaluate(const Instance& instance, const Timetable& timetable) {
    Evaluation result;
    const int days = static_cast<int>(instance.days.size());
    const int periods = instance.periods_per_day;
    const int slots = days * periods;
    const Rules& rules = instance.rules;
    auto bad = [&result](const char* kind) { ++result.hard_violations[kind]; };

    std::vector<int> class_count(instance.classes.size() * static_cast<std::size_t>(slots), 0);
    std::vector<int> teacher_count(instance.teachers.size() * static_cast<std::size_t>(slots), 0);
    std::size_t index = 0;
    for (const Lesson& lesson : instance.lessons) {
        std::vector<int> days_used;
        const bool not_last = Contains(rules.subjects_not_in_last_period, lesson.subject_index);
        for (const Component& component : lesson.components) {
            if (index >= timetable.size()) {
                bad("unplaced");
                ++index;
                continue;
            }
            const Slot slot = timetable[index++];
            if (slot.day < 0 || slot.day >= days || slot.period < 0 || slot.period + component.duration > periods) {
                bad("out_of_bounds");
                continue;
            }
            days_used.push_back(slot.day);
            if (component.duration > 1 && Contains(rules.double_period_forbidden_starts, slot.period)) {
                bad("double_across_break");
            }
            for (int k = 0; k < component.duration; ++k) {
                const int s = slot.day * periods + slot.period + k;
                ++class_count[static_cast<std::size_t>(lesson.class_index * slots + s)];
                ++teacher_count[static_cast<std::size_t>(lesson.teacher_index * slots + s)];
                if (not_last && slot.period + k == periods - 1) {
                    bad("subject_in_last_period");
                }
            }
            for (const FixedSlot& fixed : rules.fixed_slots) {
                if (fixed.subject_index == lesson.subject_index && !(fixed.slot == slot)) {
                    bad("fixed_slot");
                }
            }
        }
        if (rules.split_components_different_days) {
            const std::set<int> distinct(days_used.begin(), days_used.end());
            if (distinct.size() < days_used.size()) {
                bad("split_same_day");
            }
        }
    }

    for (std::size_t c = 0; c < instance.classes.size(); ++c) {
        for (int d = 0; d < days; ++d) {
            int first = -1;
            int last = -1;
            int taught = 0;
            for (int p = 0; p < periods; ++p) {
                const int count = class_count[c * static_cast<std::size_t>(slots) + static_cast<std::size_t>(d * periods + p)];
                if (count > 1) {
                    bad("class_clash");
                }
                if (count > 0) {
                    first = first < 0 ? p : first;
                    last = p;
                    ++taught;
                }
            }
            if (taught == 0) {
                continue;
            }
            if (rules.class_start_first_period && first != 0) {
                bad("class_late_start");
            }
            if (rules.class_no_gaps && last - first + 1 != taught) {
                bad("class_gap");
            }
        }
    }

    for (std::size_t t = 0; t < instance.teachers.size(); ++t) {
        const Teacher& teacher = instance.teachers[t];
        int week_gaps = 0;
        int teaching_days = 0;
        for (const Slot& slot : teacher.unavailable) {
            if (slot.day >= 0 && slot.day < days && slot.period >= 0 && slot.period < periods &&
                teacher_count[t * static_cast<std::size_t>(slots) + static_cast<std::size_t>(slot.day * periods + slot.period)] > 0) {
                bad("teacher_unavailable");
            }
        }
        for (int d = 0; d < days; ++d) {
            int first = -1;
            int last = -1;
            int taught = 0;
            for (int p = 0; p < periods; ++p) {
                const int count = teacher_count[t * static_cast<std::size_t>(slots) + static_cast<std::size_t>(d * periods + p)];
                if (count > 1) {
                    bad("teacher_clash");
                }
                if (count > 0) {
                    first = first < 0 ? p : first;
                    last = p;
                    ++taught;
                }
            }
            if (taught == 0) {
                continue;
            }
            ++teaching_days;
            const int gaps = last - first + 1 - taught;
            week_gaps += gaps;
            if (taught == 1) {
                ++result.teacher_single_period_days;
            }
            if (rules.teacher_max_periods_per_day && taught > *rules.teacher_max_periods_per_day) {
                bad("teacher_max_per_day");
            }
            if (rules.teacher_min_periods_per_teaching_day && taught < *rules.teacher_min_periods_per_teaching_day) {
                bad("teacher_min_per_day");
            }
            if (rules.teacher_max_gaps_per_day && gaps > *rules.teacher_max_gaps_per_day) {
                bad("teacher_max_gaps_day");
            }
        }
        if (rules.teacher_max_gaps_per_week && week_gaps > *rules.teacher_max_gaps_per_week) {
            bad("teacher_max_gaps_week");
        }
        if (teacher.max_days && teaching_days > *teacher.max_days) {
            bad("teacher_max_days");
        }
        result.teacher_gaps += week_gaps;
        result.teachers_with_gaps += week_gaps > 0 ? 1 : 0;
        result.max_teacher_gaps_per_week = std::max(result.max_teacher_gaps_per_week, week_gaps);
    }
    result.objective = static_cast<long long>(result.teacher_gaps) * instance.soft.teacher_gap +
                       static_cast<long long>(result.teacher_single_period_days) * instance.soft.teacher_single_period_day;
    return result;
}

}  // namespace hocvu::timetable
