#include "assessment/tt58/tt58.hpp"

#include <array>

#include "assessment/interpretations.hpp"
#include "assessment/subject_rules.hpp"

namespace hocvu::assessment::tt58 {
namespace {

constexpr std::int16_t kNoSubject = -1;

// TT58 Điều 13: per level, the overall average, the best core subject and the lowest subject ("không có môn
// học nào điểm trung bình dưới …"); all inclusive.
struct LevelThresholds {
    Tenths average;
    Tenths core;
    Tenths floor;
};
constexpr LevelThresholds kGioi8 = {Tenths::FromTenths(80), Tenths::FromTenths(80), Tenths::FromTenths(65)};
constexpr LevelThresholds kKha65 = {Tenths::FromTenths(65), Tenths::FromTenths(65), Tenths::FromTenths(50)};
constexpr LevelThresholds kTrungBinh5 = {Tenths::FromTenths(50), Tenths::FromTenths(50), Tenths::FromTenths(35)};
// TT58 Điều 13 khoản 4: Yếu needs an average from 3,5 and no subject below 2,0 (no core or comment condition).
constexpr Tenths kYeuAverage = Tenths::FromTenths(35);
constexpr Tenths kYeuFloor = Tenths::FromTenths(20);

// TT58 Điều 16: subjects below 5,0 (or CĐ) may be re-examined.
constexpr Tenths kReassessBelow = Tenths::FromTenths(50);
// TT58 Điều 15 khoản 1 điểm b: at most 45 absences.
constexpr int kMaxAbsences = 45;

struct Tally {
    Tenths average;
    bool has_scored = false;
    Tenths core;  // best of Toán, Ngữ văn (and Ngoại ngữ under TT26)
    std::int16_t core_subject = kNoSubject;
    Tenths min = Tenths::FromTenths(Tenths::kMaxScore + 1);
    std::int16_t min_subject = kNoSubject;
    int comment_fails = 0;
    std::int16_t first_fail = kNoSubject;
};

bool IsCore(Regulation regulation, SubjectRole role) {
    return role == SubjectRole::kMath || role == SubjectRole::kLiterature ||
           (regulation == Regulation::kTt26 && role == SubjectRole::kForeignLanguage);
}

Tally Count(Regulation regulation, std::span<const ScoredEntry> scored, std::span<const CommentEntry> comments) {
    Tally t;
    std::int64_t sum = 0;
    for (const ScoredEntry& entry : scored) {
        sum += entry.value.tenths();
        if (entry.value < t.min) {
            t.min = entry.value;
            t.min_subject = entry.subject;
        }
        if (IsCore(regulation, entry.role) && (t.core_subject == kNoSubject || entry.value > t.core)) {
            t.core = entry.value;
            t.core_subject = entry.subject;
        }
    }
    if (!scored.empty()) {
        // A19 (TT58 Điều 11): the unweighted mean of the scored subjects, rounded half-up before the thresholds.
        static_assert(interpretation::kA19RoundOverallAverage, "an unrounded mean is not implemented");
        t.average = Tenths::RoundHalfUp(sum, static_cast<std::int64_t>(scored.size()));
        t.has_scored = true;
    }
    for (const CommentEntry& entry : comments) {
        if (!entry.pass && t.comment_fails++ == 0) {
            t.first_fail = entry.subject;
        }
    }
    return t;
}

bool CoreReaches(const Tally& t, Tenths threshold) { return t.core_subject != kNoSubject && t.core >= threshold; }

bool Meets(const Tally& t, const LevelThresholds& level) {
    return t.has_scored && t.average >= level.average && CoreReaches(t, level.core) && t.min >= level.floor &&
           t.comment_fails == 0;
}

// TT58 Điều 13 khoản 1–5.
Rank LevelOf(const Tally& t) {
    if (Meets(t, kGioi8)) {
        return kGioi;
    }
    if (Meets(t, kKha65)) {
        return kKha;
    }
    if (Meets(t, kTrungBinh5)) {
        return kTrungBinh;
    }
    if (t.has_scored && t.average >= kYeuAverage && t.min >= kYeuFloor) {
        return kYeu;
    }
    return kKem;
}

// The first condition of the level above `level` that fails.
void RecordReason(const Tally& t, Rank level, LevelDecision& d) {
    d.average = t.average;
    if (level == kGioi) {
        d.reason = LevelReason::kTop;
        return;
    }
    if (level == kKem) {
        if (!t.has_scored || t.average < kYeuAverage) {
            d.reason = LevelReason::kAverageBelow;
            d.value = t.average;
            d.threshold = kYeuAverage;
        } else {
            d.reason = LevelReason::kSubjectBelow;
            d.subject = t.min_subject;
            d.value = t.min;
            d.threshold = kYeuFloor;
        }
        return;
    }
    const LevelThresholds& next = level == kKha ? kGioi8 : level == kTrungBinh ? kKha65 : kTrungBinh5;
    if (t.average < next.average) {
        d.reason = LevelReason::kAverageBelow;
        d.value = t.average;
        d.threshold = next.average;
    } else if (!CoreReaches(t, next.core)) {
        d.reason = LevelReason::kCoreBelow;
        d.subject = t.core_subject;
        d.value = t.core;
        d.threshold = next.core;
    } else if (t.min < next.floor) {
        d.reason = LevelReason::kSubjectBelow;
        d.subject = t.min_subject;
        d.value = t.min;
        d.threshold = next.floor;
    } else {
        d.reason = LevelReason::kCommentFail;
        d.subject = t.first_fail;
    }
}

// The single scored subject below `floor`, or kNoSubject when there are none or several.
std::int16_t SingleBelow(std::span<const ScoredEntry> scored, Tenths floor) {
    std::int16_t found = kNoSubject;
    for (const ScoredEntry& entry : scored) {
        if (entry.value < floor) {
            if (found != kNoSubject) {
                return kNoSubject;
            }
            found = entry.subject;
        }
    }
    return found;
}

// TT58 Điều 10 khoản 2: a comment subject is Đạt in a semester with all tests done, at least 2/3 of them Đ, the
// semester test among them.
bool CommentSemesterPass(const SemesterMarks& marks) {
    int total = 0;
    int passes = 0;
    for (int i = 0; i < marks.regular_count; ++i) {
        if (!marks.regular[i].IsMissing()) {
            ++total;
            passes += marks.regular[i].IsPass() ? 1 : 0;
        }
    }
    for (int i = 0; i < marks.midterm_count; ++i) {
        if (!marks.midterm[i].IsMissing()) {
            ++total;
            passes += marks.midterm[i].IsPass() ? 1 : 0;
        }
    }
    ++total;
    passes += marks.final.IsPass() ? 1 : 0;
    return marks.final.IsPass() && 3 * passes >= 2 * total;
}

Mark SemesterResult(Regulation regulation, const SubjectInput& subject, const SemesterMarks& marks, int index,
                    Period period, std::vector<Missing>& missing) {
    if (!marks.taught) {
        return Mark::None();
    }
    const SemesterGaps gaps = FindGaps(marks, RequiredRegularCount(regulation, subject.periods_per_year), 1);
    if (gaps.Any()) {
        // A5: reported, never turned into 0 or CĐ by the engine.
        AppendGaps(gaps, index, period, missing);
        return Mark::Missing();
    }
    if (subject.kind == SubjectKind::kComment) {
        return Mark::Comment(CommentSemesterPass(marks));
    }
    return Mark::Score(SemesterAverage(marks).value);
}

// TT58 Điều 10: ĐTBmcn = (HK I + 2·HK II)/3; a subject taught in one semester takes that semester's result;
// a comment subject is Đ for the year when semester II is Đ ("cả hai học kỳ … Đ hoặc học kỳ I … CĐ, học kỳ II … Đ").
Mark YearResult(const SubjectInput& subject, Mark hk1, Mark hk2) {
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
    std::array<ScoredEntry, kMaxSubjects> scored{};
    std::array<CommentEntry, kMaxSubjects> comments{};
    int scored_count = 0;
    int comment_count = 0;
    bool incomplete = false;

    void Add(std::int16_t subject, SubjectRole role, Mark mark) {
        if (mark.IsNone()) {
            return;
        }
        if (mark.IsMissing()) {
            incomplete = true;
        } else if (mark.IsScore()) {
            scored[static_cast<std::size_t>(scored_count++)] = ScoredEntry{subject, mark.score(), role};
        } else {
            comments[static_cast<std::size_t>(comment_count++)] = CommentEntry{subject, mark.IsPass()};
        }
    }

    [[nodiscard]] LevelDecision Decide(Regulation regulation) const {
        LevelDecision decision;
        if (incomplete) {
            decision.raw = decision.final = kRankIncomplete;
            decision.reason = LevelReason::kIncomplete;
            return decision;
        }
        if (scored_count + comment_count == 0) {
            return decision;
        }
        return DecideLearning(regulation, std::span(scored.data(), static_cast<std::size_t>(scored_count)),
                              std::span(comments.data(), static_cast<std::size_t>(comment_count)));
    }
};

Rank ConductRank(Conduct conduct) {
    return conduct == Conduct::kMissing ? kRankIncomplete : static_cast<Rank>(conduct);
}

// TT58 Điều 18: "học sinh giỏi" with hạnh kiểm Tốt and học lực Giỏi; "học sinh tiên tiến" with both from Khá;
// per semester and for the year.
Award DecideAward(Rank conduct, Rank learning) {
    constexpr Rank kConductGood = static_cast<Rank>(Conduct::kGood);
    constexpr Rank kConductVeryGood = static_cast<Rank>(Conduct::kVeryGood);
    if ((conduct >= 0 && conduct < kConductGood) || (learning >= 0 && learning < kKha)) {
        return Award::kNone;
    }
    if (conduct < 0 || learning < 0) {
        return Award::kIncomplete;
    }
    return conduct == kConductVeryGood && learning == kGioi ? Award::kGood : Award::kAdvanced;
}


// TT58 Điều 16: the student chooses some of the candidate subjects; the results given replace the year results,
// the overall average and học lực are decided again, and Trung bình or above is promoted.
void ApplyReassessment(const StudentYear& student, Assessment& result) {
    PeriodLists after;
    bool any_given = false;
    for (std::size_t i = 0; i < student.subjects.size(); ++i) {
        SubjectResult& subject = result.subjects[i];
        const Mark given = student.subjects[i].reassessment;
        Mark year = subject.year;
        if (subject.reassess && !given.IsNone()) {
            any_given = true;
            subject.after_reassessment = given;
            year = given;
        }
        after.Add(static_cast<std::int16_t>(i), LookUpSubject(student.subjects[i].code).role, year);
    }
    if (!any_given) {
        result.outcome = Outcome::kReassessment;
        return;
    }
    result.summer_reassessment_done = true;
    result.learning_after_summer = after.Decide(student.regulation);
    result.outcome = result.learning_after_summer.final >= kTrungBinh ? Outcome::kPromoted : Outcome::kRetained;
}

// TT58 Điều 15 (promotion), 16 (re-examination), 17 (summer conduct training).
void DecideOutcome(const StudentYear& student, Assessment& result) {
    if (!result.missing.empty()) {
        result.outcome = Outcome::kIncomplete;
        return;
    }
    constexpr Rank kConductPass = static_cast<Rank>(Conduct::kPass);
    const Rank conduct = result.conduct[2];
    const Rank learning = result.learning[2].final;
    if (student.absences > kMaxAbsences) {
        result.retained_for_absences = true;
        result.outcome = Outcome::kRetained;
        return;
    }
    if (learning == kKem || (learning == kYeu && conduct < kConductPass)) {
        result.reassessment_blocked_by_conduct = learning == kYeu;
        result.outcome = Outcome::kRetained;
        return;
    }
    if (learning >= kTrungBinh && conduct >= kConductPass) {
        result.outcome = Outcome::kPromoted;
        return;
    }
    if (conduct < kConductPass) {
        if (student.summer_conduct == Conduct::kMissing) {
            result.outcome = Outcome::kSummerTraining;
            return;
        }
        result.summer_conduct_done = true;
        result.conduct_after_summer = static_cast<Rank>(student.summer_conduct);
        result.outcome = result.conduct_after_summer >= kConductPass ? Outcome::kPromoted : Outcome::kRetained;
        return;
    }
    for (SubjectResult& subject : result.subjects) {
        subject.reassess = subject.year.IsFail() || (subject.year.IsScore() && subject.year.score() < kReassessBelow);
    }
    ApplyReassessment(student, result);
}

}  // namespace

int RequiredRegularCount(Regulation regulation, int periods_per_year) {
    if (regulation == Regulation::kTt58) {
        constexpr int kWeeks = 35;
        if (periods_per_year <= kWeeks) {
            return 2;
        }
        return periods_per_year < 3 * kWeeks ? 3 : 4;
    }
    if (periods_per_year <= 35) {
        return 2;
    }
    return periods_per_year <= 70 ? 3 : 4;
}

bool RegularCountIsExact(Regulation regulation) { return regulation != Regulation::kTt58; }

LevelDecision DecideLearning(Regulation regulation, std::span<const ScoredEntry> scored,
                             std::span<const CommentEntry> comments) {
    LevelDecision decision;
    const Tally t = Count(regulation, scored, comments);
    decision.raw = decision.final = LevelOf(t);
    RecordReason(t, decision.raw, decision);
    // TT58 Điều 13 khoản 6, read literally (A20): the average and core conditions of Giỏi (or else Khá) hold,
    // every comment subject is Đ, and exactly one subject is below that level's floor. Only G→Tb (→K), G→Y (→Tb),
    // K→Y (→Tb) and K→Kém (→Y) are adjusted; G→Kém is not.
    const auto reaches = [&](const LevelThresholds& level) {
        return t.has_scored && t.average >= level.average && CoreReaches(t, level.core) && t.comment_fails == 0;
    };
    Rank adjusted = decision.raw;
    Rank would_be = kRankNone;
    std::int16_t culprit = kNoSubject;
    if (reaches(kGioi8) && (culprit = SingleBelow(scored, kGioi8.floor)) != kNoSubject) {
        would_be = kGioi;
        if (decision.raw == kTrungBinh) {
            adjusted = kKha;
        } else if (decision.raw == kYeu) {
            adjusted = kTrungBinh;
        } else if (decision.raw == kKem && interpretation::kA20AdjustGoodToWeakest) {
            adjusted = kYeu;
        }
    } else if (reaches(kKha65) && (culprit = SingleBelow(scored, kKha65.floor)) != kNoSubject) {
        would_be = kKha;
        if (decision.raw == kYeu) {
            adjusted = kTrungBinh;
        } else if (decision.raw == kKem) {
            adjusted = kYeu;
        }
    }
    if (culprit != kNoSubject && would_be - decision.raw >= 2) {
        decision.culprit = culprit;
        decision.would_be = would_be;
        decision.adjusted = adjusted != decision.raw;
        decision.final = adjusted;
    }
    return decision;
}

void Assess(const StudentYear& student, Assessment& result) {
    ResetAssessment(student.regulation, student.subjects.size(), result);
    const Regulation regulation = student.regulation;
    std::array<PeriodLists, 3> lists;
    for (std::size_t i = 0; i < student.subjects.size(); ++i) {
        const SubjectInput& subject = student.subjects[i];
        SubjectResult& out = result.subjects[i];
        const auto index = static_cast<int>(i);
        const SubjectRole role = LookUpSubject(subject.code).role;
        out.hk1 = SemesterResult(regulation, subject, subject.hk1, index, Period::kHk1, result.missing);
        out.hk2 = SemesterResult(regulation, subject, subject.hk2, index, Period::kHk2, result.missing);
        out.year = YearResult(subject, out.hk1, out.hk2);
        lists[0].Add(static_cast<std::int16_t>(i), role, out.hk1);
        lists[1].Add(static_cast<std::int16_t>(i), role, out.hk2);
        lists[2].Add(static_cast<std::int16_t>(i), role, out.year);
    }
    for (std::size_t p = 0; p < 3; ++p) {
        result.learning[p] = lists[p].Decide(regulation);
    }
    // TT58 Điều 4: the year conduct is the homeroom teacher's judgement, mainly on semester II; it is an input.
    const std::array<Conduct, 3> conduct = {student.conduct_hk1, student.conduct_hk2, student.conduct_year};
    for (std::size_t p = 0; p < 3; ++p) {
        result.conduct[p] = ConductRank(conduct[p]);
        if (conduct[p] == Conduct::kMissing) {
            result.missing.push_back(Missing{-1, static_cast<Period>(p), MissingItem::kConduct, 1});
        }
        result.award[p] = DecideAward(result.conduct[p], result.learning[p].final);
    }
    if (student.absences < 0) {
        result.missing.push_back(Missing{-1, Period::kYear, MissingItem::kAbsences, 1});
    }
    DecideOutcome(student, result);
}

}  // namespace hocvu::assessment::tt58
