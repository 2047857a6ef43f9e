#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "timetable/model.hpp"
#include "timetable/teacher_request.hpp"

namespace hocvu::timetable {

/// Why no timetable exists, one cause at a time.
enum class FindingKind {
    kClassOverfull,          ///< the class has more periods than the week (`load` vs `available`)
    kClassRulesConflict,     ///< the class rules (split days, doubles, last period, fixed slots, no gaps) cannot
                             ///< all hold for this class, whatever the teachers do
    kFixedSlotsClash,        ///< a teacher must be in two fixed slots (chào cờ, SHL) at once: `lesson`, `other_lesson`
    kFixedSlotUnavailable,   ///< a fixed slot of `lesson` falls on its teacher's unavailable period `slot`
    kTeacherOverloaded,      ///< the teacher's `load` exceeds the periods they can teach (`available`)
    kRequest,                ///< `request` belongs to the set whose relaxation gives a timetable
    kUnknown,                ///< the search found no timetable but could not name a cause
};

/// One cause, with the indices a school-facing message needs.
struct Finding {
    FindingKind kind = FindingKind::kUnknown;
    int teacher = -1;
    int class_index = -1;
    int lesson = -1;
    int other_lesson = -1;
    Slot slot;
    int load = 0;
    int available = 0;
    TeacherRequest request;
};

/// The causes found. With `verified`, relaxing every kRequest finding gave a timetable in the search; with
/// `minimal`, each of them was also needed (dropping it left the search without a timetable within its budget).
struct Diagnosis {
    std::vector<Finding> findings;
    bool verified = false;
    bool minimal = false;  ///< the deletion filter tried dropping every kRequest finding (none could be dropped)
};

/// Budget and seed of the diagnosis searches.
struct DiagnoseOptions {
    std::uint64_t seed = 1;
    long long search_budget = 0;  ///< move evaluations per search; 0 = chosen from the instance size
    int max_checks = 16;          ///< at most this many re-solves to shrink the set
    std::function<bool()> should_stop;
};

/// Finds a small set of rules or teacher requests whose relaxation makes the instance solvable: first by
/// counting arguments (overloaded teachers, clashing fixed slots, impossible class weeks), then by a search that
/// may break teacher requests at a price and a deletion filter that keeps only the needed ones.
[[nodiscard]] Diagnosis Diagnose(const Instance& instance, const DiagnoseOptions& options);

}  // namespace hocvu::timetable
