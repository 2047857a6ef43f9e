#include "assessment/tt22/tt22.hpp"

#include <array>

#include "assessment/interpretations.hpp"
#include "assessment/subject_rules.hpp"

namespace hocvu::assessment::tt22 {
namespace {

// TT22 Điều 9 khoản 2: thresholds, all inclusive ("từ … trở lên"); "dưới 3,5" is strict.
constexpr Tenths kTotFloor = Tenths::FromTenths(65);
constexpr Tenths kTotMany = Tenths::FromTenths(80);
constexpr Tenths kKhaFloor = Tenths::FromTenths(50);
constexpr Tenths kKhaMany = Tenths::FromTenths(65);
constexpr Tenths kDatMany = Tenths::FromTenths(50);
constexpr Tenths kDatFloor = Tenths::FromTenths(35);
constexpr int kAtLeastSubjects = 6;
constexpr int kDatMaxCommentFails = 1;

// TT22 Điều 14: subjects with ĐTBmcn below 5,0 are re-assessed.
constexpr Tenths kReassessBelow = Tenths::FromTenths(50);
// TT22 Điều 15 khoản 1 điểm a: "Học sinh Xuất sắc" needs 6 subjects with ĐTBmcn ≥ 9,0.
constexpr Tenths kExcellentScore = Tenths::FromTenths(90);
constexpr int kExcellentSubjects = 6;
// TT22 Điều 12 khoản 1 điểm c: at most 45 absences (A10).
constexpr int kMaxAbsences = 45;

constexpr std::int16_t kNoSubject = -1;

// What the level conditions look at.
struct Tally {
    int comment_fails = 0;
    std::int16_t first_fail = kNoSubject;
    Tenths min = Tenths::FromTenths(Tenths::kMaxScore + 1);
    std::int16_t min_subject = kNoSubject;
    Tenths second_min = Tenths::FromTenths(Tenths::kMaxScore + 1);
    int at_least_80 = 0;
    int at_least_65 = 0;
    int at_least_50 = 0;
};

Tally Count(std::span<const ScoredEntry> scored, std::span<const CommentEntry> comments) {
    Tally tally;
    for (const CommentEntry& entry : comments) {
        if (!entry.pass) {
            if (tally.comment_fails++ == 0) {
                tally.first_fail = entry.subject;
            }
        }
    }
    // Locals rather than the returned struct, so that the loop keeps them in registers.
    std::int32_t min = Tenths::kMaxScore + 1;
    std::int32_t second_min = Tenths::kMaxScore + 1;
    std::int16_t min_subject = kNoSubject;
    int at_least_80 = 0;
    int at_least_65 = 0;
    int at_least_50 = 0;
    for (const ScoredEntry& entry : scored) {
        const std::int32_t value = entry.value.tenths();
        if (value < min) {
            second_min = min;
            min = value;
            min_subject = entry.subject;
        } else if (value < second_min) {
            second_min = value;
        }
        at_least_80 += value >= kTotMany.tenths() ? 1 : 0;
        at_least_65 += value >= kKhaMany.tenths() ? 1 : 0;
        at_least_50 += value >= kDatMany.tenths() ? 1 : 0;
    }
    tally.min = Tenths::FromTenths(min);
    tally.second_min = Tenths::FromTenths(second_min);
    tally.min_subject = min_subject;
    tally.at_least_80 = at_least_80;
    tally.at_least_65 = at_least_65;
    tally.at_least_50 = at_least_50;
    return tally;
}

// The tally with the lowest scored subject left out (A15: it does not count towards the "6 subjects" either).
Tally WithoutLowest(const Tally& all) {
    Tally t = all;
    t.min = all.second_min;
    t.min_subject = kNoSubject;
    t.at_least_80 -= all.min >= kTotMany ? 1 : 0;
    t.at_least_65 -= all.min >= kKhaMany ? 1 : 0;
    t.at_least_50 -= all.min >= kDatMany ? 1 : 0;
    return t;
}

// TT22 Điều 9 khoản 2 điểm a–d.
Rank LevelOf(const Tally& t) {
    if (t.comment_fails == 0 && t.min >= kTotFloor && t.at_least_80 >= kAtLeastSubjects) {
        return kTot;
    }
    if (t.comment_fails == 0 && t.min >= kKhaFloor && t.at_least_65 >= kAtLeastSubjects) {
        return kKha;
    }
    if (t.comment_fails <= kDatMaxCommentFails && t.at_least_50 >= kAtLeastSubjects && t.min >= kDatFloor) {
        return kDat;
    }
    return kChuaDat;
}

// Records the first condition of the level above `level` that fails: the deciding input of the explanation.
void RecordReason(const Tally& t, Rank level, LevelDecision& d) {
    const auto below = [&](Tenths floor) {
        d.reason = LevelReason::kSubjectBelow;
        d.subject = t.min_subject;
        d.value = t.min;
        d.threshold = floor;
    };
    const auto too_few = [&](int count, Tenths threshold) {
        d.reason = LevelReason::kTooFewAtLeast;
        d.count = static_cast<std::int16_t>(count);
        d.needed = kAtLeastSubjects;
        d.threshold = threshold;
    };
    if (level == kTot) {
        d.reason = LevelReason::kTop;
        d.count = static_cast<std::int16_t>(t.at_least_80);
        return;
    }
    if (level == kKha || level == kDat) {
        if (t.comment_fails > 0) {
            d.reason = LevelReason::kCommentFail;
            d.subject = t.first_fail;
            return;
        }
        const Tenths floor = level == kKha ? kTotFloor : kKhaFloor;
        const Tenths many = level == kKha ? kTotMany : kKhaMany;
        if (t.min < floor) {
            below(floor);
            return;
        }
        too_few(level == kKha ? t.at_least_80 : t.at_least_65, many);
        return;
    }
    if (t.comment_fails > kDatMaxCommentFails) {
        d.reason = LevelReason::kTooManyCommentFail;
        d.count = static_cast<std::int16_t>(t.comment_fails);
        d.needed = kDatMaxCommentFails;
        return;
    }
    if (t.min < kDatFloor) {
        below(kDatFloor);
        return;
    }
    too_few(t.at_least_50, kDatMany);
}

// TT22 Điều 9 khoản 1: a comment subject is Đạt in a semester when every required assessment is Đạt.
bool AllPass(const SemesterMarks& marks) {
    for (int i = 0; i < marks.regular_count; ++i) {
        if (!marks.regular[i].IsPass()) {
            return false;
        }
    }
    for (int i = 0; i < marks.midterm_count; ++i) {
        if (!marks.midterm[i].IsPass()) {
            return false;
        }
    }
    return marks.final.IsPass();
}

Mark SemesterResult(const SubjectInput& subject, const SemesterMarks& marks, int index, Period period,
                    std::vector<Missing>& missing) {
    if (!marks.taught) {
        return Mark::None();
    }
    const int required = RequiredRegularCount(subject.kind, subject.periods_per_year, subject.topics);
    const SemesterGaps gaps = FindGaps(marks, required, 1);
    if (gaps.Any()) {
        // A5: a missing assessment is reported, never turned into 0 or CĐ by the engine.
        AppendGaps(gaps, index, period, missing);
        return Mark::Missing();
    }
    if (subject.kind == SubjectKind::kComment) {
        return Mark::Comment(AllPass(marks));
    }
    return Mark::Score(SemesterAverage(marks).value);
}

// The year result of a subject. TT22 Điều 9 khoản 1: ĐTBmcn from the recorded semester averages (A2); a comment
// subject's year result is its semester II result. Rule S1: a subject taught in one semester only takes that
// semester's result for the year (TT58 Điều 10 precedent; TT22 is silent).
Mark YearResult(const SubjectInput& subject, Mark hk1, Mark hk2) {
    static_assert(interpretation::kS1OneSemesterSubjectKeepsItsResult, "no other reading is implemented");
    if (hk1.IsNone()) {
        return hk2;
    }
    if (hk2.IsNone()) {
        return hk1;
    }
    if (subject.kind == SubjectKind::kComment) {
        return hk2;
    }
    if (hk1.IsMissing() || hk2.IsMissing()) {
        return Mark::Missing();
    }
    return Mark::Score(YearAverage(hk1.score(), hk2.score()));
}

struct PeriodLists {
    std::array<ScoredEntry, kMaxSubjects> scored;
    std::array<CommentEntry, kMaxSubjects> comments;
    int scored_count = 0;
    int comment_count = 0;
    bool incomplete = false;

