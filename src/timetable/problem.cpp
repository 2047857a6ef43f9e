#include "timetable/problem.hpp"

#include <algorithm>
#include <cstddef>

namespace hocvu::timetable {

namespace {

bool DayShapeAllowed(std::uint32_t mask, const Rules& rules) {
    if (mask == 0) {
        return true;
    }
    if (rules.class_start_first_period && (mask & 1U) == 0) {
        return false;
    }
    if (rules.class_no_gaps) {
        const std::uint32_t shifted = mask >> static_cast<unsigned>(__builtin_ctz(mask));
        if ((shifted & (shifted + 1)) != 0) {
            return false;
        }
    }
    return true;
}

}  // namespace

Problem BuildProblem(const Instance& instance) {
    Problem p;
    p.days = static_cast<int>(instance.days.size());
    p.periods = instance.periods_per_day;
    p.slots = p.days * p.periods;
    p.classes = static_cast<int>(instance.classes.size());
    p.teachers = static_cast<int>(instance.teachers.size());
    p.lessons = static_cast<int>(instance.lessons.size());
    const Rules& rules = instance.rules;

    p.lesson_comps.resize(static_cast<std::size_t>(p.lessons));
    p.lesson_min_days.assign(static_cast<std::size_t>(p.lessons), 0);
    p.class_comps.resize(static_cast<std::size_t>(p.classes));
    p.class_periods.assign(static_cast<std::size_t>(p.classes), 0);
    p.teacher_comps.resize(static_cast<std::size_t>(p.teachers));
    p.teacher_classes.resize(static_cast<std::size_t>(p.teachers));
    p.teacher_load.assign(static_cast<std::size_t>(p.teachers), 0);

    for (int l = 0; l < p.lessons; ++l) {
        const Lesson& lesson = instance.lessons[static_cast<std::size_t>(l)];
        const bool not_last =
            std::find(rules.subjects_not_in_last_period.begin(), rules.subjects_not_in_last_period.end(),
                      lesson.subject_index) != rules.subjects_not_in_last_period.end();
        int fixed = -1;
        for (const FixedSlot& fs : rules.fixed_slots) {
            if (fs.subject_index == lesson.subject_index) {
                fixed = fs.slot.day * p.periods + fs.slot.period;
            }
        }
        if (rules.split_components_different_days && lesson.components.size() > 1) {
            p.lesson_min_days[static_cast<std::size_t>(l)] = std::max(1, lesson.min_days_between);
        }
        for (const Component& component : lesson.components) {
            const int c = p.components++;
            p.comp_class.push_back(lesson.class_index);
            p.comp_teacher.push_back(lesson.teacher_index);
            p.comp_lesson.push_back(l);
            p.comp_duration.push_back(component.duration);
            p.comp_fixed_slot.push_back(fixed);
            p.comp_not_last.push_back(not_last ? 1 : 0);
            p.lesson_comps[static_cast<std::size_t>(l)].push_back(c);
            p.class_comps[static_cast<std::size_t>(lesson.class_index)].push_back(c);
            p.class_periods[static_cast<std::size_t>(lesson.class_index)] += component.duration;
            p.teacher_comps[static_cast<std::size_t>(lesson.teacher_index)].push_back(c);
            p.teacher_load[static_cast<std::size_t>(lesson.teacher_index)] += component.duration;
        }
        auto& tc = p.teacher_classes[static_cast<std::size_t>(lesson.teacher_index)];
        if (std::find(tc.begin(), tc.end(), lesson.class_index) == tc.end()) {
            tc.push_back(lesson.class_index);
        }
    }

    p.unavailable_mask.assign(static_cast<std::size_t>(p.teachers * p.days), 0);
    p.max_days.assign(static_cast<std::size_t>(p.teachers), -1);
    for (int t = 0; t < p.teachers; ++t) {
        const Teacher& teacher = instance.teachers[static_cast<std::size_t>(t)];
        for (const Slot& slot : teacher.unavailable) {
            if (slot.day >= 0 && slot.day < p.days && slot.period >= 0 && slot.period < p.periods) {
                p.unavailable_mask[static_cast<std::size_t>(t * p.days + slot.day)] |=
                    1U << static_cast<unsigned>(slot.period);
            }
        }
        if (teacher.max_days) {
            p.max_days[static_cast<std::size_t>(t)] = *teacher.max_days;
        }
    }
    p.max_periods_per_day = rules.teacher_max_periods_per_day.value_or(-1);
    p.max_gaps_per_week = rules.teacher_max_gaps_per_week.value_or(-1);
    p.max_gaps_per_day = rules.teacher_max_gaps_per_day.value_or(-1);
    p.min_periods_per_day = rules.teacher_min_periods_per_teaching_day.value_or(-1);

    for (int start : rules.double_period_forbidden_starts) {
        if (start >= 0 && start < 32) {
            p.forbidden_double_starts |= 1U << static_cast<unsigned>(start);
        }
    }
    p.allowed_class_day.assign(std::size_t{1} << static_cast<unsigned>(p.periods), 0);
    for (std::uint32_t mask = 0; mask < (1U << static_cast<unsigned>(p.periods)); ++mask) {
        p.allowed_class_day[mask] = DayShapeAllowed(mask, rules) ? 1 : 0;
    }
    p.weight_gap = instance.soft.teacher_gap;
    p.weight_single_day = instance.soft.teacher_single_period_day;
    return p;
}

int SinglePeriodDayLowerBound(const Problem& problem) {
    if (problem.weight_single_day <= 0) {
        return 0;
    }
    int bound = 0;
    for (int t = 0; t < problem.teachers; ++t) {
        const auto& comps = problem.teacher_comps[static_cast<std::size_t>(t)];
        if (problem.teacher_load[static_cast<std::size_t>(t)] == 1) {
            ++bound;
            continue;
        }
        std::vector<std::uint32_t> fixed_mask(static_cast<std::size_t>(problem.days), 0);
        int free_components = 0;
        for (int comp : comps) {
            const int slot = problem.comp_fixed_slot[static_cast<std::size_t>(comp)];
            if (slot < 0) {
                ++free_components;
                continue;
            }
            const int day = slot / problem.periods;
            for (int k = 0; k < problem.comp_duration[static_cast<std::size_t>(comp)]; ++k) {
                fixed_mask[static_cast<std::size_t>(day)] |= 1U << static_cast<unsigned>(slot % problem.periods + k);
            }
        }
        const std::uint32_t all = problem.periods >= 32 ? ~0U : (1U << static_cast<unsigned>(problem.periods)) - 1U;
        int rescuable = 0;
        for (int day = 0; day < problem.days; ++day) {
            const std::uint32_t mask = fixed_mask[static_cast<std::size_t>(day)];
            if (__builtin_popcount(mask) != 1) {
                continue;
            }
            const std::uint32_t open =
                all & ~mask & ~problem.unavailable_mask[static_cast<std::size_t>(t * problem.days + day)];
            if (open == 0) {
                ++bound;
            } else {
                ++rescuable;
            }
        }
        bound += std::max(0, rescuable - free_components);
    }
    return bound;
}

}  // namespace hocvu::timetable
