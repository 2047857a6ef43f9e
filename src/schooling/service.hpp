#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/context.hpp"
#include "org/model.hpp"
#include "people/model.hpp"
#include "people/service.hpp"
#include "schooling/model.hpp"
#include "storage/database.hpp"

/// School year setup, assignments, enrolments and the student lifecycle (SCH-4…SCH-9, SCH-14). Writes check
/// `Require` on the school and append their audit entry in the same transaction.
namespace hocvu::schooling {

/// Years, semesters, curriculum and classes are the school administrator's setup.
inline constexpr org::Permission kManageSetup = org::Permission::kUnitSettings;
/// Assignments make and remove grants.
inline constexpr org::Permission kManageAssignments = org::Permission::kGrantManage;
/// Enrolments and the lifecycle change student records.
inline constexpr org::Permission kManageStudents = people::kManageRecords;

// ---- Years (SCH-14) -------------------------------------------------------------------------------------------

struct NewYear {
    std::string name;                       ///< "2026-2027"
    std::vector<Semester> semesters;        ///< empty: 05/09 – 15/01 and 16/01 – 31/05
    std::optional<std::int64_t> copy_from;  ///< a year of the same school whose curriculum and classes to copy
};

/// Creates a year with its semesters and, for every grade of the school's levels, the compulsory curriculum
/// (or the copied year's curriculum and classes, without students or assignments).
SchoolYear CreateYear(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id, const NewYear& input,
                      std::string_view client_address);
SchoolYear CreateYearTx(storage::Tx& tx, app::Context& ctx, const org::Unit& school, const NewYear& input);
std::vector<SchoolYear> ListYears(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id);
/// A year by id, or by name ("2026-2027") within the school.
std::optional<SchoolYear> FindYearTx(storage::Tx& tx, std::int64_t id);
std::optional<SchoolYear> FindYearByNameTx(storage::Tx& tx, std::int64_t unit_id, std::string_view name);

std::vector<CurriculumEntry> GetCurriculum(app::Context& ctx, const org::Actor& actor, std::int64_t year_id);
/// Replaces a grade's optional subjects (the compulsory ones always stay); `codes` lists the optional ones.
std::vector<CurriculumEntry> SetGradeOptionalSubjects(app::Context& ctx, const org::Actor& actor, std::int64_t year_id,
                                                      int grade, const std::vector<std::string>& codes,
                                                      std::string_view client_address);

// ---- Classes ---------------------------------------------------------------------------------------------------

struct NewClass {
    std::int64_t year_id = 0;
    int grade = 0;
    std::string name;
    std::string session = "morning";
};
ClassInfo CreateClass(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id, const NewClass& input,
                      std::string_view client_address);
ClassInfo CreateClassTx(storage::Tx& tx, app::Context& ctx, std::int64_t unit_id, const NewClass& input,
                        std::optional<std::int64_t> id = {});
/// The classes of a year (by id or name), by grade then name in natural order ("6A2" before "6A10").
std::vector<ClassInfo> ListClasses(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id,
                                   std::string_view year);
ClassInfo GetClass(app::Context& ctx, const org::Actor& actor, std::int64_t class_id);
std::optional<ClassInfo> FindClassTx(storage::Tx& tx, std::int64_t class_id);
/// THPT: the electives and chuyên đề of a class (SCH-14); checked against the catalogue for its grade.
ClassInfo SetClassElectives(app::Context& ctx, const org::Actor& actor, std::int64_t class_id,
                            const std::vector<std::string>& codes, std::string_view client_address);
/// The subject codes a class learns: its grade's curriculum and its electives.
std::vector<std::string> ClassSubjectsTx(storage::Tx& tx, const ClassInfo& cls);

// ---- Assignments (SCH-9) ---------------------------------------------------------------------------------------

/// Assigns `staff_id` to teach `subject` to the class in each of `semesters`, replacing any other teacher there,
/// and keeps the subject-teacher grants (class, subject) in step.
std::vector<TeachingAssignment> AssignTeaching(app::Context& ctx, const org::Actor& actor, std::int64_t class_id,
                                               std::string_view subject, std::int64_t staff_id,
                                               const std::vector<int>& semesters, std::string_view client_address);
std::vector<TeachingAssignment> AssignTeachingTx(storage::Tx& tx, app::Context& ctx, const ClassInfo& cls,
                                                 std::string_view subject, const people::StaffMember& staff,
                                                 const std::vector<int>& semesters, std::int64_t granted_by);
void RemoveTeaching(app::Context& ctx, const org::Actor& actor, std::int64_t assignment_id,
                    std::string_view client_address);
/// Every teaching assignment of a year's classes (the classes × subjects matrix).
std::vector<TeachingAssignment> ListTeaching(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id,
                                             std::string_view year);
/// Makes `staff_id` the class's homeroom teacher (one per class), moving the homeroom grant.
ClassInfo AssignHomeroom(app::Context& ctx, const org::Actor& actor, std::int64_t class_id, std::int64_t staff_id,
                         std::string_view client_address);
void AssignHomeroomTx(storage::Tx& tx, app::Context& ctx, const ClassInfo& cls, const people::StaffMember& staff,
                      std::int64_t granted_by);
ClassInfo RemoveHomeroom(app::Context& ctx, const org::Actor& actor, std::int64_t class_id,
                         std::string_view client_address);

// ---- Enrolments and class lists ------------------------------------------------------------------------------

/// Enrols a student of the school (studying, not in a class of that year) in a class.
Enrolment Enrol(app::Context& ctx, const org::Actor& actor, std::int64_t class_id, std::int64_t student_id,
                std::string_view date, std::string_view client_address);
Enrolment EnrolTx(storage::Tx& tx, app::Context& ctx, const ClassInfo& cls, std::int64_t student_id,
                  std::string_view date);
/// The students enrolled in a class now, in Vietnamese order (OPS-5).
std::vector<people::Student> ClassStudents(app::Context& ctx, const org::Actor& actor, std::int64_t class_id);

/// A student's record with guardians, enrolment history (newest first) and exemptions.
struct StudentProfile {
    people::Student student;
    std::vector<Enrolment> enrolments;
    std::vector<Exemption> exemptions;
};
StudentProfile GetStudentProfile(app::Context& ctx, const org::Actor& actor, std::int64_t student_id);

// ---- Lifecycle (SCH-4…SCH-8) -----------------------------------------------------------------------------------

/// SCH-4: moves a student to another class of the same year and school; scores stay with the student.
Enrolment TransferClass(app::Context& ctx, const org::Actor& actor, std::int64_t student_id, std::int64_t to_class_id,
                        std::string_view date, std::string_view client_address);

enum class Departure { kTransferOut, kDropout };
/// SCH-5: transfer out or dropout with reason and date; the enrolment ends, the record stays.
people::Student Leave(app::Context& ctx, const org::Actor& actor, std::int64_t student_id, Departure kind,
                      std::string_view reason, std::string_view date, std::string_view client_address);

/// SCH-6: admits the student with `code` who transferred out of another school of the system: a new record here
/// (origin_id: the old one, which stays), with guardians, enrolled in `class_id`.
StudentProfile Admit(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id, std::string_view code,
                     std::int64_t class_id, std::string_view date, std::string_view client_address);

/// SCH-8: exempts a student from a subject in a semester of the year of their current class.
Exemption AddExemption(app::Context& ctx, const org::Actor& actor, std::int64_t student_id, std::string_view subject,
                       int semester, std::string_view reason, std::string_view client_address);
void RemoveExemption(app::Context& ctx, const org::Actor& actor, std::int64_t exemption_id,
                     std::string_view client_address);

/// SCH-7: promotion outcome of a student at the end of the year (from the gradebook, or given by the school).
enum class Outcome { kPromoted, kRetained };

struct CarryOverInput {
    std::string to_year;                       ///< "2027-2028"; created when missing
    /// With `outcomes_given`, the school's own list (students not listed are promoted). Without it (the default)
    /// the outcomes are the approved year-close lists of every class (GB-4, after the summer: A17); a class whose
    /// lists are not approved refuses the carry-over (homeroom.not_approved), and so does a student whose summer
    /// re-assessment or conduct training has no result yet (homeroom.outcome_pending).
    std::map<std::int64_t, Outcome> outcomes;
    bool outcomes_given = false;
    bool dry_run = false;
};

/// What a carry-over does (or did): counts and the classes of the new year it fills.
struct CarryOverSummary {
    std::int64_t to_year_id = 0;
    std::string to_year;
    int promoted = 0;
    int retained = 0;
    int graduated = 0;
    std::vector<std::string> classes_created;
    std::map<std::string, int> class_sizes;  ///< new year's class name → students carried into it
    bool applied = false;
};

/// Opens next year's classes and enrolments: promoted students move to the class of the next grade with the
/// same suffix (6A1 → 7A1), retained ones to the class of the same name, the last grade of the school graduates.
CarryOverSummary CarryOver(app::Context& ctx, const org::Actor& actor, std::int64_t year_id,
                           const CarryOverInput& input, std::string_view client_address);

// ---- Import of students (SCH-3) ------------------------------------------------------------------------------

/// Reads the Ministry's student export; each row's class ("Lớp") must exist in `year` unless `class_id` is given.
people::ImportReport PreviewStudentImport(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id,
                                          std::string_view year, std::optional<std::int64_t> class_id,
                                          std::string_view file);
/// The same checks; only with no problem at all, every record, guardian and enrolment in one transaction.
people::ImportReport CommitStudentImport(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id,
                                         std::string_view year, std::optional<std::int64_t> class_id,
                                         std::string_view file, std::string_view client_address);

/// Natural order of class names: "6A2" < "6A10".
bool ClassNameLess(std::string_view a, std::string_view b);

}  // namespace hocvu::schooling