    void Add(std::int16_t subject, Mark mark) {
        if (mark.IsNone()) {
            return;
        }
        if (mark.IsMissing()) {
            incomplete = true;
        } else if (mark.IsScore()) {
            scored[static_cast<std::size_t>(scored_count++)] = ScoredEntry{subject, mark.score()};
        } else {
            comments[static_cast<std::size_t>(comment_count++)] = CommentEntry{subject, mark.IsPass()};
        }
    }

    [[nodiscard]] LevelDecision Decide() const {
        LevelDecision decision;
        if (incomplete) {
            decision.raw = decision.final = kRankIncomplete;
            decision.reason = LevelReason::kIncomplete;
            return decision;
        }
        if (scored_count + comment_count == 0) {
            return decision;
        }
        return DecideLearning(std::span(scored.data(), static_cast<std::size_t>(scored_count)),
                              std::span(comments.data(), static_cast<std::size_t>(comment_count)));
    }
};

Rank ConductRank(Conduct conduct) {
    return conduct == Conduct::kMissing ? kRankIncomplete : static_cast<Rank>(conduct);
}

// TT22 Điều 15 khoản 1 điểm a: titles at the end of the year only; no attendance condition (A16).
Award DecideAward(Rank conduct_year, Rank learning_year, int at_least_9) {
    if ((conduct_year >= 0 && conduct_year != kTot) || (learning_year >= 0 && learning_year != kTot)) {
        return Award::kNone;
    }
    if (conduct_year < 0 || learning_year < 0) {
        return Award::kIncomplete;
    }
    return at_least_9 >= kExcellentSubjects ? Award::kExcellent : Award::kGood;
}


// TT22 Điều 14 (A7): re-assess every comment subject at CĐ and every scored subject with ĐTBmcn < 5,0; the
// re-assessment result replaces the year result, even when lower, and the year level is decided again.
void ApplyReassessment(const StudentYear& student, Assessment& result) {
    PeriodLists after;
    bool any_given = false;
    bool all_given = true;
    for (std::size_t i = 0; i < student.subjects.size(); ++i) {
        const SubjectResult& subject = result.subjects[i];
        if (subject.reassess) {
            const Mark given = student.subjects[i].reassessment;
            any_given = any_given || !given.IsNone();
            all_given = all_given && !given.IsNone();
        }
    }
    if (!any_given) {
        result.outcome = Outcome::kReassessment;
        return;
    }
    for (std::size_t i = 0; i < student.subjects.size(); ++i) {
        SubjectResult& subject = result.subjects[i];
        const auto index = static_cast<std::int16_t>(i);
        if (!subject.reassess) {
            after.Add(index, subject.year);
            continue;
        }
        const Mark given = student.subjects[i].reassessment;
        if (given.IsNone()) {
            result.missing.push_back(Missing{index, Period::kYear, MissingItem::kReassessment, 1});
            continue;
        }
        subject.after_reassessment = given;
        after.Add(index, given);
    }
    if (!all_given) {
        result.outcome = Outcome::kIncomplete;
        return;
    }
    result.summer_reassessment_done = true;
    result.learning_after_summer = after.Decide();
    result.outcome = result.learning_after_summer.final >= kDat ? Outcome::kPromoted : Outcome::kRetained;
}

// TT22 Điều 12 (promotion), Điều 13 (summer conduct training), Điều 14 (re-assessment), A6, A17, A18.
void DecideOutcome(const StudentYear& student, Assessment& result) {
    if (!result.missing.empty()) {
        result.outcome = Outcome::kIncomplete;
        return;
    }
    const Rank conduct = result.conduct[2];
    const Rank learning = result.learning[2].final;
    if (interpretation::kA18AbsencesEndTheYear && student.absences > kMaxAbsences) {
        // A18: over the absence limit there is no re-assessment and no summer remedy.
        result.retained_for_absences = true;
        result.outcome = Outcome::kRetained;
        return;
    }
    if (conduct >= kDat && learning >= kDat) {
        result.outcome = student.absences > kMaxAbsences ? Outcome::kRetained : Outcome::kPromoted;
        result.retained_for_absences = student.absences > kMaxAbsences;
        return;
    }
    if (interpretation::kA6ConductMustPassForReassessment && learning < kDat && conduct < kDat) {
        // A6 (literal TT22 Điều 14): re-assessment needs the year conduct at Đạt or above.
        result.reassessment_blocked_by_conduct = true;
        result.outcome = Outcome::kRetained;
        return;
    }
    if (conduct < kDat) {
        // TT22 Điều 13: summer training; the re-evaluated conduct replaces the year conduct for promotion.
        if (student.summer_conduct == Conduct::kMissing) {
            result.outcome = Outcome::kSummerTraining;
            return;
        }
        result.summer_conduct_done = true;
        result.conduct_after_summer = static_cast<Rank>(student.summer_conduct);
        result.outcome = result.conduct_after_summer >= kDat ? Outcome::kPromoted : Outcome::kRetained;
        return;
    }
    bool any = false;
    for (SubjectResult& subject : result.subjects) {
        subject.reassess = subject.year.IsFail() || (subject.year.IsScore() && subject.year.score() < kReassessBelow);
        any = any || subject.reassess;
    }
    if (!any) {
        // Chưa đạt without any subject below 5,0 or at CĐ (fewer than 6 scored subjects): re-assessment cannot
        // change the level, so the student is not promoted (Điều 12 khoản 3).
        result.nothing_to_reassess = true;
        result.outcome = Outcome::kRetained;
        return;
    }
    ApplyReassessment(student, result);
}

}  // namespace

int RequiredRegularCount(SubjectKind kind, int periods_per_year, int topics) {
    if (kind == SubjectKind::kComment) {
        return 2 + topics;
    }
    if (periods_per_year <= 35) {
        return 2 + topics;
    }
    if (periods_per_year <= 70) {
        return 3 + topics;
    }
    return 4 + topics;
}

LevelDecision DecideLearning(std::span<const ScoredEntry> scored, std::span<const CommentEntry> comments) {
    LevelDecision decision;
    const Tally all = Count(scored, comments);
    decision.raw = decision.final = LevelOf(all);
    RecordReason(all, decision.raw, decision);
    if (decision.raw > kDat) {
        return decision;
    }
    // TT22 Điều 9 khoản 3: dropped two levels or more below Tốt/Khá because of one single subject → raised to
    // the adjacent level. A15: the would-be level leaves a scored subject out (it does not count towards the
    // "6 subjects" thresholds) or counts a comment subject as Đạt (A4). A3: the adjacent level is raw + 1.
    int culprits = 0;
    const auto consider = [&](std::int16_t subject, const Tally& without) {
        const Rank would_be = LevelOf(without);
        if (would_be >= kKha && would_be - decision.raw >= 2) {
            ++culprits;
            decision.culprit = subject;
            decision.would_be = would_be;
        }
    };
    // Only two subjects can be the single cause: the lowest scored subject, when every other condition of Khá
    // holds without it (no CĐ, the next lowest from 5,0), and the only CĐ comment subject, when every scored
    // subject is from 5,0. Any other subject leaves a failing Khá condition in place, so its would-be level is at
    // most Đạt (A15).
    if (all.comment_fails == 0 && all.min < kTotFloor && all.second_min >= kKhaFloor) {
        consider(all.min_subject, WithoutLowest(all));
    }
    if (interpretation::kA4CommentSubjectMayCauseDrop && all.comment_fails == 1 && all.min >= kKhaFloor) {
        Tally passed = all;
        passed.comment_fails = 0;
        consider(all.first_fail, passed);
    }
    if (culprits == 1) {
        decision.adjusted = true;
        decision.final = interpretation::kA3AdjacentLevel == interpretation::AdjacentLevel::kRawPlusOne
                             ? static_cast<Rank>(decision.raw + 1)
                             : static_cast<Rank>(decision.would_be - 1);
    } else {
        decision.culprit = kNoSubject;
        decision.would_be = kRankNone;
    }
    return decision;
}

Rank ConductYear(Rank hk1, Rank hk2) {
    // TT22 Điều 8 (regulations.md §1.10), rows HK I, columns HK II (Chưa đạt, Đạt, Khá, Tốt).
    constexpr Rank kTable[4][4] = {
        {kChuaDat, kDat, kDat, kKha},  // HK I Chưa đạt
        {kChuaDat, kDat, kKha, kKha},  // HK I Đạt
        {kChuaDat, kDat, kKha, kTot},  // HK I Khá
        {kChuaDat, kKha, kKha, kTot},  // HK I Tốt
    };
    return kTable[hk1][hk2];
}

void Assess(const StudentYear& student, Assessment& result) {
    ResetAssessment(Regulation::kTt22, student.subjects.size(), result);
    std::array<PeriodLists, 3> lists;
    for (std::size_t i = 0; i < student.subjects.size(); ++i) {
        const SubjectInput& subject = student.subjects[i];
        SubjectResult& out = result.subjects[i];
        const auto index = static_cast<int>(i);
        out.hk1 = SemesterResult(subject, subject.hk1, index, Period::kHk1, result.missing);
        out.hk2 = SemesterResult(subject, subject.hk2, index, Period::kHk2, result.missing);
        out.year = YearResult(subject, out.hk1, out.hk2);
        lists[0].Add(static_cast<std::int16_t>(i), out.hk1);
        lists[1].Add(static_cast<std::int16_t>(i), out.hk2);
        lists[2].Add(static_cast<std::int16_t>(i), out.year);
        if (out.year.IsScore() && out.year.score() >= kExcellentScore) {
            ++result.subjects_at_least_9;
        }
    }
    for (std::size_t p = 0; p < 3; ++p) {
        result.learning[p] = lists[p].Decide();
    }
    result.conduct[0] = ConductRank(student.conduct_hk1);
    result.conduct[1] = ConductRank(student.conduct_hk2);
    if (student.conduct_hk1 == Conduct::kMissing) {
        result.missing.push_back(Missing{-1, Period::kHk1, MissingItem::kConduct, 1});
    }
    if (student.conduct_hk2 == Conduct::kMissing) {
        result.missing.push_back(Missing{-1, Period::kHk2, MissingItem::kConduct, 1});
    }
    result.conduct[2] = result.conduct[0] >= 0 && result.conduct[1] >= 0
                            ? ConductYear(result.conduct[0], result.conduct[1])
                            : kRankIncomplete;
    if (student.absences < 0) {
        result.missing.push_back(Missing{-1, Period::kYear, MissingItem::kAbsences, 1});
    }
    result.award[2] = DecideAward(result.conduct[2], result.learning[2].final, result.subjects_at_least_9);
    DecideOutcome(student, result);
}

}  // namespace hocvu::assessment::tt22
