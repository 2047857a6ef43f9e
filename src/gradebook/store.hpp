#pragma once

#include <string_view>

/// The gradebook's SQL, portable between SQLite and PostgreSQL. Reads of other domains' tables that their services
/// offer no in-transaction query for (roster, exemptions, account names) are here too, read-only.
namespace hocvu::gradebook::store {

inline constexpr std::string_view kRosterIds =
    "SELECT student_id FROM enrolments WHERE unit_id = $1 AND class_id = $2 AND status = 'active'";
inline constexpr std::string_view kRosterNames =
    "SELECT s.id, s.code, s.family_name, s.middle_name, s.given_name, s.full_name FROM enrolments e JOIN students s "
    "ON s.unit_id = e.unit_id AND s.id = e.student_id WHERE e.unit_id = $1 AND e.class_id = $2 AND "
    "e.status = 'active' ORDER BY s.id";
inline constexpr std::string_view kExempt =
    "SELECT student_id FROM exemptions WHERE unit_id = $1 AND year_id = $2 AND semester = $3 AND subject_code = $4";
inline constexpr std::string_view kAccountName =
    "SELECT full_name, username FROM accounts WHERE id = $1";

inline constexpr std::string_view kSheetCells =
    "SELECT student_id, item, score, pass, status, version, updated_by, updated_at, level FROM gradebook_scores "
    "WHERE unit_id = $1 AND class_id = $2 AND subject_code = $3 AND semester = $4";
inline constexpr std::string_view kClassCells =
    "SELECT subject_code, semester, student_id, item, score, pass, level FROM gradebook_scores WHERE unit_id = $1 AND "
    "class_id = $2";
/// TT27: the homeroom teacher's year-end quality and competence ratings and the class's recognition
/// (homeroom_qualities, migration 0008), read-only for the engine's input.
inline constexpr std::string_view kYearEndQualities =
    "SELECT student_id, item, rating FROM homeroom_qualities WHERE unit_id = $1 AND class_id = $2 AND semester = 2 "
    "AND point = 'ck'";
inline constexpr std::string_view kYearExemptions =
    "SELECT student_id, semester, subject_code FROM exemptions WHERE unit_id = $1 AND year_id = $2";
inline constexpr std::string_view kSheetState =
    "SELECT version, confirmed_by, confirmed_at FROM gradebook_sheets "
    "WHERE unit_id = $1 AND class_id = $2 AND subject_code = $3 AND semester = $4";
inline constexpr std::string_view kEnsureSheet =
    "INSERT INTO gradebook_sheets (unit_id, class_id, subject_code, semester, version, updated_at) "
    "VALUES ($1, $2, $3, $4, 0, $5) ON CONFLICT (unit_id, class_id, subject_code, semester) DO NOTHING";
/// Takes the sheet's row lock first, so concurrent saves of one sheet run one after the other.
inline constexpr std::string_view kBumpSheet =
    "UPDATE gradebook_sheets SET version = version + 1, updated_at = $5 "
    "WHERE unit_id = $1 AND class_id = $2 AND subject_code = $3 AND semester = $4 RETURNING version, confirmed_by";
inline constexpr std::string_view kConfirmSheet =
    "UPDATE gradebook_sheets SET confirmed_by = $5, confirmed_at = $6 "
    "WHERE unit_id = $1 AND class_id = $2 AND subject_code = $3 AND semester = $4";

/// Multi-row statements are built from these with one row per change (see service.cpp).
inline constexpr std::string_view kUpsertCellsHead =
    "INSERT INTO gradebook_scores (unit_id, class_id, subject_code, semester, student_id, item, score, pass, status, "
    "version, updated_by, updated_at, level) VALUES ";
inline constexpr std::string_view kUpsertCellsTail =
    " ON CONFLICT (unit_id, class_id, subject_code, semester, student_id, item) DO UPDATE SET "
    "score = excluded.score, pass = excluded.pass, status = excluded.status, version = excluded.version, "
    "updated_by = excluded.updated_by, updated_at = excluded.updated_at, level = excluded.level";
inline constexpr std::string_view kInsertHistoryHead =
    "INSERT INTO gradebook_score_history (unit_id, id, class_id, subject_code, semester, student_id, item, "
    "old_value, new_value, reason, actor_id, at, audit_id, correction_id) VALUES ";
inline constexpr std::string_view kCellHistory =
    "SELECT old_value, new_value, reason, actor_id, at, audit_id, correction_id FROM gradebook_score_history "
    "WHERE unit_id = $1 AND class_id = $2 AND subject_code = $3 AND semester = $4 AND student_id = $5 AND item = $6 "
    "ORDER BY id";

inline constexpr std::string_view kWindows =
    "SELECT item_kind, opens_at, closes_at FROM gradebook_windows WHERE unit_id = $1 AND year_id = $2 AND "
    "semester = $3";
inline constexpr std::string_view kYearWindows =
    "SELECT semester, item_kind, opens_at, closes_at FROM gradebook_windows WHERE unit_id = $1 AND year_id = $2 "
    "ORDER BY semester, item_kind";
inline constexpr std::string_view kFindWindow =
    "SELECT opens_at, closes_at FROM gradebook_windows WHERE unit_id = $1 AND year_id = $2 AND semester = $3 AND "
    "item_kind = $4";
inline constexpr std::string_view kDeleteWindow =
    "DELETE FROM gradebook_windows WHERE unit_id = $1 AND year_id = $2 AND semester = $3 AND item_kind = $4";
inline constexpr std::string_view kInsertWindow =
    "INSERT INTO gradebook_windows (unit_id, year_id, semester, item_kind, opens_at, closes_at, set_by, set_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

/// A lock covering a sheet: its score lock, the class's book lock for the semester, or for the year.
inline constexpr std::string_view kCoveringLock =
    "SELECT subject_code, semester, locked_by, locked_at, reason FROM gradebook_locks WHERE unit_id = $1 AND "
    "class_id = $2 AND ((subject_code = $3 AND semester = $4) OR (subject_code = '*' AND (semester = $4 OR "
    "semester = 0))) ORDER BY semester";
inline constexpr std::string_view kFindLock =
    "SELECT 1 FROM gradebook_locks WHERE unit_id = $1 AND class_id = $2 AND subject_code = $3 AND semester = $4";
inline constexpr std::string_view kInsertLock =
    "INSERT INTO gradebook_locks (unit_id, class_id, subject_code, semester, locked_by, locked_at, reason) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7)";
inline constexpr std::string_view kDeleteLock =
    "DELETE FROM gradebook_locks WHERE unit_id = $1 AND class_id = $2 AND subject_code = $3 AND semester = $4";
inline constexpr std::string_view kClassLocks =
    "SELECT class_id, subject_code, semester, locked_by, locked_at, reason FROM gradebook_locks WHERE unit_id = $1 "
    "AND class_id = $2 ORDER BY subject_code, semester";

inline constexpr std::string_view kCorrectionColumns =
    "id, unit_id, class_id, subject_code, semester, student_id, item, old_value, new_value, reason, status, "
    "requested_by, requested_at, decided_by, decided_at, decision_note, witnesses";
inline constexpr std::string_view kInsertCorrection =
    "INSERT INTO gradebook_corrections (unit_id, id, class_id, subject_code, semester, student_id, item, old_value, "
    "new_value, reason, status, requested_by, requested_at, decision_note, witnesses) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'pending', $11, $12, '', '')";
inline constexpr std::string_view kDecideCorrection =
    "UPDATE gradebook_corrections SET status = $3, decided_by = $4, decided_at = $5, decision_note = $6, "
    "witnesses = $7 WHERE unit_id = $1 AND id = $2 AND status = 'pending'";

/// SCH-10: every filled cell of a student enrolled now in a class of the year ($2) and not exempt from it, with
/// when it was first given a value (its history; the cell's last change when it has none).
inline constexpr std::string_view kProgressCells =
    "SELECT s.class_id, s.subject_code, s.semester, s.item, COALESCE(MIN(h.at), MIN(s.updated_at)) "
    "FROM gradebook_scores s "
    "JOIN enrolments e ON e.unit_id = s.unit_id AND e.class_id = s.class_id AND e.student_id = s.student_id AND "
    "e.year_id = $2 AND e.status = 'active' "
    "LEFT JOIN gradebook_score_history h ON h.unit_id = s.unit_id AND h.class_id = s.class_id AND "
    "h.subject_code = s.subject_code AND h.semester = s.semester AND h.student_id = s.student_id AND "
    "h.item = s.item AND h.new_value <> '' "
    "WHERE s.unit_id = $1 AND (s.score IS NOT NULL OR s.pass IS NOT NULL OR s.level IS NOT NULL) AND NOT EXISTS "
    "(SELECT 1 FROM exemptions x WHERE x.unit_id = s.unit_id AND x.year_id = $2 AND x.semester = s.semester AND "
    "x.subject_code = s.subject_code AND x.student_id = s.student_id) "
    "GROUP BY s.class_id, s.subject_code, s.semester, s.item, s.student_id";
inline constexpr std::string_view kConfirmedSheets =
    "SELECT class_id, subject_code, semester FROM gradebook_sheets WHERE unit_id = $1 AND confirmed_by IS NOT NULL";

}  // namespace hocvu::gradebook::store
