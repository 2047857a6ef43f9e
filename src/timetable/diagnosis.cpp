#include "timetable/diagnosis.hpp"

#include <algorithm>
#include <cstddef>
#include <functional>

#include "timetable/local_search.hpp"
#include "timetable/problem.hpp"
#include "timetable/rng.hpp"

namespace hocvu::timetable {

namespace {

constexpr int kAttempts = 2;

std::size_t Idx(int value) { return static_cast<std::size_t>(value); }

void StaticFindings(const Instance& instance, const Problem& p, std::vector<Finding>& out) {
    for (int c = 0; c < p.classes; ++c) {
        if (p.class_periods[Idx(c)] > p.slots) {
            out.push_back(Finding{FindingKind::kClassOverfull, -1, c, -1, -1, {}, p.class_periods[Idx(c)], p.slots, {}});
        }
    }
    std::vector<int> fixed_lessons;
    for (int l = 0; l < p.lessons; ++l) {
        if (p.comp_fixed_slot[Idx(p.lesson_comps[Idx(l)].front())] >= 0) {
            fixed_lessons.push_back(l);
        }
    }
    for (std::size_t i = 0; i < fixed_lessons.size(); ++i) {
        const Lesson& a = instance.lessons[Idx(fixed_lessons[i])];
        const int slot = p.comp_fixed_slot[Idx(p.lesson_comps[Idx(fixed_lessons[i])].front())];
        const Slot at{slot / p.periods, slot % p.periods};
        if (((p.unavailable_mask[Idx(a.teacher_index * p.days + at.day)] >> static_cast<unsigned>(at.period)) & 1U) != 0) {
            out.push_back(Finding{FindingKind::kFixedSlotUnavailable, a.teacher_index, a.class_index, fixed_lessons[i], -1,
                                  at, 0, 0, {}});
        }
        for (std::size_t j = i + 1; j < fixed_lessons.size(); ++j) {
            const Lesson& b = instance.lessons[Idx(fixed_lessons[j])];
            const int other = p.comp_fixed_slot[Idx(p.lesson_comps[Idx(fixed_lessons[j])].front())];
            if (other != slot) {
                continue;
            }
            if (a.teacher_index == b.teacher_index) {
                out.push_back(Finding{FindingKind::kFixedSlotsClash, a.teacher_index, a.class_index, fixed_lessons[i],
                                      fixed_lessons[j], at, 0, 0, {}});
            } else if (a.class_index == b.class_index) {
                out.push_back(Finding{FindingKind::kClassRulesConflict, -1, a.class_index, fixed_lessons[i],
                                      fixed_lessons[j], at, 0, 0, {}});
            }
        }
    }
    for (int t = 0; t < p.teachers; ++t) {
        std::vector<int> per_day;
        for (int d = 0; d < p.days; ++d) {
            int free = p.periods - __builtin_popcount(p.unavailable_mask[Idx(t * p.days + d)]);
            if (p.max_periods_per_day >= 0) {
                free = std::min(free, p.max_periods_per_day);
            }
            per_day.push_back(free);
        }
        std::sort(per_day.rbegin(), per_day.rend());
        const int days = p.max_days[Idx(t)] >= 0 ? std::min(p.days, p.max_days[Idx(t)]) : p.days;
        int available = 0;
        for (int d = 0; d < days; ++d) {
            available += per_day[Idx(d)];
        }
        if (p.teacher_load[Idx(t)] > available) {
            out.push_back(Finding{FindingKind::kTeacherOverloaded, t, -1, -1, -1, {}, p.teacher_load[Idx(t)], available, {}});
        }
    }
    if (!out.empty()) {
        return;
    }
    SearchState state(p, {}, SearchWeights{});
    for (int c = 0; c < p.classes; ++c) {
        bool feasible = false;
        for (int attempt = 0; attempt < kAttempts && !feasible; ++attempt) {
            Rng rng(static_cast<std::uint64_t>(c * 31 + attempt + 1));
            feasible = state.ClassAloneFeasible(c, rng);
        }
        if (!feasible) {
            out.push_back(Finding{FindingKind::kClassRulesConflict, -1, c, -1, -1, {}, 0, 0, {}});
        }
    }
}

/// Searches for a timetable breaking only `relaxed` requests; on success `violated` is left empty, otherwise it
/// holds the requests broken by the best timetable found (when it has no teacher clash).
bool SolvableWith(const Problem& p, const std::vector<TeacherRequest>& relaxed, SearchWeights weights,
                  std::uint64_t seed, long long budget, const std::function<bool()>& stop,
                  std::vector<TeacherRequest>* violated, bool* clash_free) {
    SearchState state(p, relaxed, weights);
    Rng rng(seed);
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        if (!state.Construct(rng)) {
            continue;
        }
        state.Repair(rng, budget, stop, RepairGoal::kAllRules);
        if (state.Hard() == 0) {
            return true;
        }
        if (violated != nullptr) {
            state.Load(state.BestStarts());
            if (state.Clashes() == 0) {
                *violated = state.ViolatedRequests();
                *clash_free = true;
                return false;
            }
        }
        if (stop && stop()) {
            break;
        }
    }
    return false;
}

}  // namespace

Diagnosis Diagnose(const Instance& instance, const DiagnoseOptions& options) {
    Diagnosis diagnosis;
    const Problem p = BuildProblem(instance);
    StaticFindings(instance, p, diagnosis.findings);
    if (!diagnosis.findings.empty()) {
        return diagnosis;
    }
    const long long budget =
        options.search_budget > 0 ? options.search_budget : std::max<long long>(100000, 500LL * p.components);
    std::vector<TeacherRequest> set;
    bool clash_free = false;
    const SearchWeights pricing{1000, 10, 10, 0};
    if (SolvableWith(p, {}, pricing, options.seed, budget, options.should_stop, &set, &clash_free)) {
        diagnosis.verified = false;
        return diagnosis;
    }
    if (!clash_free || set.empty()) {
        diagnosis.findings.push_back(Finding{});
        return diagnosis;
    }
    int checks = 0;
    std::size_t i = 0;
    while (i < set.size() && checks < options.max_checks) {
        if (options.should_stop && options.should_stop()) {
            break;
        }
        std::vector<TeacherRequest> without = set;
        without.erase(without.begin() + static_cast<std::ptrdiff_t>(i));
        ++checks;
        if (SolvableWith(p, without, SearchWeights{}, options.seed + static_cast<std::uint64_t>(checks), budget,
                         options.should_stop, nullptr, nullptr)) {
            set = without;
        } else {
            ++i;
        }
    }
    for (const TeacherRequest& request : set) {
        Finding finding;
        finding.kind = FindingKind::kRequest;
        finding.teacher = request.teacher;
        finding.request = request;
        diagnosis.findings.push_back(finding);
    }
    diagnosis.verified = true;
    diagnosis.minimal = i >= set.size();
    return diagnosis;
}

}  // namespace hocvu::timetable
