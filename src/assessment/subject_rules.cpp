#include "assessment/subject_rules.hpp"

namespace hocvu::assessment {

SemesterGaps FindGaps(const SemesterMarks& marks, int required_regular, int required_midterm) {
    SemesterGaps gaps;
    int present = 0;
    for (int i = 0; i < marks.regular_count; ++i) {
        present += marks.regular[i].IsMissing() ? 0 : 1;
    }
    if (present < required_regular) {
        gaps.regular = static_cast<std::int16_t>(required_regular - present);
    }
    int midterms = 0;
    for (int i = 0; i < marks.midterm_count; ++i) {
        midterms += marks.midterm[i].IsMissing() ? 0 : 1;
    }
    if (midterms < required_midterm) {
        gaps.midterm = static_cast<std::int16_t>(required_midterm - midterms);
    }
    if (marks.final.IsMissing() || marks.final.IsNone()) {
        gaps.final = 1;
    }
    return gaps;
}

AverageParts SemesterAverage(const SemesterMarks& marks) {
    AverageParts parts;
    for (int i = 0; i < marks.regular_count; ++i) {
        if (marks.regular[i].IsScore()) {
            parts.numerator_tenths += marks.regular[i].score().tenths();
            parts.denominator += 1;
        }
    }
    for (int i = 0; i < marks.midterm_count; ++i) {
        if (marks.midterm[i].IsScore()) {
            parts.numerator_tenths += 2 * marks.midterm[i].score().tenths();
            parts.denominator += 2;
        }
    }
    parts.numerator_tenths += 3 * marks.final.score().tenths();
    parts.denominator += 3;
    parts.value = Tenths::RoundHalfUp(parts.numerator_tenths, parts.denominator);
    return parts;
}

void ResetAssessment(Regulation regulation, std::size_t subjects, Assessment& result) {
    result.regulation = regulation;
    result.subjects.assign(subjects, SubjectResult{});
    result.learning.fill(LevelDecision{});
    result.conduct.fill(kRankNone);
    result.outcome = Outcome::kIncomplete;
    result.award.fill(Award::kNone);
    result.subjects_at_least_9 = 0;
    result.missing.clear();
    result.summer_reassessment_done = false;
    result.summer_conduct_done = false;
    result.learning_after_summer = LevelDecision{};
    result.conduct_after_summer = kRankNone;
    result.retained_for_absences = false;
    result.reassessment_blocked_by_conduct = false;
    result.nothing_to_reassess = false;
    result.first_not_htt = -1;
    result.first_cht = -1;
    result.first_quality_not_tot = -1;
    result.first_quality_cc = -1;
    result.lowest_test_subject = -1;
    result.lowest_test = -1;
}

void AppendGaps(const SemesterGaps& gaps, int subject, Period period, std::vector<Missing>& missing) {
    const auto add = [&](std::int16_t count, MissingItem item) {
        if (count > 0) {
            missing.push_back(Missing{static_cast<std::int16_t>(subject), period, item, count});
        }
    };
    add(gaps.regular, MissingItem::kRegular);
    add(gaps.midterm, MissingItem::kMidterm);
    add(gaps.final, MissingItem::kFinal);
}

}  // namespace hocvu::assessment
