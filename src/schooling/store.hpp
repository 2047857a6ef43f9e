#pragma once

#include <string_view>

#include "schooling/model.hpp"
#include "storage/database.hpp"

/// SQL of the schooling domain, portable between SQLite and PostgreSQL.
namespace hocvu::schooling::store {

inline constexpr std::string_view kYearColumns = "unit_id, id, name, starts_on, ends_on, status";
inline constexpr std::string_view kInsertYear =
    "INSERT INTO school_years (unit_id, id, name, starts_on, ends_on, status, created_at) "
    "VALUES ($1, $2, $3, $4, $5, 'open', $6)";
inline constexpr std::string_view kInsertSemester =
    "INSERT INTO semesters (unit_id, year_id, number, starts_on, ends_on) VALUES ($1, $2, $3, $4, $5)";
inline constexpr std::string_view kInsertCurriculum =
    "INSERT INTO curriculum (unit_id, year_id, grade, subject_code, periods_per_year, assessment, elective) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7)";

/// A class with its homeroom teacher's name and the number of students enrolled now.
inline constexpr std::string_view kClassSelect =
    "SELECT c.unit_id, c.id, c.year_id, c.grade, c.name, c.day_session, h.staff_id, s.full_name, "
    "(SELECT COUNT(*) FROM enrolments e WHERE e.unit_id = c.unit_id AND e.class_id = c.id AND e.status = 'active') "
    "FROM classes c LEFT JOIN homeroom_assignments h ON h.unit_id = c.unit_id AND h.class_id = c.id "
    "LEFT JOIN staff s ON s.unit_id = h.unit_id AND s.id = h.staff_id ";
inline constexpr std::string_view kInsertClass =
    "INSERT INTO classes (unit_id, id, year_id, grade, name, day_session, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7)";

inline constexpr std::string_view kTeachingSelect =
    "SELECT t.unit_id, t.id, t.class_id, c.name, t.subject_code, t.semester, t.staff_id, s.full_name "
    "FROM teaching_assignments t JOIN classes c ON c.unit_id = t.unit_id AND c.id = t.class_id "
    "JOIN staff s ON s.unit_id = t.unit_id AND s.id = t.staff_id ";

inline constexpr std::string_view kEnrolmentSelect =
    "SELECT e.unit_id, e.id, e.student_id, e.class_id, e.year_id, c.name, e.status, e.started_on, e.ended_on, "
    "e.end_reason FROM enrolments e JOIN classes c ON c.unit_id = e.unit_id AND c.id = e.class_id ";
inline constexpr std::string_view kInsertEnrolment =
    "INSERT INTO enrolments (unit_id, id, student_id, class_id, year_id, status, started_on, ended_on, end_reason) "
    "VALUES ($1, $2, $3, $4, $5, 'active', $6, '', '')";
inline constexpr std::string_view kEndEnrolment =
    "UPDATE enrolments SET status = $3, ended_on = $4, end_reason = $5 WHERE unit_id = $1 AND id = $2";

inline constexpr std::string_view kExemptionColumns =
    "unit_id, id, student_id, year_id, semester, subject_code, reason";

SchoolYear ReadYear(const storage::Row& row);
ClassInfo ReadClass(const storage::Row& row);
TeachingAssignment ReadTeaching(const storage::Row& row);
Enrolment ReadEnrolment(const storage::Row& row);
Exemption ReadExemption(const storage::Row& row);

}  // namespace hocvu::schooling::store
