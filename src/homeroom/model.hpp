#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"

/// Homeroom work and year close (issue 7): plain structs.
namespace hocvu::homeroom {

/// A roll-call mark: a student in a session of a day, for the whole session (period 0, buổi) or a period (tiết).
struct Mark {
    std::int64_t student_id = 0;
    std::string session;  ///< morning, afternoon
    int period = 0;
    std::string status;  ///< present, excused (P), unexcused (K), late
    std::string note;
    std::int64_t version = 0;
    std::int64_t updated_by = 0;
    std::string updated_by_name;
    Micros updated_at = 0;
};

struct AttendanceStudent {
    std::int64_t student_id = 0;
    std::string student_code;
    std::string full_name;
    std::vector<Mark> marks;
};

/// A class's roll-call of one day.
struct Attendance {
    std::int64_t class_id = 0;
    std::string class_name;
    std::string date;
    std::string main_session;  ///< the session counted for A10
    std::int64_t version = 0;
    bool may_edit = false;          ///< may mark whole sessions
    std::vector<int> periods_allowed;  ///< unused: any period 1–10 for a subject teacher of the class
    bool reason_required = false;   ///< the day is over: a change needs a reason
    std::vector<AttendanceStudent> students;
};

struct MarkChange {
    std::int64_t student_id = 0;
    std::string session;
    int period = 0;
    std::string status;
    std::string note;
};

struct AttendanceSave {
    std::int64_t class_id = 0;
    std::string date;
    std::int64_t base_version = 0;
    std::string reason;
    std::vector<MarkChange> changes;
};

/// Absence totals of a student over a month, a semester or the year.
struct AbsenceTotals {
    std::int64_t student_id = 0;
    std::string student_code;
    std::string full_name;
    int excused = 0;         ///< whole sessions absent with permission (any session)
    int unexcused = 0;       ///< without permission
    int late = 0;
    int periods_absent = 0;  ///< teaching periods marked absent
    int absences = 0;        ///< A10: main-session absences, excused or not, counted for promotion
};

struct AttendanceTotals {
    std::int64_t class_id = 0;
    std::string period;
    std::string from;
    std::string to;
    std::vector<AbsenceTotals> items;
};

/// One conduct entry of a period.
struct ConductEntry {
    std::optional<int> level;  ///< rank 0–3
    std::string comment;
    bool computed = false;     ///< the year level from the TT22 table
};

struct ConductRow {
    std::int64_t student_id = 0;
    std::string student_code;
    std::string full_name;
    std::optional<ConductEntry> hk1, hk2, year, summer;
    std::vector<std::string> explanation;
};

struct ConductSheet {
    std::int64_t class_id = 0;
    std::string regulation;
    bool year_entered = false;
    bool may_edit = false;
    bool locked = false;
    std::int64_t version = 0;
    std::vector<ConductRow> items;
};

struct ConductChange {
    std::int64_t student_id = 0;
    std::string period;  ///< hk1, hk2, year, summer
    std::string level;   ///< tot, kha, dat, chua_dat, trung_binh, yeu, "" (clear)
    std::optional<std::string> comment;
};

/// TT27 (primary) quality and competence ratings of a student in one semester (Điều 7 khoản 2): item code →
/// "T" (Tốt), "Đ" (Đạt), "C" (Cần cố gắng), at mid-term (`gk`) and end of term (`ck`).
struct QualityRow {
    std::int64_t student_id = 0;
    std::string student_code;
    std::string full_name;
    std::map<std::string, std::string> gk;
    std::map<std::string, std::string> ck;
    /// Semester 2: the class recognised an outstanding achievement or clear progress (Điều 13), and which.
    bool outstanding = false;
    std::string outstanding_note;
};

struct QualitySheet {
    std::int64_t class_id = 0;
    std::string class_name;
    int semester = 1;
    std::int64_t version = 0;  ///< the class's conduct version (homeroom_year_close.conduct_version)
    bool may_edit = false;
    bool locked = false;  ///< the year-close lists are submitted or approved
    std::vector<QualityRow> items;
};

/// One rating change: `item` one of the 15 codes with `rating` "T", "Đ" ("D"), "C" or "" (clear); or item
/// "tieu_bieu" (semester 2, point ck) with `rating` "x" (recognised, `note` says which) or "" (not).
struct QualityChange {
    std::int64_t student_id = 0;
    std::string point;  ///< gk, ck
    std::string item;
    std::string rating;
    std::string note;
};

struct Comment {
    std::int64_t student_id = 0;
    std::string student_code;
    std::string full_name;
    std::string text;
    std::string author_name;
    Micros updated_at = 0;
};

struct CommentSheet {
    std::int64_t class_id = 0;
    std::string kind;
    std::string period;
    std::string subject_code;
    bool may_edit = false;
    std::vector<Comment> items;
};

/// A reward or discipline record.
struct StudentRecord {
    std::int64_t id = 0;
    std::int64_t class_id = 0;
    std::int64_t student_id = 0;
    std::string full_name;
    std::string kind;  ///< reward, discipline
    std::string date;
    std::string title;
    std::string decision;
    std::string note;
    std::string created_by_name;
    Micros created_at = 0;
};

struct RecordInput {
    std::int64_t student_id = 0;
    std::string kind;
    std::string date;
    std::string title;
    std::string decision;
    std::string note;
};

/// A student's line of the class summary.
struct SummaryRow {
    std::int64_t student_id = 0;
    std::string student_code;
    std::string full_name;
    std::vector<std::pair<std::string, std::string>> subjects;  ///< code → "7.4", "Đ", "CĐ", ""
    std::string learning;  ///< Vietnamese level name, "incomplete"
    std::string conduct;
    int learning_rank = -1;  ///< engine rank, -1 incomplete
    int conduct_rank = -1;
    int absences = 0;
    std::string outcome;  ///< the engine's word (year only)
    std::string award;    ///< "Học sinh Giỏi"…, "" none, "incomplete" (year only)
    int rank = 0;         ///< rank in class (year: by the year's levels)
    std::vector<std::string> reassess_subjects;
    bool retained_for_absences = false;
    bool reassessment_blocked_by_conduct = false;
    // A17: after the summer
    bool summer_done = false;
    std::string outcome_after_summer;
    std::string learning_after_summer;
    std::string conduct_after_summer;
    std::vector<std::pair<std::string, std::string>> reassessment;  ///< code → result given
    std::vector<std::string> missing;
    std::vector<std::string> explanation;
    // TT27 (primary): end-of-term tests and the period's end-of-term ratings (item → "T"/"Đ"/"C"/"")
    std::vector<std::pair<std::string, std::string>> tests;  ///< code → "9" (tested subjects only)
    std::vector<std::pair<std::string, std::string>> qualities;
    bool outstanding = false;
};

struct SummarySubject {
    std::string code;
    std::string name;
    bool scored = true;
};

/// The class summary (tổng kết) of a period.
struct ClassSummary {
    std::int64_t class_id = 0;
    std::string class_name;
    std::int64_t year_id = 0;
    std::string year;
    std::string regulation;
    std::string period;
    std::vector<SummarySubject> subjects;
    std::vector<SummaryRow> items;
};

/// A subject sheet not yet confirmed by its teacher (GB-8).
struct UnconfirmedSheet {
    std::string subject_code;
    std::string subject_name;
    int semester = 1;
    std::string teacher_name;
};

struct Confirmation {
    std::string period;
    std::string confirmed_by_name;
    Micros confirmed_at = 0;
};

struct Confirmations {
    std::int64_t class_id = 0;
    std::vector<Confirmation> items;
    std::vector<UnconfirmedSheet> unconfirmed_sheets;
};

/// The lists' decision for one student (engine, proposal, override).
struct Decision {
    std::string outcome;
    std::string award;  ///< award name, "" none
    std::vector<std::string> reassess_subjects;
};

struct Override {
    std::int64_t student_id = 0;
    std::optional<std::string> outcome;
    std::optional<std::string> award;
    std::optional<std::vector<std::string>> reassess_subjects;
    std::string basis;
    std::string reason;
};

struct YearCloseItem {
    std::int64_t student_id = 0;
    std::string student_code;
    std::string full_name;
    std::string learning;
    std::string conduct;
    int absences = 0;
    Decision engine;
    std::optional<Decision> proposed;
    std::optional<Override> override_;
    std::string final_outcome;  ///< promoted/retained once decided; "" pending
    bool summer_done = false;
    std::string learning_after_summer;
    std::string conduct_after_summer;
    std::string outcome_after_summer;
    std::vector<std::pair<std::string, std::string>> reassessment;
    std::optional<int> summer_conduct;
    bool retained_for_absences = false;
    std::vector<std::string> explanation;
};

struct YearClose {
    std::int64_t class_id = 0;
    std::string class_name;
    std::string year;
    std::string regulation;
    std::string status;  ///< draft, submitted, approved, rejected
    std::int64_t version = 0;
    std::string note;
    std::string submitted_by_name;
    std::optional<Micros> submitted_at;
    std::string decided_by_name;
    std::optional<Micros> decided_at;
    std::string decision_note;
    bool locked = false;
    bool may_propose = false;
    bool may_decide = false;
    bool totp_required = false;
    std::vector<UnconfirmedSheet> unconfirmed_sheets;
    std::vector<YearCloseItem> items;
};

struct ProposalInput {
    std::int64_t base_version = 0;
    std::string note;
    std::vector<Override> overrides;
};

struct SummerInput {
    std::int64_t student_id = 0;
    std::map<std::string, std::string> reassessment;  ///< code → "5.5", "Đ", "CĐ", "" (clear)
    std::optional<std::string> conduct;               ///< level word, "" clear
};

}  // namespace hocvu::homeroom
