#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/context.hpp"
#include "homeroom/model.hpp"
#include "org/model.hpp"

/// Homeroom work and year close (issue 7). Each write runs in one transaction that also appends its audit entry;
/// refusals are `hocvu::Error` codes (homeroom.*), some with extra problem members (detail::Refused).
namespace hocvu::homeroom {

// ---- Attendance (GB-3, A10) ----

/// The roll-call of a class for a day (homeroom teacher, principal board, report.read, or a teacher of the class).
Attendance GetAttendance(app::Context& ctx, const org::Actor& actor, std::int64_t class_id, std::string_view date);
/// Saves roll-call changes in one transaction based on `base_version`: conflicts (a changed mark someone else
/// changed after the base version) refuse the whole batch (homeroom.conflict). Whole sessions: the homeroom teacher
/// or the principal board; periods 1–10: also a subject teacher of the class. After the day a reason is required
/// and every change is audited with old and new status.
Attendance SaveAttendance(app::Context& ctx, const org::Actor& actor, const AttendanceSave& input,
                          std::string_view client_address);
/// Totals per student of a month ("2026-10"), "hk1", "hk2" or "year".
AttendanceTotals GetAttendanceTotals(app::Context& ctx, const org::Actor& actor, std::int64_t class_id,
                                     std::string_view period);

// ---- Conduct, comments, rewards and discipline (GB-3, GB-9) ----

ConductSheet GetConduct(app::Context& ctx, const org::Actor& actor, std::int64_t class_id);
ConductSheet SaveConduct(app::Context& ctx, const org::Actor& actor, std::int64_t class_id,
                         std::int64_t base_version, const std::vector<ConductChange>& changes,
                         std::string_view client_address);

// ---- TT27 quality and competence ratings (Điều 7 khoản 2, Điều 13) ----

/// The ratings of a primary class in semester 1 or 2 (kValidation for a class that is not TT27).
QualitySheet GetQualities(app::Context& ctx, const org::Actor& actor, std::int64_t class_id, int semester);
/// Saves rating changes in one transaction based on `base_version` (the class's conduct version), like conduct:
/// a change to a rating someone else changed after the base version refuses the whole batch (homeroom.conflict,
/// naming both values); homeroom teacher or principal board; frozen once the lists are submitted; audited
/// (homeroom.qualities_saved) with old and new values.
QualitySheet SaveQualities(app::Context& ctx, const org::Actor& actor, std::int64_t class_id, int semester,
                           std::int64_t base_version, const std::vector<QualityChange>& changes,
                           std::string_view client_address);

CommentSheet GetComments(app::Context& ctx, const org::Actor& actor, std::int64_t class_id, std::string_view kind,
                         std::string_view period, std::string_view subject);
struct CommentInput {
    std::int64_t student_id = 0;
    std::string text;
};
CommentSheet SaveComments(app::Context& ctx, const org::Actor& actor, std::int64_t class_id, std::string_view kind,
                          std::string_view period, std::string_view subject, const std::vector<CommentInput>& items,
                          std::string_view client_address);

struct RecordList {
    std::int64_t class_id = 0;
    bool may_edit = false;
    std::vector<StudentRecord> items;
    struct Category {
        std::int64_t student_id = 0;
        std::string full_name;
        std::string priority;
        std::string policy;
    };
    std::vector<Category> students;
};
RecordList ListRecords(app::Context& ctx, const org::Actor& actor, std::int64_t class_id);
StudentRecord AddRecord(app::Context& ctx, const org::Actor& actor, std::int64_t class_id, const RecordInput& input,
                        std::string_view client_address);
void RemoveRecord(app::Context& ctx, const org::Actor& actor, std::int64_t record_id, std::string_view reason,
                  std::string_view client_address);

// ---- Summary, confirmation, year close (GB-3, GB-4, GB-8, A17) ----

/// The class summary of "hk1", "hk2" or "year", checked against the actor's grants. See summary.hpp for the
/// in-transaction form other domains call.
ClassSummary GetSummary(app::Context& ctx, const org::Actor& actor, std::int64_t class_id, std::string_view period);

Confirmations GetConfirmations(app::Context& ctx, const org::Actor& actor, std::int64_t class_id);
/// GB-8: the homeroom teacher confirms the class's results of "hk1" or "hk2".
Confirmations Confirm(app::Context& ctx, const org::Actor& actor, std::int64_t class_id, std::string_view period,
                      std::string_view client_address);

YearClose GetYearClose(app::Context& ctx, const org::Actor& actor, std::int64_t class_id);
/// GB-4: the homeroom teacher submits the lists (the year-end confirmation of GB-8).
YearClose Propose(app::Context& ctx, const org::Actor& actor, std::int64_t class_id, const ProposalInput& input,
                  std::string_view client_address);
/// GB-4: the principal board approves (locking the class's results for the year) or rejects submitted lists.
YearClose Decide(app::Context& ctx, const org::Actor& actor, std::int64_t class_id, bool approve,
                 std::int64_t base_version, std::string_view note, const std::optional<std::string>& totp,
                 std::string_view client_address);
/// GB-4 for the principal board: every class of a school's year with the state of its lists.
struct SchoolYearCloseRow {
    std::int64_t class_id = 0;
    std::string class_name;
    int grade = 0;
    std::string homeroom_name;
    std::int64_t student_count = 0;
    std::string status = "draft";  ///< draft (not sent yet) | submitted | approved | rejected
    std::int64_t version = 0;
    /// Students on each proposed list: promoted, retained, reassessment, summer_training.
    std::map<std::string, int> lists;
    /// After the summer (A17): students whose final outcome is promoted / retained, and those still pending.
    int final_promoted = 0;
    int final_retained = 0;
    int final_pending = 0;
    std::string submitted_by_name;
    std::optional<Micros> submitted_at;
    std::string decided_by_name;
    std::optional<Micros> decided_at;
    std::string decision_note;
};
struct SchoolYearClose {
    std::int64_t unit_id = 0;
    std::string school_name;
    std::int64_t year_id = 0;
    std::string year;
    bool may_decide = false;
    std::vector<SchoolYearCloseRow> items;
};
/// The year-close state of every class of a school's year (`year`: id or name; empty: the latest year). For the
/// principal board and report readers of the school (report.read on it).
SchoolYearClose GetSchoolYearClose(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id,
                                   std::string_view year);
/// A17: summer re-assessment results and re-evaluated conduct; final outcomes follow the engine.
YearClose SaveSummer(app::Context& ctx, const org::Actor& actor, std::int64_t class_id,
                     const std::vector<SummerInput>& items, std::string_view client_address);

/// A student's own homeroom records (parents, the student, teachers of the class, principal board).
struct StudentHomeroom {
    std::int64_t student_id = 0;
    std::string full_name;
    std::int64_t class_id = 0;
    std::string class_name;
    AbsenceTotals totals;
    struct Month {
        std::string month;
        int excused = 0;
        int unexcused = 0;
        int late = 0;
    };
    std::vector<Month> months;
    struct DayMark {
        std::string date;
        std::string session;
        int period = 0;
        std::string status;
        std::string note;
    };
    std::vector<DayMark> marks;
    std::optional<ConductRow> conduct;
    std::string regulation;
    struct StudentComment {
        std::string kind;
        std::string period;
        std::string subject_code;
        std::string text;
        std::string author_name;
    };
    std::vector<StudentComment> comments;
    std::vector<StudentRecord> records;
};
StudentHomeroom GetStudentHomeroom(app::Context& ctx, const org::Actor& actor, std::int64_t student_id);

}  // namespace hocvu::homeroom
