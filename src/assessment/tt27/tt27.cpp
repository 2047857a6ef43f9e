#include "assessment/tt27/tt27.hpp"

#include "assessment/subject_catalog.hpp"
#include "assessment/subject_rules.hpp"

namespace hocvu::assessment::tt27 {
namespace {

// TT27 Điều 9 khoản 2 điểm a: end-of-year tests from 9 (HTXS), 7 (HTT), 5 (HT).
constexpr int kExcellentTest = 9;
constexpr int kGoodTest = 7;
constexpr int kPassTest = 5;


}  // namespace

bool HasYearTest(const SubjectInput& subject, int grade) {
    const int from = LookUpSubject(subject.code).primary_test_from_grade;
    return from > 0 && grade >= from;
}

void Assess(const StudentYear& student, Assessment& result) {
    ResetAssessment(Regulation::kTt27, student.subjects.size(), result);
    for (std::size_t i = 0; i < student.subjects.size(); ++i) {
        const SubjectInput& subject = student.subjects[i];
        SubjectResult& out = result.subjects[i];
        const auto index = static_cast<std::int16_t>(i);
        out.year_level = subject.year_level;
        out.test_counts = HasYearTest(subject, student.grade);
        if (subject.year_level == PrimaryLevel::kMissing) {
            result.missing.push_back(Missing{index, Period::kYear, MissingItem::kYearLevel, 1});
        } else if (subject.year_level != PrimaryLevel::kHtt && result.first_not_htt < 0) {
            result.first_not_htt = index;
        }
        if (subject.year_level == PrimaryLevel::kCht && result.first_cht < 0) {
            result.first_cht = index;
        }
        if (!out.test_counts) {
            continue;
        }
        if (subject.year_test < 0) {
            result.missing.push_back(Missing{index, Period::kYear, MissingItem::kYearTest, 1});
        } else if (result.lowest_test < 0 || subject.year_test < result.lowest_test) {
            result.lowest_test = subject.year_test;
            result.lowest_test_subject = index;
        }
    }
    int ratings = 0;
    for (std::size_t q = 0; q < student.qualities.size(); ++q) {
        const QualityRating rating = student.qualities[q];
        if (rating == QualityRating::kMissing) {
            continue;
        }
        ++ratings;
        if (rating != QualityRating::kTot && result.first_quality_not_tot < 0) {
            result.first_quality_not_tot = static_cast<std::int16_t>(q);
        }
        if (rating == QualityRating::kCanCoGang && result.first_quality_cc < 0) {
            result.first_quality_cc = static_cast<std::int16_t>(q);
        }
    }
    if (ratings < kQualityCount) {
        result.missing.push_back(
            Missing{-1, Period::kYear, MissingItem::kQuality, static_cast<std::int16_t>(kQualityCount - ratings)});
    }
    LevelDecision& year = result.learning[2];
    if (!result.missing.empty()) {
        year.raw = year.final = kRankIncomplete;
        year.reason = LevelReason::kIncomplete;
        result.award[2] = Award::kIncomplete;
        result.outcome = Outcome::kIncomplete;
        return;
    }
    // TT27 Điều 9 khoản 2 điểm a: only the end-of-year values count (A12); a grade without tests has no test
    // condition.
    const bool all_htt = result.first_not_htt < 0;
    const bool all_tot = result.first_quality_not_tot < 0;
    const int lowest = result.lowest_test < 0 ? 10 : result.lowest_test;
    Rank level = kChuaHoanThanh;
    if (all_htt && all_tot && lowest >= kExcellentTest) {
        level = kHoanThanhXuatSac;
    } else if (all_htt && all_tot && lowest >= kGoodTest) {
        level = kHoanThanhTot;
    } else if (result.first_cht < 0 && result.first_quality_cc < 0 && lowest >= kPassTest) {
        level = kHoanThanh;
    }
    year.raw = year.final = level;
    year.reason = level == kHoanThanhXuatSac ? LevelReason::kTop : LevelReason::kSubjectBelow;
    // TT27 Điều 13 khoản 1 điểm a: "Học sinh Xuất sắc" for HTXS; the "tiêu biểu" title for HTT with an
    // outstanding achievement or clear progress recognised by the class (a manual input).
    if (level == kHoanThanhXuatSac) {
        result.award[2] = Award::kExcellent;
    } else if (level == kHoanThanhTot && student.outstanding) {
        result.award[2] = Award::kPrimaryOutstanding;
    }
    // TT27 Điều 11 khoản 1: HTXS, HTT and HT complete the grade; otherwise a support plan, a supplementary
    // assessment and the principal's decision (no automatic retention, no absence limit).
    result.outcome = level >= kHoanThanh ? Outcome::kPromoted : Outcome::kPrincipalDecision;
}

}  // namespace hocvu::assessment::tt27
