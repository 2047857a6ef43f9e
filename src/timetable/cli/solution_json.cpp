#include "timetable/cli/solution_json.hpp"

#include <cstddef>

#include <nlohmann/json.hpp>

namespace hocvu::timetable {

std::string SolutionToJson(const Instance& instance, const Timetable& timetable, const Evaluation& evaluation,
                           const SolutionStats& stats) {
    nlohmann::ordered_json assignments = nlohmann::ordered_json::array();
    std::size_t index = 0;
    for (const Lesson& lesson : instance.lessons) {
        for (const Component& component : lesson.components) {
            const Slot slot = timetable[index++];
            assignments.push_back({{"id", component.id}, {"day", slot.day}, {"period", slot.period}});
        }
    }
    nlohmann::ordered_json hard = nlohmann::ordered_json::object();
    for (const auto& [kind, count] : evaluation.hard_violations) {
        hard[kind] = count;
    }
    nlohmann::ordered_json out;
    out["assignments"] = std::move(assignments);
    out["stats"] = {
        {"objective", evaluation.objective},
        {"teacher_gaps", evaluation.teacher_gaps},
        {"teacher_single_period_days", evaluation.teacher_single_period_days},
        {"teacher_single_period_days_lower_bound", stats.single_period_days_lower_bound},
        {"teachers_with_gaps", evaluation.teachers_with_gaps},
        {"max_teacher_gaps_per_week", evaluation.max_teacher_gaps_per_week},
        {"hard_violations", hard},
        {"elapsed_seconds", stats.elapsed_seconds},
        {"first_feasible_seconds", stats.first_feasible_seconds},
        {"epochs", stats.epochs},
        {"seed", stats.seed},
        {"workers", stats.workers},
    };
    return out.dump() + "\n";
}

}  // namespace hocvu::timetable
