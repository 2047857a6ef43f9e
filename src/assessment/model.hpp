#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "common/tenths.hpp"

namespace hocvu::assessment {

/// The circular that assesses a student-year.
enum class Regulation : std::uint8_t {
    kTt22,  ///< TT22/2021 (THCS, THPT, CT GDPT 2018 grades)
    kTt27,  ///< TT27/2020 (primary)
    kTt58,  ///< TT58/2011 as originally issued
    kTt26,  ///< TT58/2011 as amended by TT26/2020
};

/// School level (cấp học).
enum class SchoolLevel : std::uint8_t {
    kPrimary,         ///< TH
    kLowerSecondary,  ///< THCS
    kUpperSecondary,  ///< THPT
};

/// How a subject is assessed.
enum class SubjectKind : std::uint8_t {
    kScored,   ///< nhận xét kết hợp điểm số
    kComment,  ///< chỉ nhận xét: Đạt / Chưa đạt
    kPrimary,  ///< TT27 subject or activity: Hoàn thành tốt / Hoàn thành / Chưa hoàn thành
};

/// A semester or the whole year.
enum class Period : std::uint8_t { kHk1 = 0, kHk2 = 1, kYear = 2 };

/// One recorded result: a score, a comment result (Đ / CĐ), a result that is required but not entered
/// ("missing"), or nothing at all ("none": not taught, not applicable). One byte, so that a province fits
/// in memory.
class Mark {
public:
    constexpr Mark() = default;
    [[nodiscard]] static constexpr Mark None() { return Mark(kNoneCode); }
    [[nodiscard]] static constexpr Mark Missing() { return Mark(kMissingCode); }
    [[nodiscard]] static constexpr Mark Pass() { return Mark(kPassCode); }
    [[nodiscard]] static constexpr Mark Fail() { return Mark(kFailCode); }
    /// A score 0.0–10.0.
    [[nodiscard]] static constexpr Mark Score(Tenths score) { return Mark(static_cast<std::int8_t>(score.tenths())); }
    /// Đ when `pass`, CĐ otherwise.
    [[nodiscard]] static constexpr Mark Comment(bool pass) { return pass ? Pass() : Fail(); }

    [[nodiscard]] constexpr bool IsNone() const { return code_ == kNoneCode; }
    [[nodiscard]] constexpr bool IsMissing() const { return code_ == kMissingCode; }
    [[nodiscard]] constexpr bool IsScore() const { return code_ >= 0; }
    [[nodiscard]] constexpr bool IsPass() const { return code_ == kPassCode; }
    [[nodiscard]] constexpr bool IsFail() const { return code_ == kFailCode; }
    [[nodiscard]] constexpr bool IsComment() const { return IsPass() || IsFail(); }
    /// The score; only meaningful when IsScore().
    [[nodiscard]] constexpr Tenths score() const { return Tenths::FromTenths(code_); }

    friend constexpr bool operator==(Mark a, Mark b) = default;

private:
    static constexpr std::int8_t kNoneCode = -1;
    static constexpr std::int8_t kMissingCode = -2;
    static constexpr std::int8_t kPassCode = -3;
    static constexpr std::int8_t kFailCode = -4;

    constexpr explicit Mark(std::int8_t code) : code_(code) {}

    std::int8_t code_ = kNoneCode;
};

/// The assessments of one subject in one semester, as entered in the score book.
struct SemesterMarks {
    /// Room for 4 regular assessments plus study topics and TT58's "at least" counts.
    static constexpr int kMaxRegular = 12;
    /// TT58 (2011) allows several one-period tests (KTđk); TT22 and TT26 have exactly one ĐĐGgk.
    static constexpr int kMaxMidterm = 6;

