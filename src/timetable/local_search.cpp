#include "timetable/local_search.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <utility>

namespace hocvu::timetable {

namespace {

constexpr int kMaxChainClasses = 8;
constexpr long long kClassSearchNodes = 200000;
constexpr long long kClashRank = 1000000;

std::size_t Idx(int value) {
    return static_cast<std::size_t>(value);
}

int PopCount(std::uint32_t mask) {
    return __builtin_popcount(mask);
}

}  // namespace

SearchState::SearchState(const Problem& problem, const std::vector<TeacherRequest>& relaxed, SearchWeights weights)
    : p_(problem), weights_(weights) {
    single_price_ = weights_.single_day >= 0 ? weights_.single_day : p_.weight_single_day;
    unavailable_ = p_.unavailable_mask;
    max_days_ = p_.max_days;
    max_per_day_.assign(Idx(p_.teachers), p_.max_periods_per_day);
    min_per_day_.assign(Idx(p_.teachers), p_.min_periods_per_day);
    max_gaps_day_.assign(Idx(p_.teachers), p_.max_gaps_per_day);
    max_gaps_week_.assign(Idx(p_.teachers), p_.max_gaps_per_week);
    for (const TeacherRequest& request : relaxed) {
        const std::size_t t = Idx(request.teacher);
        switch (request.kind) {
            case RequestKind::kDayUnavailable:
                unavailable_[t * Idx(p_.days) + Idx(request.day)] = 0;
                break;
            case RequestKind::kMaxDays:
                max_days_[t] = -1;
                break;
            case RequestKind::kMaxPeriodsPerDay:
                max_per_day_[t] = -1;
                break;
            case RequestKind::kMinPeriodsPerDay:
                min_per_day_[t] = -1;
                break;
            case RequestKind::kMaxGapsPerDay:
                max_gaps_day_[t] = -1;
                break;
            case RequestKind::kMaxGapsPerWeek:
                max_gaps_week_[t] = -1;
                break;
        }
    }
    class_stamp_.assign(Idx(p_.classes), 0);
    teacher_stamp_.assign(Idx(p_.teachers), 0);
    comp_stamp_.assign(Idx(p_.components), 0);
    new_costs_.resize(Idx(p_.teachers));
    Clear();
}

void SearchState::Clear() {
    cell_.assign(Idx(p_.classes * p_.slots), -1);
    reserved_.assign(Idx(p_.classes * p_.slots), 0);
    start_.assign(Idx(p_.components), -1);
    teacher_count_.assign(Idx(p_.teachers * p_.slots), 0);
    teacher_mask_.assign(Idx(p_.teachers * p_.days), 0);
    teacher_clashes_.assign(Idx(p_.teachers), 0);
    teacher_cost_.assign(Idx(p_.teachers), TeacherCost{});
    tabu_until_.assign(Idx(p_.components * p_.slots), 0);
    defective_.clear();
    defective_pos_.assign(Idx(p_.teachers), -1);
    clashes_ = 0;
    requests_ = 0;
    unavailable_total_ = 0;
    soft_ = 0;
    singles_ = 0;
    objective_ = 0;
}

void SearchState::AddTeacher(int teacher, int slot) {
    const std::size_t i = Idx(teacher * p_.slots + slot);
    if (++teacher_count_[i] > 1) {
        ++clashes_;
        ++teacher_clashes_[Idx(teacher)];
    } else {
        teacher_mask_[Idx(teacher * p_.days + slot / p_.periods)] |= 1U << static_cast<unsigned>(slot % p_.periods);
    }
}

void SearchState::RemoveTeacher(int teacher, int slot) {
    const std::size_t i = Idx(teacher * p_.slots + slot);
    if (teacher_count_[i]-- > 1) {
        --clashes_;
        --teacher_clashes_[Idx(teacher)];
    } else {
        teacher_mask_[Idx(teacher * p_.days + slot / p_.periods)] &= ~(1U << static_cast<unsigned>(slot % p_.periods));
    }
}

void SearchState::PlaceAt(int comp, int slot) {
    const std::size_t c = Idx(comp);
    start_[c] = slot;
    const int teacher = p_.comp_teacher[c];
    const int base = p_.comp_class[c] * p_.slots;
    for (int k = 0; k < p_.comp_duration[c]; ++k) {
        cell_[Idx(base + slot + k)] = comp;
        AddTeacher(teacher, slot + k);
    }
}

void SearchState::RemoveFrom(int comp) {
    const std::size_t c = Idx(comp);
    const int slot = start_[c];
    const int teacher = p_.comp_teacher[c];
    const int base = p_.comp_class[c] * p_.slots;
    for (int k = 0; k < p_.comp_duration[c]; ++k) {
        cell_[Idx(base + slot + k)] = -1;
        RemoveTeacher(teacher, slot + k);
    }
    start_[c] = -1;
}

bool SearchState::FitsAt(int comp, int slot) const {
    const std::size_t c = Idx(comp);
    const int day = slot / p_.periods;
    const int period = slot % p_.periods;
    const int duration = p_.comp_duration[c];
    if (period + duration > p_.periods) {
        return false;
    }
    if (duration > 1 && ((p_.forbidden_double_starts >> static_cast<unsigned>(period)) & 1U) != 0) {
        return false;
    }
    if (p_.comp_not_last[c] != 0 && period + duration == p_.periods) {
        return false;
    }
    if (p_.comp_fixed_slot[c] >= 0 && p_.comp_fixed_slot[c] != slot) {
        return false;
    }
    const int lesson = p_.comp_lesson[c];
    const int min_days = p_.lesson_min_days[Idx(lesson)];
    if (min_days > 0) {
        for (int other : p_.lesson_comps[Idx(lesson)]) {
            if (other == comp || start_[Idx(other)] < 0) {
                continue;
            }
            if (std::abs(start_[Idx(other)] / p_.periods - day) < min_days) {
                return false;
            }
        }
    }
    return true;
}

bool SearchState::ClassDayValid(int class_index, int day) const {
    std::uint32_t mask = 0;
    const int base = class_index * p_.slots + day * p_.periods;
    for (int period = 0; period < p_.periods; ++period) {
        if (cell_[Idx(base + period)] >= 0) {
            mask |= 1U << static_cast<unsigned>(period);
        }
    }
    return p_.allowed_class_day[mask] != 0;
}

SearchState::TeacherCost SearchState::ComputeTeacher(int teacher) const {
    TeacherCost cost;
    const std::size_t t = Idx(teacher);
    int week_gaps = 0;
    int teaching_days = 0;
    for (int day = 0; day < p_.days; ++day) {
        const std::uint32_t mask = teacher_mask_[t * Idx(p_.days) + Idx(day)];
        if (mask == 0) {
            continue;
        }
        ++teaching_days;
        const int taught = PopCount(mask);
        const int gaps = (31 - __builtin_clz(mask)) - __builtin_ctz(mask) + 1 - taught;
        week_gaps += gaps;
        const bool single = taught == 1 && p_.weight_single_day > 0;
        cost.soft += static_cast<long long>(gaps) * p_.weight_gap + (single ? single_price_ : 0);
        cost.objective += static_cast<long long>(gaps) * p_.weight_gap + (single ? p_.weight_single_day : 0);
        cost.singles += single ? 1 : 0;
        const int unavailable = PopCount(mask & unavailable_[t * Idx(p_.days) + Idx(day)]);
        cost.unavailable += unavailable;
        cost.requests += unavailable;
        if (max_per_day_[t] >= 0 && taught > max_per_day_[t]) {
            cost.requests += taught - max_per_day_[t];
        }
        if (min_per_day_[t] > 0 && taught < min_per_day_[t]) {
            cost.requests += min_per_day_[t] - taught;
        }
        if (max_gaps_day_[t] >= 0 && gaps > max_gaps_day_[t]) {
            cost.requests += gaps - max_gaps_day_[t];
        }
    }
    if (max_gaps_week_[t] >= 0 && week_gaps > max_gaps_week_[t]) {
        cost.requests += week_gaps - max_gaps_week_[t];
    }
    if (max_days_[t] >= 0 && teaching_days > max_days_[t]) {
        cost.requests += teaching_days - max_days_[t];
    }
    return cost;
}

void SearchState::UpdateDefective(int teacher) {
    const std::size_t t = Idx(teacher);
    const bool defective = teacher_cost_[t].objective > 0;
    if (defective && defective_pos_[t] < 0) {
        defective_pos_[t] = static_cast<int>(defective_.size());
        defective_.push_back(teacher);
    } else if (!defective && defective_pos_[t] >= 0) {
        const int last = defective_.back();
        defective_[Idx(defective_pos_[t])] = last;
        defective_pos_[Idx(last)] = defective_pos_[t];
        defective_.pop_back();
        defective_pos_[t] = -1;
    }
}

void SearchState::RecomputeAllTeachers() {
    requests_ = 0;
    unavailable_total_ = 0;
    soft_ = 0;
    singles_ = 0;
    objective_ = 0;
    for (int t = 0; t < p_.teachers; ++t) {
        teacher_cost_[Idx(t)] = ComputeTeacher(t);
        requests_ += teacher_cost_[Idx(t)].requests;
        unavailable_total_ += teacher_cost_[Idx(t)].unavailable;
        soft_ += teacher_cost_[Idx(t)].soft;
        singles_ += teacher_cost_[Idx(t)].singles;
        objective_ += teacher_cost_[Idx(t)].objective;
        UpdateDefective(t);
    }
}

void SearchState::SetSingleDayPrice(long long price) {
    if (price == single_price_) {
        return;
    }
    single_price_ = price;
    RecomputeAllTeachers();
}

bool SearchState::BeatsBest() const {
    // Clashes weigh more than any number of broken requests: a week with a clash cannot be used at all.
    // With single_days_first a teacher called in for one period is worse than any number of gaps.
    const long long hard = clashes_ * kClashRank + requests_;
    const long long singles = weights_.single_days_first ? singles_ : 0;
    if (best_start_.empty() || hard != best_hard_) {
        return best_start_.empty() || hard < best_hard_;
    }
    return singles < best_singles_ || (singles == best_singles_ && objective_ < best_objective_);
}

void SearchState::SaveBestIfImproved() {
    if (BeatsBest()) {
        best_hard_ = clashes_ * kClashRank + requests_;
        best_singles_ = weights_.single_days_first ? singles_ : 0;
        best_objective_ = objective_;
        best_cost_ = Cost();
        best_start_ = start_;
    }
}

std::vector<TeacherRequest> SearchState::ViolatedRequests() const {
    std::vector<TeacherRequest> out;
    for (int t = 0; t < p_.teachers; ++t) {
        const std::size_t ti = Idx(t);
        int week_gaps = 0;
        int teaching_days = 0;
        bool over = false;
        bool under = false;
        bool gaps_day = false;
        for (int day = 0; day < p_.days; ++day) {
            const std::uint32_t mask = teacher_mask_[ti * Idx(p_.days) + Idx(day)];
            if (mask == 0) {
                continue;
            }
            ++teaching_days;
            const int taught = PopCount(mask);
            const int gaps = (31 - __builtin_clz(mask)) - __builtin_ctz(mask) + 1 - taught;
            week_gaps += gaps;
            if ((mask & unavailable_[ti * Idx(p_.days) + Idx(day)]) != 0) {
                out.push_back({RequestKind::kDayUnavailable, t, day});
            }
            over = over || (max_per_day_[ti] >= 0 && taught > max_per_day_[ti]);
            under = under || (min_per_day_[ti] > 0 && taught < min_per_day_[ti]);
            gaps_day = gaps_day || (max_gaps_day_[ti] >= 0 && gaps > max_gaps_day_[ti]);
        }
        if (over) {
            out.push_back({RequestKind::kMaxPeriodsPerDay, t, -1});
        }
        if (under) {
            out.push_back({RequestKind::kMinPeriodsPerDay, t, -1});
        }
        if (gaps_day) {
            out.push_back({RequestKind::kMaxGapsPerDay, t, -1});
        }
        if (max_gaps_week_[ti] >= 0 && week_gaps > max_gaps_week_[ti]) {
            out.push_back({RequestKind::kMaxGapsPerWeek, t, -1});
        }
        if (max_days_[ti] >= 0 && teaching_days > max_days_[ti]) {
            out.push_back({RequestKind::kMaxDays, t, -1});
        }
    }
    return out;
}

int SearchState::PlacementScore(int comp, int slot) const {
    const std::size_t c = Idx(comp);
    const int teacher = p_.comp_teacher[c];
    const int day = slot / p_.periods;
    const int period = slot % p_.periods;
    const std::uint32_t day_mask = teacher_mask_[Idx(teacher * p_.days + day)];
    int score = 0;
    std::uint32_t block = 0;
    for (int k = 0; k < p_.comp_duration[c]; ++k) {
        block |= 1U << static_cast<unsigned>(period + k);
        if (teacher_count_[Idx(teacher * p_.slots + slot + k)] > 0) {
            score += 1000;
        }
    }
    score += 1000 * PopCount(block & unavailable_[Idx(teacher * p_.days + day)]);
    if (day_mask == 0) {
        score += 3;
    } else if ((day_mask & ((block << 1U) | (block >> 1U))) != 0) {
        score -= 2;
    } else {
        score += 1;
    }
    return score;
}

bool SearchState::SearchClass(std::vector<int>& order, std::size_t index, long long& nodes, Rng& rng) {
    if (index == order.size()) {
        return true;
    }
    if (++nodes > kClassSearchNodes) {
        return false;
    }
    const int comp = order[index];
    const int class_index = p_.comp_class[Idx(comp)];
    const int base = class_index * p_.slots;
    std::vector<std::pair<int, int>> candidates;
    for (int slot = 0; slot < p_.slots; ++slot) {
        bool free = true;
        for (int k = 0; k < p_.comp_duration[Idx(comp)] && free; ++k) {
            const int period = slot % p_.periods + k;
            free = period < p_.periods && cell_[Idx(base + slot + k)] < 0 && reserved_[Idx(base + slot + k)] == 0;
        }
        if (free && FitsAt(comp, slot)) {
            candidates.emplace_back(PlacementScore(comp, slot) * 16 + rng.Below(16), slot);
        }
    }
    std::sort(candidates.begin(), candidates.end());
    for (const auto& [score, slot] : candidates) {
        PlaceAt(comp, slot);
        if (SearchClass(order, index + 1, nodes, rng)) {
            return true;
        }
        RemoveFrom(comp);
        if (nodes > kClassSearchNodes) {
            return false;
        }
    }
    return false;
}

bool SearchState::ConstructClassAlone(int class_index, Rng& rng) {
    std::vector<int> order;
    for (int comp : p_.class_comps[Idx(class_index)]) {
        if (p_.comp_fixed_slot[Idx(comp)] >= 0) {
            continue;
        }
        if (start_[Idx(comp)] >= 0) {
            RemoveFrom(comp);
        }
        order.push_back(comp);
    }
    std::stable_sort(order.begin(), order.end(), [this](int a, int b) {
        const auto key = [this](int c) {
            return p_.comp_duration[Idx(c)] * 100 +
                   static_cast<int>(p_.lesson_comps[Idx(p_.comp_lesson[Idx(c)])].size()) * 10 +
                   p_.comp_not_last[Idx(c)];
        };
        return key(a) > key(b);
    });
    long long nodes = 0;
    return SearchClass(order, 0, nodes, rng);
}

bool SearchState::PrepareClass(int c, Rng& rng) {
    int empties = p_.slots - p_.class_periods[Idx(c)];
    if (empties < 0) {
        return false;
    }
    const int base = c * p_.slots;
    std::vector<std::uint8_t> fixed_cell(Idx(p_.slots), 0);
    for (int comp : p_.class_comps[Idx(c)]) {
        const int fixed = p_.comp_fixed_slot[Idx(comp)];
        if (fixed < 0) {
            continue;
        }
        if (fixed % p_.periods + p_.comp_duration[Idx(comp)] > p_.periods) {
            return false;
        }
        for (int k = 0; k < p_.comp_duration[Idx(comp)]; ++k) {
            if (cell_[Idx(base + fixed + k)] >= 0) {
                return false;
            }
            fixed_cell[Idx(fixed + k)] = 1;
        }
        PlaceAt(comp, fixed);
    }
    std::vector<int> day_order(Idx(p_.days));
    for (int d = 0; d < p_.days; ++d) {
        day_order[Idx(d)] = d;
    }
    for (int d = p_.days - 1; d > 0; --d) {
        std::swap(day_order[Idx(d)], day_order[Idx(rng.Below(d + 1))]);
    }
    for (int from_end = 0; from_end < p_.periods && empties > 0; ++from_end) {
        for (int day : day_order) {
            const int period = p_.periods - 1 - from_end;
            const int slot = day * p_.periods + period;
            const bool behind_empty = from_end == 0 || reserved_[Idx(base + slot + 1)] != 0;
            if (empties > 0 && behind_empty && fixed_cell[Idx(slot)] == 0) {
                reserved_[Idx(base + slot)] = 1;
                --empties;
            }
        }
    }
    return empties == 0;
}

bool SearchState::ClassAloneFeasible(int class_index, Rng& rng) {
    Clear();
    const bool feasible = PrepareClass(class_index, rng) && ConstructClassAlone(class_index, rng);
    Clear();
    return feasible;
}

bool SearchState::Construct(Rng& rng) {
    Clear();
    for (int c = 0; c < p_.classes; ++c) {
        if (!PrepareClass(c, rng)) {
            return false;
        }
    }

    std::vector<std::pair<long long, int>> order;
    for (int comp = 0; comp < p_.components; ++comp) {
        if (p_.comp_fixed_slot[Idx(comp)] >= 0) {
            continue;
        }
        const int teacher = p_.comp_teacher[Idx(comp)];
        int unavailable = 0;
        for (int d = 0; d < p_.days; ++d) {
            unavailable += PopCount(unavailable_[Idx(teacher * p_.days + d)]);
        }
        const long long key = p_.comp_duration[Idx(comp)] * 100000LL +
                              static_cast<long long>(p_.lesson_comps[Idx(p_.comp_lesson[Idx(comp)])].size()) * 10000 +
                              (p_.teacher_load[Idx(teacher)] + unavailable) * 100LL + rng.Below(100);
        order.emplace_back(-key, comp);
    }
    std::sort(order.begin(), order.end());
    for (const auto& [key, comp] : order) {
        if (start_[Idx(comp)] >= 0) {
            continue;
        }
        const int class_index = p_.comp_class[Idx(comp)];
        const int base = class_index * p_.slots;
        int best_slot = -1;
        int best_score = std::numeric_limits<int>::max();
        for (int slot = 0; slot < p_.slots; ++slot) {
            bool free = true;
            for (int k = 0; k < p_.comp_duration[Idx(comp)] && free; ++k) {
                free = slot % p_.periods + k < p_.periods && cell_[Idx(base + slot + k)] < 0 &&
                       reserved_[Idx(base + slot + k)] == 0;
            }
            if (!free || !FitsAt(comp, slot)) {
                continue;
            }
            const int score = PlacementScore(comp, slot) * 16 + rng.Below(16);
            if (score < best_score) {
                best_score = score;
                best_slot = slot;
            }
        }
        if (best_slot >= 0) {
            PlaceAt(comp, best_slot);
        } else if (!ConstructClassAlone(class_index, rng)) {
            return false;
        }
    }
    RecomputeAllTeachers();
    best_start_.clear();
    SaveBestIfImproved();
    return true;
}

void SearchState::Load(const std::vector<int>& starts) {
    Clear();
    for (int comp = 0; comp < p_.components; ++comp) {
        PlaceAt(comp, starts[Idx(comp)]);
    }
    RecomputeAllTeachers();
    best_start_.clear();
    SaveBestIfImproved();
}

bool SearchState::BlockMovable(int class_index, int day, int period, int length) const {
    const int base = class_index * p_.slots + day * p_.periods;
    const int first = cell_[Idx(base + period)];
    if (first >= 0 && start_[Idx(first)] != day * p_.periods + period) {
        return false;
    }
    const int last = cell_[Idx(base + period + length - 1)];
    if (last >= 0 && start_[Idx(last)] + p_.comp_duration[Idx(last)] > day * p_.periods + period + length) {
        return false;
    }
    for (int k = 0; k < length; ++k) {
        const int comp = cell_[Idx(base + period + k)];
        if (comp >= 0 && p_.comp_fixed_slot[Idx(comp)] >= 0) {
            return false;
        }
    }
    return true;
}

bool SearchState::BuildChain(const Move& move, int max_classes) {
    chain_.clear();
    chain_.push_back(move.class_index);
    class_stamp_[Idx(move.class_index)] = stamp_;
    if (!move.kempe) {
        return true;
    }
    const int slot1 = move.day1 * p_.periods + move.period1;
    const int slot2 = move.day2 * p_.periods + move.period2;
    for (std::size_t i = 0; i < chain_.size(); ++i) {
        const int base = chain_[i] * p_.slots;
        for (int b = 0; b < 2 * move.length; ++b) {
            const int slot = (b < move.length ? slot1 + b : slot2 + b - move.length);
            const int comp = cell_[Idx(base + slot)];
            if (comp < 0) {
                continue;
            }
            const int teacher = p_.comp_teacher[Idx(comp)];
            if (teacher_stamp_[Idx(teacher)] == stamp_) {
                continue;
            }
            teacher_stamp_[Idx(teacher)] = stamp_;
            for (int other : p_.teacher_classes[Idx(teacher)]) {
                if (class_stamp_[Idx(other)] == stamp_) {
                    continue;
                }
                const int other_base = other * p_.slots;
                for (int ob = 0; ob < 2 * move.length; ++ob) {
                    const int other_slot = (ob < move.length ? slot1 + ob : slot2 + ob - move.length);
                    const int other_comp = cell_[Idx(other_base + other_slot)];
                    if (other_comp >= 0 && p_.comp_teacher[Idx(other_comp)] == teacher) {
                        class_stamp_[Idx(other)] = stamp_;
                        chain_.push_back(other);
                        break;
                    }
                }
                if (static_cast<int>(chain_.size()) > max_classes) {
                    return false;
                }
            }
        }
    }
    return true;
}

void SearchState::SwapBlocks(int class_index, const Move& move) {
    const int base = class_index * p_.slots;
    const int slot1 = move.day1 * p_.periods + move.period1;
    const int slot2 = move.day2 * p_.periods + move.period2;
    const std::size_t first_moved = moved_.size();
    for (int b = 0; b < 2 * move.length; ++b) {
        const int slot = (b < move.length ? slot1 + b : slot2 + b - move.length);
        const int comp = cell_[Idx(base + slot)];
        if (comp >= 0 && comp_stamp_[Idx(comp)] != stamp_) {
            comp_stamp_[Idx(comp)] = stamp_;
            moved_.push_back(comp);
        }
    }
    for (std::size_t i = first_moved; i < moved_.size(); ++i) {
        const int comp = moved_[i];
        const int teacher = p_.comp_teacher[Idx(comp)];
        for (int k = 0; k < p_.comp_duration[Idx(comp)]; ++k) {
            RemoveTeacher(teacher, start_[Idx(comp)] + k);
        }
        if (teacher_stamp_[Idx(teacher)] != stamp_ + 1) {
            teacher_stamp_[Idx(teacher)] = stamp_ + 1;
            touched_teachers_.push_back(teacher);
        }
    }
    for (int k = 0; k < move.length; ++k) {
        std::swap(cell_[Idx(base + slot1 + k)], cell_[Idx(base + slot2 + k)]);
    }
    for (int b = 0; b < 2 * move.length; ++b) {
        const int slot = (b < move.length ? slot1 + b : slot2 + b - move.length);
        const int comp = cell_[Idx(base + slot)];
        if (comp >= 0 && comp_stamp_[Idx(comp)] == stamp_) {
            comp_stamp_[Idx(comp)] = stamp_ + 1;
            start_[Idx(comp)] = slot;
        }
    }
    for (std::size_t i = first_moved; i < moved_.size(); ++i) {
        const int comp = moved_[i];
        const int teacher = p_.comp_teacher[Idx(comp)];
        for (int k = 0; k < p_.comp_duration[Idx(comp)]; ++k) {
            AddTeacher(teacher, start_[Idx(comp)] + k);
        }
    }
}

bool SearchState::Apply(const Move& move, int max_classes) {
    stamp_ += 2;
    if (!BuildChain(move, max_classes)) {
        return false;
    }
    for (int class_index : chain_) {
        if (!BlockMovable(class_index, move.day1, move.period1, move.length) ||
            !BlockMovable(class_index, move.day2, move.period2, move.length)) {
            return false;
        }
    }
    pending_move_ = move;
    moved_.clear();
    touched_teachers_.clear();
    old_starts_.clear();
    clashes_before_ = clashes_;
    for (int class_index : chain_) {
        const int base = class_index * p_.slots;
        for (int b = 0; b < 2 * move.length; ++b) {
            const int slot = (b < move.length ? move.day1 * p_.periods + move.period1 + b
                                              : move.day2 * p_.periods + move.period2 + b - move.length);
            const int comp = cell_[Idx(base + slot)];
            if (comp >= 0 && (old_starts_.empty() || old_starts_.back().first != comp)) {
                old_starts_.emplace_back(comp, start_[Idx(comp)]);
            }
        }
        SwapBlocks(class_index, move);
    }
    bool valid = true;
    for (int comp : moved_) {
        if (!FitsAt(comp, start_[Idx(comp)])) {
            valid = false;
            break;
        }
    }
    for (std::size_t i = 0; valid && i < chain_.size(); ++i) {
        valid = ClassDayValid(chain_[i], move.day1) && (move.day1 == move.day2 || ClassDayValid(chain_[i], move.day2));
    }
    if (!valid) {
        Undo();
        return false;
    }
    long long delta = weights_.clash * (clashes_ - clashes_before_);
    for (int teacher : touched_teachers_) {
        const TeacherCost cost = ComputeTeacher(teacher);
        const TeacherCost& old = teacher_cost_[Idx(teacher)];
        new_costs_[Idx(teacher)] = cost;
        const long long unavailable = cost.unavailable - old.unavailable;
        delta += weights_.unavailable * unavailable + weights_.request * (cost.requests - old.requests - unavailable) +
                 weights_.soft * (cost.soft - old.soft);
    }
    pending_delta_ = delta;
    return true;
}

void SearchState::Undo() {
    stamp_ += 2;
    std::vector<int> saved_touched;
    saved_touched.swap(touched_teachers_);
    for (auto it = chain_.rbegin(); it != chain_.rend(); ++it) {
        SwapBlocks(*it, pending_move_);
    }
    touched_teachers_.swap(saved_touched);
}

void SearchState::Commit() {
    for (int teacher : touched_teachers_) {
        const TeacherCost& cost = new_costs_[Idx(teacher)];
        TeacherCost& old = teacher_cost_[Idx(teacher)];
        requests_ += cost.requests - old.requests;
        unavailable_total_ += cost.unavailable - old.unavailable;
        soft_ += cost.soft - old.soft;
        singles_ += cost.singles - old.singles;
        objective_ += cost.objective - old.objective;
        old = cost;
        UpdateDefective(teacher);
    }
}

void SearchState::CollectConflicts(std::vector<int>& out, bool clashes_first) const {
    // Teacher clashes first (when asked): annealing cannot remove them, so the repair must.
    out.clear();
    const bool clashes_only = clashes_first && clashes_ > 0;
    for (int t = 0; t < p_.teachers; ++t) {
        const std::size_t ti = Idx(t);
        if (teacher_clashes_[ti] == 0 && (clashes_only || teacher_cost_[ti].requests == 0)) {
            continue;
        }
        long long unavailable_part = 0;
        for (int d = 0; d < p_.days; ++d) {
            unavailable_part +=
                PopCount(teacher_mask_[ti * Idx(p_.days) + Idx(d)] & unavailable_[ti * Idx(p_.days) + Idx(d)]);
        }
        const bool caps_broken = !clashes_only && teacher_cost_[ti].requests > unavailable_part;
        for (int comp : p_.teacher_comps[ti]) {
            if (p_.comp_fixed_slot[Idx(comp)] >= 0) {
                continue;
            }
            bool conflict = caps_broken;
            const int slot = start_[Idx(comp)];
            for (int k = 0; k < p_.comp_duration[Idx(comp)] && !conflict; ++k) {
                const int s = slot + k;
                const bool unavailable =
                    ((unavailable_[ti * Idx(p_.days) + Idx(s / p_.periods)] >> static_cast<unsigned>(s % p_.periods)) &
                     1U) != 0;
                conflict = teacher_count_[ti * Idx(p_.slots) + Idx(s)] > 1 || (!clashes_only && unavailable);
            }
            if (conflict) {
                out.push_back(comp);
            }
        }
    }
}

long long SearchState::Repair(Rng& rng, long long budget, const std::function<bool()>& abort, RepairGoal goal) {
    long long evaluations = 0;
    long long& iteration = repair_iteration_;
    std::vector<int> conflicts;
    while ((goal == RepairGoal::kClashes ? clashes_ : Hard()) > 0 && evaluations < budget) {
        if ((iteration & 15) == 0 && abort && abort()) {
            break;
        }
        ++iteration;
        CollectConflicts(conflicts, goal == RepairGoal::kClashes || rng.Below(2) == 0);
        if (conflicts.empty()) {
            break;
        }
        const int comp = conflicts[Idx(rng.Below(static_cast<int>(conflicts.size())))];
        const int class_index = p_.comp_class[Idx(comp)];
        const int length = p_.comp_duration[Idx(comp)];
        const int from = start_[Idx(comp)];
        const int day1 = from / p_.periods;
        const int period1 = from % p_.periods;
        const bool random_walk = rng.Below(100) < 2;
        Move best_move;
        long long best_delta = std::numeric_limits<long long>::max();
        int ties = 0;
        const int offset = rng.Below(p_.slots);
        for (int i = 0; i < p_.slots; ++i) {
            const int target = (i + offset) % p_.slots;
            const int day2 = target / p_.periods;
            const int period2 = target % p_.periods;
            if (period2 + length > p_.periods || (day1 == day2 && std::abs(period1 - period2) < length)) {
                continue;
            }
            for (int kempe = 0; kempe < 2; ++kempe) {
                const Move move{class_index, day1, period1, day2, period2, length, kempe == 1};
                ++evaluations;
                if (!Apply(move, 3)) {
                    continue;
                }
                const long long delta = pending_delta_;
                bool tabu = false;
                for (int moved : moved_) {
                    tabu = tabu || tabu_until_[Idx(moved * p_.slots + start_[Idx(moved)])] > iteration;
                }
                Undo();
                if (kempe == 1 && chain_.size() == 1) {
                    continue;
                }
                if (tabu && Cost() + delta >= best_cost_) {
                    continue;
                }
                if (random_walk) {
                    best_move = move;
                    best_delta = delta;
                    i = p_.slots;
                    break;
                }
                if (delta < best_delta) {
                    best_delta = delta;
                    best_move = move;
                    ties = 1;
                } else if (delta == best_delta && rng.Below(++ties) == 0) {
                    best_move = move;
                }
            }
        }
        if (best_delta == std::numeric_limits<long long>::max()) {
            continue;
        }
        if (Apply(best_move, 3)) {
            Commit();
            for (const auto& [moved, old_start] : old_starts_) {
                tabu_until_[Idx(moved * p_.slots + old_start)] = iteration + 4 + rng.Below(8);
            }
            SaveBestIfImproved();
        }
    }
    return evaluations;
}

int SearchState::TargetNextTo(int teacher, Rng& rng) const {
    // A day the teacher teaches on, preferably one with a gap or a single period.
    int teaching_days[32];
    int defective_days[32];
    int teaching = 0;
    int defective = 0;
    for (int day = 0; day < p_.days; ++day) {
        const std::uint32_t mask = teacher_mask_[Idx(teacher * p_.days + day)];
        if (mask == 0) {
            continue;
        }
        teaching_days[teaching++] = day;
        const int span = (31 - __builtin_clz(mask)) - __builtin_ctz(mask) + 1;
        if (span != PopCount(mask) || span == 1) {
            defective_days[defective++] = day;
        }
    }
    if (teaching == 0) {
        return -1;
    }
    const int day =
        defective > 0 && rng.Below(2) == 0 ? defective_days[rng.Below(defective)] : teaching_days[rng.Below(teaching)];
    const std::uint32_t mask = teacher_mask_[Idx(teacher * p_.days + day)];
    const int first = __builtin_ctz(mask);
    const int last = 31 - __builtin_clz(mask);
    int candidates[34];
    int count = 0;
    if (first > 0) {
        candidates[count++] = first - 1;
    }
    if (last + 1 < p_.periods) {
        candidates[count++] = last + 1;
    }
    for (int period = first + 1; period < last; ++period) {
        if (((mask >> static_cast<unsigned>(period)) & 1U) == 0) {
            candidates[count++] = period;
        }
    }
    if (count == 0) {
        return -1;
    }
    return day * p_.periods + candidates[rng.Below(count)];
}

bool SearchState::Anneal(Rng& rng, long long iterations, double t_from, double t_to,
                         const std::function<bool()>& abort) {
    if (iterations <= 0) {
        return true;
    }
    const double factor = std::pow(t_to / t_from, 1.0 / static_cast<double>(iterations));
    double temperature = t_from;
    for (long long it = 0; it < iterations; ++it, temperature *= factor) {
        if ((it & 1023) == 0 && abort && abort()) {
            return false;
        }
        int class_index = 0;
        int slot1 = 0;
        int comp = -1;
        int target = -1;
        if (!defective_.empty() && rng.Below(2) == 0) {
            // Targeted move: bring a lesson of a teacher with gaps or single-period days next to their other
            // lessons of some day, or into a gap.
            const int teacher = defective_[Idx(rng.Below(static_cast<int>(defective_.size())))];
            const auto& comps = p_.teacher_comps[Idx(teacher)];
            comp = comps[Idx(rng.Below(static_cast<int>(comps.size())))];
            class_index = p_.comp_class[Idx(comp)];
            target = TargetNextTo(teacher, rng);
        } else {
            class_index = rng.Below(p_.classes);
            slot1 = rng.Below(p_.slots);
            comp = cell_[Idx(class_index * p_.slots + slot1)];
        }
        int length = 1;
        if (comp >= 0) {
            if (p_.comp_fixed_slot[Idx(comp)] >= 0) {
                continue;
            }
            slot1 = start_[Idx(comp)];
            length = p_.comp_duration[Idx(comp)];
        }

        const int day1 = slot1 / p_.periods;
        const int period1 = slot1 % p_.periods;
        const int day2 = target >= 0 ? target / p_.periods : rng.Below(p_.days);
        const int period2 =
            target >= 0 ? std::min(target % p_.periods, p_.periods - length) : rng.Below(p_.periods - length + 1);
        if (day1 == day2 && std::abs(period1 - period2) < length) {
            continue;
        }
        const Move move{class_index, day1, period1, day2, period2, length, true};
        if (!Apply(move, kMaxChainClasses)) {
            continue;
        }
        const long long delta = pending_delta_;
        if (delta <= 0 || rng.Uniform() < std::exp(-static_cast<double>(delta) / temperature)) {
            Commit();
            SaveBestIfImproved();
        } else {
            Undo();
        }
    }
    return true;
}

}  // namespace hocvu::timetable
