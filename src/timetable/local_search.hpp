#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "timetable/problem.hpp"
#include "timetable/rng.hpp"
#include "timetable/teacher_request.hpp"

namespace hocvu::timetable {

/// Weights of the search cost: teacher clashes, violated teacher requests/caps, soft objective.
struct SearchWeights {
    long long clash = 1000;
    long long unavailable = 1000;  ///< per period taught while the teacher asked to be free
    long long request = 1000;      ///< per unit over a teacher cap (periods/day, gaps, teaching days)
    long long soft = 1;
    /// Search price of one single-period teaching day; −1 = the instance's weight.
    long long single_day = -1;
    /// Rank timetables by single-period days before the weighted objective (see SaveBestIfImproved).
    bool single_days_first = false;
};

/// What a repair works on: every broken hard rule (half of the steps on clashes while any), or clashes only.
enum class RepairGoal { kAllRules, kClashes };

/// The state of one local search over a timetable.
///
/// Invariant kept by every move: each class's week is valid on its own (no class clash, fixed slots held,
/// split components on different days, doubles not across the break, subjects out of the last period,
/// days without gaps starting at period 1). Teacher clashes, teacher unavailability and the teacher caps
/// are costs, driven to zero by Repair and never increased by Anneal once they are zero.
class SearchState {
public:
    /// `relaxed` lists teacher requests the search may ignore (used by the infeasibility diagnosis).
    SearchState(const Problem& problem, const std::vector<TeacherRequest>& relaxed, SearchWeights weights);

    /// Greedy most-constrained-first construction; false when some class has no valid week at all.
    bool Construct(Rng& rng);

    /// Whether the class alone (ignoring teachers) has a week meeting the class rules; clears the state.
    bool ClassAloneFeasible(int class_index, Rng& rng);

    /// Replaces the state by the given component start slots (a state previously produced by a search).
    void Load(const std::vector<int>& starts);

    /// Tabu min-conflicts search on teacher clashes and requests; stops when they are all met, after
    /// `budget` move evaluations, or when `abort` returns true. Returns the evaluations used.
    /// With kClashes the repair works on teacher clashes only and stops when none is left.
    long long Repair(Rng& rng, long long budget, const std::function<bool()>& abort, RepairGoal goal);

    /// Simulated annealing with Kempe-chain swaps between two periods (or double periods) of a class's week,
    /// temperature going geometrically from `t_from` to `t_to` over `iterations`.
    /// Returns false when stopped by `abort`.
    bool Anneal(Rng& rng, long long iterations, double t_from, double t_to, const std::function<bool()>& abort);

    /// Current weighted cost.
    [[nodiscard]] long long Cost() const {
        return weights_.clash * clashes_ + weights_.unavailable * unavailable_total_ +
               weights_.request * (requests_ - unavailable_total_) + weights_.soft * soft_;
    }
    /// Teacher clashes plus violated request units in the current state.
    [[nodiscard]] long long Hard() const { return clashes_ + requests_; }
    [[nodiscard]] long long Clashes() const { return clashes_; }
    /// Search soft cost: gaps at their weight, single-period days at the search price.
    [[nodiscard]] long long Soft() const { return soft_; }
    /// The instance's objective of the current state (gaps and single-period days at the instance's weights).
    [[nodiscard]] long long Objective() const { return objective_; }
    /// Single-period teaching days of the current state (0 when the instance gives them no weight).
    [[nodiscard]] long long SingleDays() const { return singles_; }
    /// The best state so far has the fewest clashes, then the fewest broken requests, then (with
    /// `single_days_first`) the fewest single-period days, then the lowest objective; BestHard ranks the first
    /// two (clashes × 10⁶ + requests).
    [[nodiscard]] long long BestHard() const { return best_hard_; }
    [[nodiscard]] long long BestSingles() const { return best_singles_; }
    /// The instance's objective of the best state.
    [[nodiscard]] long long BestSoft() const { return best_objective_; }
    /// Changes the search price of a single-period day (the ranking of the best state is not affected).
    void SetSingleDayPrice(long long price);
    [[nodiscard]] long long SingleDayPrice() const { return single_price_; }
    /// Price of one unit over a teacher cap during the search (the best state is still chosen hard-first).
    void SetRequestWeight(long long weight) { weights_.request = weight; }
    /// Price of one period taught while the teacher asked to be free.
    void SetUnavailableWeight(long long weight) { weights_.unavailable = weight; }
    [[nodiscard]] long long RequestWeight() const { return weights_.request; }
    [[nodiscard]] const std::vector<int>& BestStarts() const { return best_start_; }
    [[nodiscard]] const std::vector<int>& Starts() const { return start_; }

