#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

/// The principal board's views (GB-5): plain structs. Scores and averages are texts as the engine writes them
/// ("7.5", "Đ", "CĐ", "" when not entered or incomplete); percentages are integer tenths of a percent.
namespace hocvu::reports {

/// The class a view is about.
struct ClassRef {
    std::int64_t id = 0;
    std::int64_t unit_id = 0;
    std::string name;
    int grade = 0;
    std::string year_name;  ///< "2026-2027"
    std::string school_name;
    std::string homeroom_name;
    std::string regulation;  ///< "tt22"
};

struct StudentRef {
    std::int64_t id = 0;
    std::string code;
    std::string full_name;
    std::string birth_date;  ///< YYYY-MM-DD
    std::string gender;      ///< "male", "female"
};

/// One subject's scores of one student in one semester, in sheet order.
struct SemesterScores {
    bool exempt = false;               ///< miễn môn: no scores, no result
    std::vector<std::string> regular;  ///< ĐĐGtx, one per column of the sheet (TX1…)
    std::string midterm;               ///< ĐĐGgk
    std::string final_;                ///< ĐĐGck
    std::string average;               ///< ĐTBmhk, Đ/CĐ, "" when incomplete or exempt
};

/// A subject's column labels (as the score sheet shows them: "TX1", "TX4 (CĐ)", "GK", "CK").
struct SubjectColumns {
    std::string code;
    std::string name;
    bool scored = true;
    std::vector<std::string> regular_labels;
};

/// GB-5 "bảng điểm học sinh theo môn": one student, every subject, every score and average.
struct StudentGradeSheet {
    ClassRef cls;
    StudentRef student;
    struct Row {
        SubjectColumns subject;
        SemesterScores hk1, hk2;
        std::string year;  ///< ĐTBmcn or the year's Đ/CĐ
    };
    std::vector<Row> subjects;
    std::array<std::string, 3> learning;  ///< hk1, hk2, year: "Tốt"… or "incomplete"
    std::vector<std::string> explanation;
};

/// GB-5 "bảng điểm lớp theo môn": one class × subject, every student's scores and averages.
struct ClassGradeSheet {
    ClassRef cls;
    SubjectColumns subject;
    struct Row {
        StudentRef student;
        SemesterScores hk1, hk2;
        std::string year;
    };
    std::vector<Row> rows;
};

/// Conduct, attendance and the year's decisions of a student, as the homeroom teacher recorded them and the engine
/// decided; texts are "" while not recorded.
struct StudentStanding {
    std::string learning;        ///< level of the period, "incomplete"
    std::string conduct;         ///< level of the period, "" when not entered
    std::int64_t absences = -1;  ///< buổi nghỉ in the period (excused + unexcused), -1 when not known
    std::string outcome;         ///< year only: "promoted", "retained", …
    std::string award;           ///< "Học sinh Giỏi", "Học sinh Xuất sắc", "" …
    int rank = 0;                ///< rank in class by the homeroom's ordering, 0 when none
};

/// GB-5 "tổng hợp kết quả lớp" (class summary) and "xếp loại cả năm" (year classification): every student's
/// subject averages of the period with the levels and decisions.
struct ClassSummary {
    ClassRef cls;
    std::string period;  ///< hk1, hk2, year
    std::vector<SubjectColumns> subjects;
    struct Row {
        StudentRef student;
        std::vector<std::string> averages;  ///< by `subjects`
        StudentStanding standing;
        std::vector<std::string> explanation;
    };
    std::vector<Row> rows;
    /// Counts of learning levels (Tốt, Khá, Đạt, Chưa đạt, chưa đủ) and conduct levels (same, plus not entered).
    /// The learning levels of `learning_counts`, best first (TT22: Tốt … Chưa đạt; TT27: Hoàn thành xuất sắc …).
    std::vector<std::string> levels{"Tốt", "Khá", "Đạt", "Chưa đạt"};
    std::array<std::int64_t, 5> learning_counts{};
    std::array<std::int64_t, 5> conduct_counts{};
    bool has_conduct = false;  ///< the homeroom records are available for this class
};

/// GB-5 "phiếu báo điểm": one student's averages of a period with levels, absences, outcome and comments.
struct ReportCard {
    ClassRef cls;
    StudentRef student;
    std::string period;
    struct Row {
        std::string code;
        std::string name;
        std::string hk1, hk2, year;  ///< the period's averages ("" outside the period)
    };
    std::vector<Row> subjects;
    StudentStanding standing;
    std::string homeroom_comment;
    std::vector<std::string> explanation;
};

/// A distribution of levels: counts in `levels` order, the students without a complete result, and percentages
/// (tenths of a percent, of the students with a result).
struct Distribution {
    std::vector<std::int64_t> counts;
    std::vector<std::int64_t> percent_tenths;
    std::int64_t assessed = 0;
    std::int64_t incomplete = 0;
};

/// GB-5 "tỉ lệ xếp loại theo môn và theo khối" of a school for a year and period.
struct ClassificationRates {
    std::int64_t unit_id = 0;
    std::string school_name;
    std::string year_name;
    std::string period;
    std::vector<std::string> scored_levels;    ///< "Tốt", "Khá", "Đạt", "Chưa đạt" (average bands, rule R1)
    std::vector<std::string> comment_levels;   ///< "Đạt", "Chưa đạt"
    std::vector<std::string> learning_levels;  ///< the regulation's learning levels, best first
    struct SubjectRow {
        std::string code;
        std::string name;
        int grade = 0;  ///< 0: the whole school
        bool scored = true;
        Distribution distribution;
    };
    std::vector<SubjectRow> subjects;
    struct GradeRow {
        int grade = 0;  ///< 0: the whole school
        std::int64_t students = 0;
        std::int64_t classes = 0;
        Distribution learning;
        Distribution conduct;
        bool has_conduct = false;
    };
    std::vector<GradeRow> grades;
    /// Classes left out: their regulation has no score sheets yet (TT27, TT58 years), with the reason.
    std::vector<std::string> skipped_classes;
};

}  // namespace hocvu::reports
