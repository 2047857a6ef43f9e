#pragma once

#include <string_view>

/// The homeroom domain's SQL, portable between SQLite and PostgreSQL. Reads of other domains' tables that their
/// services offer no in-transaction query for (confirmed sheets, teachers of a class) are here too, read-only.
namespace hocvu::homeroom::store {

// ---- Attendance ----
inline constexpr std::string_view kDayVersion =
    "SELECT version FROM homeroom_attendance_days WHERE unit_id = $1 AND class_id = $2 AND day = $3";
inline constexpr std::string_view kEnsureDay =
    "INSERT INTO homeroom_attendance_days (unit_id, class_id, day, version, updated_at) VALUES ($1, $2, $3, 0, $4) "
    "ON CONFLICT (unit_id, class_id, day) DO NOTHING";
/// Takes the day's row lock first, so concurrent saves of one roll-call run one after the other.
inline constexpr std::string_view kBumpDay =
    "UPDATE homeroom_attendance_days SET version = version + 1, updated_at = $4 WHERE unit_id = $1 AND class_id = $2 "
    "AND day = $3 RETURNING version";
inline constexpr std::string_view kDayMarks =
    "SELECT student_id, session, period, status, note, version, updated_by, updated_at FROM homeroom_attendance "
    "WHERE unit_id = $1 AND class_id = $2 AND day = $3 ORDER BY student_id, session, period";
inline constexpr std::string_view kUpsertMark =
    "INSERT INTO homeroom_attendance (unit_id, class_id, day, student_id, session, period, status, note, version, "
    "updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) "
    "ON CONFLICT (unit_id, class_id, day, student_id, session, period) DO UPDATE SET status = excluded.status, "
    "note = excluded.note, version = excluded.version, updated_by = excluded.updated_by, "
    "updated_at = excluded.updated_at";
/// Marks of a class between two days, for the totals.
inline constexpr std::string_view kRangeMarks =
    "SELECT student_id, day, session, period, status FROM homeroom_attendance WHERE unit_id = $1 AND class_id = $2 "
    "AND day >= $3 AND day <= $4";
/// A10: whole-session absences (excused or not) in the class's main session, one per day.
inline constexpr std::string_view kMainAbsences =
    "SELECT student_id, COUNT(*) FROM homeroom_attendance WHERE unit_id = $1 AND class_id = $2 AND session = $3 "
    "AND period = 0 AND status IN ('excused', 'unexcused') AND day >= $4 AND day <= $5 GROUP BY student_id";
inline constexpr std::string_view kStudentMarks =
    "SELECT day, session, period, status, note FROM homeroom_attendance WHERE unit_id = $1 AND class_id = $2 AND "
    "student_id = $3 AND status <> 'present' ORDER BY day, session, period";

// ---- Conduct ----
inline constexpr std::string_view kClassConduct =
    "SELECT student_id, period, level, comment, version FROM homeroom_conduct WHERE unit_id = $1 AND class_id = $2";
inline constexpr std::string_view kClassConductLevels =
    "SELECT student_id, period, level FROM homeroom_conduct WHERE unit_id = $1 AND class_id = $2";
inline constexpr std::string_view kFindConduct =
    "SELECT level, comment, version FROM homeroom_conduct WHERE unit_id = $1 AND class_id = $2 AND student_id = $3 "
    "AND period = $4";
inline constexpr std::string_view kUpsertConduct =
    "INSERT INTO homeroom_conduct (unit_id, class_id, student_id, period, level, comment, version, updated_by, "
    "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (unit_id, class_id, student_id, period) DO "
    "UPDATE SET level = excluded.level, comment = excluded.comment, version = excluded.version, "
    "updated_by = excluded.updated_by, updated_at = excluded.updated_at";
inline constexpr std::string_view kDeleteConduct =
    "DELETE FROM homeroom_conduct WHERE unit_id = $1 AND class_id = $2 AND student_id = $3 AND period = $4";

// ---- TT27 quality and competence ratings ----
inline constexpr std::string_view kClassQualities =
    "SELECT student_id, point, item, rating, note, version FROM homeroom_qualities WHERE unit_id = $1 AND "
    "class_id = $2 AND semester = $3";
inline constexpr std::string_view kUpsertQuality =
    "INSERT INTO homeroom_qualities (unit_id, class_id, student_id, semester, point, item, rating, note, version, "
    "updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (unit_id, class_id, "
    "student_id, semester, point, item) DO UPDATE SET rating = excluded.rating, note = excluded.note, "
    "version = excluded.version, updated_by = excluded.updated_by, updated_at = excluded.updated_at";
inline constexpr std::string_view kDeleteQuality =
    "DELETE FROM homeroom_qualities WHERE unit_id = $1 AND class_id = $2 AND student_id = $3 AND semester = $4 AND "
    "point = $5 AND item = $6";

// ---- Comments ----
inline constexpr std::string_view kComments =
    "SELECT student_id, text, author_id, updated_at FROM homeroom_comments WHERE unit_id = $1 AND class_id = $2 AND "
    "kind = $3 AND period = $4 AND subject_code = $5";
inline constexpr std::string_view kFindComment =
    "SELECT text FROM homeroom_comments WHERE unit_id = $1 AND class_id = $2 AND student_id = $3 AND kind = $4 AND "
    "period = $5 AND subject_code = $6";
inline constexpr std::string_view kUpsertComment =
    "INSERT INTO homeroom_comments (unit_id, class_id, student_id, kind, period, subject_code, text, author_id, "
    "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (unit_id, class_id, student_id, kind, period, "
    "subject_code) DO UPDATE SET text = excluded.text, author_id = excluded.author_id, updated_at = excluded.updated_at";
inline constexpr std::string_view kDeleteComment =
    "DELETE FROM homeroom_comments WHERE unit_id = $1 AND class_id = $2 AND student_id = $3 AND kind = $4 AND "
    "period = $5 AND subject_code = $6";
inline constexpr std::string_view kStudentComments =
    "SELECT kind, period, subject_code, text, author_id FROM homeroom_comments WHERE unit_id = $1 AND class_id = $2 "
    "AND student_id = $3 ORDER BY kind, period, subject_code";

// ---- Rewards and discipline ----
inline constexpr std::string_view kRecordColumns =
    "id, class_id, student_id, kind, day, title, decision, note, created_by, created_at";
inline constexpr std::string_view kInsertRecord =
    "INSERT INTO homeroom_records (unit_id, id, class_id, student_id, kind, day, title, decision, note, created_by, "
    "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
inline constexpr std::string_view kDeleteRecord = "DELETE FROM homeroom_records WHERE unit_id = $1 AND id = $2";

// ---- Confirmations and year close ----
inline constexpr std::string_view kConfirmations =
    "SELECT period, confirmed_by, confirmed_at FROM homeroom_confirmations WHERE unit_id = $1 AND class_id = $2 "
    "ORDER BY period";
inline constexpr std::string_view kUpsertConfirmation =
    "INSERT INTO homeroom_confirmations (unit_id, class_id, period, confirmed_by, confirmed_at) VALUES ($1, $2, $3, "
    "$4, $5) ON CONFLICT (unit_id, class_id, period) DO UPDATE SET confirmed_by = excluded.confirmed_by, "
    "confirmed_at = excluded.confirmed_at";
inline constexpr std::string_view kYearClose =
    "SELECT status, version, conduct_version, note, submitted_by, submitted_at, decided_by, decided_at, "
    "decision_note FROM homeroom_year_close WHERE unit_id = $1 AND class_id = $2";
inline constexpr std::string_view kEnsureYearClose =
    "INSERT INTO homeroom_year_close (unit_id, class_id, year_id, status, version, conduct_version, note, "
    "decision_note, updated_at) VALUES ($1, $2, $3, 'draft', 0, 0, '', '', $4) "
    "ON CONFLICT (unit_id, class_id) DO NOTHING";
inline constexpr std::string_view kBumpYearClose =
    "UPDATE homeroom_year_close SET version = version + 1, updated_at = $3 WHERE unit_id = $1 AND class_id = $2";
inline constexpr std::string_view kBumpConductVersion =
    "UPDATE homeroom_year_close SET conduct_version = conduct_version + 1, updated_at = $3 WHERE unit_id = $1 AND "
    "class_id = $2";
inline constexpr std::string_view kSubmitYearClose =
    "UPDATE homeroom_year_close SET status = 'submitted', note = $3, submitted_by = $4, submitted_at = $5, "
    "decided_by = NULL, decided_at = NULL, decision_note = '' WHERE unit_id = $1 AND class_id = $2";
inline constexpr std::string_view kDecideYearClose =
    "UPDATE homeroom_year_close SET status = $3, decided_by = $4, decided_at = $5, decision_note = $6 "
    "WHERE unit_id = $1 AND class_id = $2 AND status = 'submitted'";
/// GB-4, the school's list: the year-close rows of a year, and the lines of each list per class.
inline constexpr std::string_view kLatestYear =
    "SELECT id FROM school_years WHERE unit_id = $1 ORDER BY name DESC";
inline constexpr std::string_view kSchoolYearClose =
    "SELECT class_id, status, version, submitted_by, submitted_at, decided_by, decided_at, decision_note "
    "FROM homeroom_year_close WHERE unit_id = $1 AND year_id = $2";
inline constexpr std::string_view kSchoolYearCloseCounts =
    "SELECT i.class_id, i.outcome, i.final_outcome, COUNT(*) FROM homeroom_year_close_items i "
    "JOIN homeroom_year_close y ON y.unit_id = i.unit_id AND y.class_id = i.class_id "
    "WHERE i.unit_id = $1 AND y.year_id = $2 GROUP BY i.class_id, i.outcome, i.final_outcome";
inline constexpr std::string_view kYearCloseItems =
    "SELECT student_id, engine_outcome, engine_award, engine_reassess, outcome, award, reassess, basis, reason, "
    "final_outcome FROM homeroom_year_close_items WHERE unit_id = $1 AND class_id = $2";
inline constexpr std::string_view kDeleteYearCloseItems =
    "DELETE FROM homeroom_year_close_items WHERE unit_id = $1 AND class_id = $2";
inline constexpr std::string_view kInsertYearCloseItem =
    "INSERT INTO homeroom_year_close_items (unit_id, class_id, student_id, engine_outcome, engine_award, "
    "engine_reassess, outcome, award, reassess, basis, reason, final_outcome) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
    "$9, $10, $11, $12)";
inline constexpr std::string_view kSetFinalOutcome =
    "UPDATE homeroom_year_close_items SET final_outcome = $4 WHERE unit_id = $1 AND class_id = $2 AND student_id = $3";
inline constexpr std::string_view kClassReassessments =
    "SELECT student_id, subject_code, score, pass FROM homeroom_reassessments WHERE unit_id = $1 AND class_id = $2";
inline constexpr std::string_view kUpsertReassessment =
    "INSERT INTO homeroom_reassessments (unit_id, class_id, student_id, subject_code, score, pass, updated_by, "
    "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (unit_id, class_id, student_id, subject_code) "
    "DO UPDATE SET score = excluded.score, pass = excluded.pass, updated_by = excluded.updated_by, "
    "updated_at = excluded.updated_at";
inline constexpr std::string_view kDeleteReassessment =
    "DELETE FROM homeroom_reassessments WHERE unit_id = $1 AND class_id = $2 AND student_id = $3 AND "
    "subject_code = $4";

// ---- Other domains, read-only ----
inline constexpr std::string_view kConfirmedSheetsOfClass =
    "SELECT subject_code, semester FROM gradebook_sheets WHERE unit_id = $1 AND class_id = $2 AND "
    "confirmed_by IS NOT NULL";
inline constexpr std::string_view kClassTeachers =
    "SELECT t.subject_code, t.semester, s.full_name FROM teaching_assignments t JOIN staff s ON s.unit_id = t.unit_id "
    "AND s.id = t.staff_id WHERE t.unit_id = $1 AND t.class_id = $2";
inline constexpr std::string_view kTotpEnabled = "SELECT totp_enabled FROM accounts WHERE id = $1";

}  // namespace hocvu::homeroom::store