    /// Requests (among the non-relaxed ones) that the current state breaks.
    [[nodiscard]] std::vector<TeacherRequest> ViolatedRequests() const;

private:
    struct Move {
        int class_index = 0;
        int day1 = 0;
        int period1 = 0;
        int day2 = 0;
        int period2 = 0;
        int length = 1;
        bool kempe = false;
    };
    struct TeacherCost {
        long long requests = 0;  ///< unavailable periods taught plus units over the caps
        long long unavailable = 0;
        long long soft = 0;       ///< search cost: gaps × weight + single-period days × search price
        long long singles = 0;    ///< single-period days (counted only when the instance weighs them)
        long long objective = 0;  ///< gaps and single-period days at the instance's weights
    };

    void Clear();
    void PlaceAt(int comp, int slot);
    void RemoveFrom(int comp);
    void AddTeacher(int teacher, int slot);
    void RemoveTeacher(int teacher, int slot);
    [[nodiscard]] bool FitsAt(int comp, int slot) const;
    [[nodiscard]] bool ClassDayValid(int class_index, int day) const;
    [[nodiscard]] TeacherCost ComputeTeacher(int teacher) const;
    void RecomputeAllTeachers();
    bool ConstructClassAlone(int class_index, Rng& rng);
    bool PrepareClass(int class_index, Rng& rng);
    bool SearchClass(std::vector<int>& order, std::size_t index, long long& nodes, Rng& rng);
    [[nodiscard]] int PlacementScore(int comp, int slot) const;

    [[nodiscard]] bool BlockMovable(int class_index, int day, int period, int length) const;
    bool BuildChain(const Move& move, int max_classes);
    void SwapBlocks(int class_index, const Move& move);
    bool Apply(const Move& move, int max_classes);
    void Undo();
    void Commit();
    void SaveBestIfImproved();
    [[nodiscard]] bool BeatsBest() const;
    void CollectConflicts(std::vector<int>& out, bool clashes_first) const;
    void UpdateDefective(int teacher);
    [[nodiscard]] int TargetNextTo(int teacher, Rng& rng) const;

    const Problem& p_;
    SearchWeights weights_;
    std::vector<std::uint32_t> unavailable_;
    std::vector<int> max_days_;
    std::vector<int> max_per_day_;
    std::vector<int> min_per_day_;
    std::vector<int> max_gaps_day_;
    std::vector<int> max_gaps_week_;

    std::vector<int> cell_;                    ///< class × slot → component or −1
    std::vector<std::uint8_t> reserved_;       ///< class × slot cells left empty by the construction
    std::vector<int> start_;                   ///< component → start slot or −1
    std::vector<std::uint8_t> teacher_count_;  ///< teacher × slot
    std::vector<std::uint32_t> teacher_mask_;  ///< teacher × day
    std::vector<int> teacher_clashes_;
    std::vector<TeacherCost> teacher_cost_;
    std::vector<int> defective_;      ///< teachers with a positive soft cost
    std::vector<int> defective_pos_;  ///< teacher → index in defective_, or −1
    long long clashes_ = 0;
    long long requests_ = 0;
    long long unavailable_total_ = 0;
    long long soft_ = 0;
    long long singles_ = 0;
    long long objective_ = 0;
    long long single_price_ = 0;

    long long best_cost_ = 0;
    long long best_hard_ = 0;
    long long best_singles_ = 0;
    long long best_objective_ = 0;
    std::vector<int> best_start_;

    // Scratch of the pending move.
    Move pending_move_;
    std::vector<int> chain_;
    std::vector<int> moved_;
    std::vector<std::pair<int, int>> old_starts_;
    std::vector<int> touched_teachers_;
    std::vector<TeacherCost> new_costs_;
    long long pending_delta_ = 0;
    long long clashes_before_ = 0;
    std::vector<std::uint32_t> class_stamp_;
    std::vector<std::uint32_t> teacher_stamp_;
    std::vector<std::uint32_t> comp_stamp_;
    std::uint32_t stamp_ = 0;
    std::vector<long long> tabu_until_;  ///< component × slot: repair iteration until which the move back is tabu
    long long repair_iteration_ = 0;
};

}  // namespace hocvu::timetable