    bool taught = false;                         ///< false: the subject is not taught this semester
    std::uint8_t regular_count = 0;              ///< entries used in `regular`
    std::uint8_t midterm_count = 0;              ///< entries used in `midterm`
    std::array<Mark, kMaxRegular> regular{};     ///< ĐĐGtx / KTtx; Missing where not entered
    std::array<Mark, kMaxMidterm> midterm{};     ///< ĐĐGgk / KTđk
    Mark final = Mark::Missing();                ///< ĐĐGck / KThk
};

/// TT27 subject level (mức đạt được của môn học, hoạt động giáo dục).
enum class PrimaryLevel : std::uint8_t { kMissing, kCht, kHt, kHtt };

/// TT27 rating of a quality or competency.
enum class QualityRating : std::uint8_t { kMissing, kCanCoGang, kDat, kTot };

/// One subject of a student-year.
struct SubjectInput {
    std::string code;                 ///< e.g. "TOAN"; see subject_catalog.hpp for the codes with a role
    SubjectKind kind = SubjectKind::kScored;
    std::int16_t periods_per_year = -1;  ///< -1 when not given
    std::uint8_t topics = 0;          ///< THPT chuyên đề results counted as regular assessments
    SemesterMarks hk1;
    SemesterMarks hk2;
    Mark reassessment = Mark::None();  ///< summer re-assessment result, None when not given
    // TT27 only
    PrimaryLevel year_level = PrimaryLevel::kMissing;
    std::int8_t year_test = -1;  ///< end-of-year periodic test 0–10, -1 when not given
};

/// Conduct level. The four ranks are the same under TT22 (Chưa đạt, Đạt, Khá, Tốt) and TT58
/// (Yếu, Trung bình, Khá, Tốt); only the names differ.
enum class Conduct : std::int8_t { kMissing = -1, kWeak = 0, kPass = 1, kGood = 2, kVeryGood = 3 };

/// One student-year, as the gradebook holds it at year end.
struct StudentYear {
    Regulation regulation = Regulation::kTt22;
    SchoolLevel level = SchoolLevel::kLowerSecondary;
    int grade = 6;
    int school_year_start = 2025;  ///< 2025 for "2025-2026"
    std::vector<SubjectInput> subjects;
    Conduct conduct_hk1 = Conduct::kMissing;
    Conduct conduct_hk2 = Conduct::kMissing;
    Conduct conduct_year = Conduct::kMissing;  ///< TT58/TT26: the GVCN's year judgement (no table)
    Conduct summer_conduct = Conduct::kMissing;  ///< re-evaluated year conduct after summer training
    int absences = -1;  ///< -1 when not given
    // TT27 only
    std::vector<QualityRating> qualities;  ///< the 15 year-end ratings
    bool outstanding = false;              ///< the class recognised an outstanding achievement or progress
};

/// A level (learning, conduct) of one period as a rank within the regulation's scale, or a state.
/// TT22: 0 Chưa đạt … 3 Tốt. TT58/TT26: 0 Kém … 4 Giỏi. TT27: 0 CHT … 3 HTXS. Conduct: see Conduct.
using Rank = std::int8_t;
inline constexpr Rank kRankIncomplete = -1;  ///< depends on a missing assessment
inline constexpr Rank kRankNone = -2;        ///< not defined for this period or regulation

/// The final decision of the year.
enum class Outcome : std::uint8_t {
    kPromoted,
    kRetained,
    kReassessment,       ///< must sit the summer re-assessment of the subjects marked `reassess`
    kSummerTraining,     ///< must do summer conduct training
    kPrincipalDecision,  ///< TT27: CHT after support; the principal decides
    kIncomplete,
};

/// A title (danh hiệu).
enum class Award : std::uint8_t {
    kNone,
    kIncomplete,          ///< cannot be decided: depends on a missing assessment
    kExcellent,           ///< TT22/TT27 "Học sinh Xuất sắc"
    kGood,                ///< TT22/TT58 "Học sinh Giỏi"
    kAdvanced,            ///< TT58 "Học sinh Tiên tiến"
    kPrimaryOutstanding,  ///< TT27 "Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện"
};

/// What a missing entry is.
enum class MissingItem : std::uint8_t {
    kRegular,       ///< tx
    kMidterm,       ///< gk
    kFinal,         ///< ck
    kConduct,       ///< conduct level of the period
    kAbsences,      ///< the year's absence count
    kReassessment,  ///< a summer re-assessment result (only when some were given)
    kYearLevel,     ///< TT27 subject level
    kYearTest,      ///< TT27 end-of-year test
    kQuality,       ///< TT27 quality or competency ratings
};

/// One line of the `missing` list. `subject` is -1 for items that belong to the student (conduct, absences…).
struct Missing {
    std::int16_t subject = -1;
    Period period = Period::kYear;
    MissingItem item = MissingItem::kRegular;
    std::int16_t count = 1;
};

/// Why a learning level is what it is: the first condition of the next level up that fails.
enum class LevelReason : std::uint8_t {
    kTop,               ///< the highest level: every condition met
    kSubjectBelow,      ///< `subject` has `value` < `threshold`
    kTooFewAtLeast,     ///< only `count` subjects ≥ `threshold`, `needed` required
    kCommentFail,       ///< comment subject `subject` is CĐ
    kTooManyCommentFail,  ///< `count` comment subjects CĐ, at most `needed` allowed
    kAverageBelow,      ///< TT58: the overall average `value` < `threshold`
    kCoreBelow,         ///< TT58: none of Toán/Văn(/Ngoại ngữ) reaches `threshold`; `value` is the best of them
    kIncomplete,        ///< a required result is missing
};

/// The deciding facts of one learning level.
struct LevelDecision {
    Rank raw = kRankNone;    ///< level before the one-subject adjustment
    Rank final = kRankNone;  ///< level after it
    LevelReason reason = LevelReason::kIncomplete;  ///< why `raw` is not one level higher
    std::int16_t subject = -1;
    Tenths value;
    Tenths threshold;
    std::int16_t count = 0;
    std::int16_t needed = 0;
    // One-subject adjustment (TT22 Điều 9 khoản 3, TT58 Điều 13 khoản 6)
    bool adjusted = false;
    std::int16_t culprit = -1;      ///< the single subject that caused the drop
    Rank would_be = kRankNone;      ///< the level without the culprit (A15) or the level reached by average (A20)
    Tenths average;                 ///< TT58: ĐTBhk / ĐTBcn (A19)
};

/// The result for one subject.
struct SubjectResult {
    Mark hk1 = Mark::None();   ///< ĐTBmhk, Đ/CĐ, Missing (incomplete) or None (not taught)
    Mark hk2 = Mark::None();
    Mark year = Mark::None();  ///< ĐTBmcn or the year comment result
    bool reassess = false;     ///< must be (TT22) or may be (TT58) re-assessed in summer
    Mark after_reassessment = Mark::None();  ///< the year result used after the summer re-assessment (A17)
    // TT27
    PrimaryLevel year_level = PrimaryLevel::kMissing;
    bool test_counts = false;  ///< TT27: the subject has an end-of-year test in this grade
};

/// Everything the engine decides about a student-year, with the facts that decided it. Reused between calls
/// (Assess clears it) so that assessing a province allocates nothing after the first student.
struct Assessment {
    Regulation regulation = Regulation::kTt22;
    std::vector<SubjectResult> subjects;  ///< same order as StudentYear::subjects
    std::array<LevelDecision, 3> learning{};  ///< by Period
    std::array<Rank, 3> conduct{kRankNone, kRankNone, kRankNone};  ///< by Period
    Outcome outcome = Outcome::kIncomplete;
    std::array<Award, 3> award{};  ///< by Period; semester awards only under TT58/TT26
    std::int16_t subjects_at_least_9 = 0;  ///< TT22 Điều 15: scored subjects with ĐTBmcn ≥ 9.0
    std::vector<Missing> missing;
    // Summer (A17): reported beside the year-end results, which stay as recorded.
    bool summer_reassessment_done = false;
    bool summer_conduct_done = false;
    LevelDecision learning_after_summer{};
    Rank conduct_after_summer = kRankNone;
    bool retained_for_absences = false;
    bool reassessment_blocked_by_conduct = false;  ///< TT22 A6
    bool nothing_to_reassess = false;  ///< learning Chưa đạt with no subject that Điều 14 lets be re-assessed
    // TT27 Điều 9 khoản 2: the deciding facts of the year-end level
    std::int16_t first_not_htt = -1;      ///< a subject below Hoàn thành tốt
    std::int16_t first_cht = -1;          ///< a subject at Chưa hoàn thành
    std::int16_t first_quality_not_tot = -1;  ///< index of a rating below Tốt
    std::int16_t first_quality_cc = -1;   ///< index of a rating at Cần cố gắng
    std::int16_t lowest_test_subject = -1;  ///< the subject with the lowest end-of-year test
    std::int8_t lowest_test = -1;
};

}  // namespace hocvu::assessment
