#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hocvu::people {

/// A parent or guardian of a student (SCH-3). `account_id` is the parent account linked to the child, if made.
struct Guardian {
    std::int64_t id = 0;
    std::int64_t unit_id = 0;
    std::int64_t student_id = 0;
    std::string full_name;
    std::string relation;  ///< "Cha", "Mẹ", "Ông", "Bà", "Người giám hộ", …
    std::string phone;
    std::string email;
    std::optional<std::int64_t> account_id;
};

/// Where a student's record stands at the school (SCH-5, SCH-7): studying, or why they left, when.
enum class StudentStatus { kStudying, kTransferredOut, kDroppedOut, kGraduated };
std::string_view Name(StudentStatus status);
std::optional<StudentStatus> ParseStudentStatus(std::string_view text);

/// A student's record at one school (hồ sơ học sinh). `code` is the Ministry database id (mã học sinh), unique
/// in the school and never changed.
struct Student {
    std::int64_t id = 0;
    std::int64_t unit_id = 0;
    std::string code;
    std::string family_name;
    std::string middle_name;
    std::string given_name;
    std::string full_name;
    std::string birth_date;  ///< YYYY-MM-DD
    std::string gender;      ///< "male" or "female"
    std::string ethnicity;
    std::string birthplace;
    std::string address;
    std::string priority;  ///< diện ưu tiên, free text
    std::string policy;    ///< diện chính sách, free text
    StudentStatus status = StudentStatus::kStudying;
    std::string status_reason;
    std::string status_date;
    std::optional<std::int64_t> origin_id;  ///< the record at the former school, for an admitted transfer
    std::vector<Guardian> guardians;
};

/// What a school enters (or imports) for a student; names may be given whole (`full_name`) or in parts.
struct StudentInput {
    std::string code;
    std::string full_name;
    std::string family_name;
    std::string middle_name;
    std::string given_name;
    std::string birth_date;  ///< dd/mm/yyyy or YYYY-MM-DD
    std::string gender;      ///< Nam/Nữ, male/female
    std::string ethnicity;
    std::string birthplace;
    std::string address;
    std::string priority;
    std::string policy;
};

struct GuardianInput {
    std::string full_name;
    std::string relation;
    std::string phone;
    std::string email;
};

/// A teacher's or staff member's HR record (SCH-1).
struct StaffMember {
    std::int64_t id = 0;
    std::int64_t unit_id = 0;
    std::optional<std::int64_t> account_id;
    std::string username;  ///< of the account, when there is one
    std::string family_name;
    std::string middle_name;
    std::string given_name;
    std::string full_name;
    std::string birth_date;
    std::string gender;
    std::string ethnicity;
    std::string phone;
    std::string email;
    std::string position;  ///< chức vụ: "Giáo viên", "Hiệu trưởng", "Nhân viên văn phòng", …
    std::vector<std::string> subjects;  ///< subject codes taught
    std::string qualification;          ///< trình độ chuyên môn
    std::string professional_rank;      ///< hạng chức danh nghề nghiệp
    std::string status;                 ///< "active" or "left"
};

struct StaffInput {
    std::string full_name;
    std::string family_name;
    std::string middle_name;
    std::string given_name;
    std::string birth_date;
    std::string gender;
    std::string ethnicity;
    std::string phone;
    std::string email;
    std::string position;
    std::vector<std::string> subjects;
    std::string qualification;
    std::string professional_rank;
};

/// One reason a record (or an imported row) cannot be written: which field, and why in Vietnamese.
struct FieldProblem {
    std::string field;
    std::string message;
};

}  // namespace hocvu::people
