#pragma once

#include <string_view>

#include "people/model.hpp"
#include "storage/database.hpp"

/// SQL of the people domain, portable between SQLite and PostgreSQL.
namespace hocvu::people::store {

inline constexpr std::string_view kStudentColumns =
    "unit_id, id, code, family_name, middle_name, given_name, full_name, birth_date, gender, ethnicity, birthplace, "
    "address, priority, policy, status, status_reason, status_date, origin_id";

inline constexpr std::string_view kInsertStudent =
    "INSERT INTO students (unit_id, id, code, family_name, middle_name, given_name, full_name, search_name, "
    "birth_date, gender, ethnicity, birthplace, address, priority, policy, status, status_reason, status_date, "
    "origin_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, "
    "$16, '', '', $17, $18, $18)";

inline constexpr std::string_view kUpdateStudent =
    "UPDATE students SET family_name = $3, middle_name = $4, given_name = $5, full_name = $6, search_name = $7, "
    "birth_date = $8, gender = $9, ethnicity = $10, birthplace = $11, address = $12, priority = $13, policy = $14, "
    "updated_at = $15 WHERE unit_id = $1 AND id = $2";

inline constexpr std::string_view kSetStudentStatus =
    "UPDATE students SET status = $3, status_reason = $4, status_date = $5, updated_at = $6 "
    "WHERE unit_id = $1 AND id = $2";

inline constexpr std::string_view kGuardianColumns =
    "unit_id, id, student_id, full_name, relation, phone, email, account_id";

inline constexpr std::string_view kInsertGuardian =
    "INSERT INTO guardians (unit_id, id, student_id, full_name, relation, phone, email, account_id) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, NULL)";

inline constexpr std::string_view kStaffColumns =
    "s.unit_id, s.id, s.account_id, s.family_name, s.middle_name, s.given_name, s.full_name, s.birth_date, s.gender, "
    "s.ethnicity, s.phone, s.email, s.job_position, s.subjects, s.qualification, s.professional_rank, s.status, "
    "a.username";

inline constexpr std::string_view kStaffFrom =
    " FROM staff s LEFT JOIN accounts a ON a.unit_id = s.unit_id AND a.id = s.account_id ";

inline constexpr std::string_view kInsertStaff =
    "INSERT INTO staff (unit_id, id, account_id, family_name, middle_name, given_name, full_name, search_name, "
    "birth_date, gender, ethnicity, phone, email, job_position, subjects, qualification, professional_rank, status, "
    "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, "
    "'active', $18, $18)";

inline constexpr std::string_view kUpdateStaff =
    "UPDATE staff SET family_name = $3, middle_name = $4, given_name = $5, full_name = $6, search_name = $7, "
    "birth_date = $8, gender = $9, ethnicity = $10, phone = $11, email = $12, job_position = $13, subjects = $14, "
    "qualification = $15, professional_rank = $16, updated_at = $17 WHERE unit_id = $1 AND id = $2";

/// The account's name follows the HR record's; the username stays (ORG-2: a username never changes).
inline constexpr std::string_view kRenameAccount =
    "UPDATE accounts SET family_name = $3, middle_name = $4, given_name = $5, full_name = $6, search_name = $7 "
    "WHERE unit_id = $1 AND id = $2";

Student ReadStudent(const storage::Row& row);
Guardian ReadGuardian(const storage::Row& row);
StaffMember ReadStaff(const storage::Row& row);

}  // namespace hocvu::people::store
