#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/context.hpp"
#include "org/model.hpp"
#include "people/import/mapping.hpp"
#include "people/model.hpp"
#include "storage/database.hpp"

/// Student and staff records (SCH-1, SCH-3). Writes check `Require` and are audited in their transaction; the
/// `…Tx` functions run inside a caller's transaction that has already checked (import, admission, demo).
namespace hocvu::people {

/// Who manages a school's records: the school's administrator (it creates the accounts that go with them).
inline constexpr org::Permission kManageRecords = org::Permission::kAccountManage;

/// The school `unit_id`, which must be a school or centre; throws kNotFound / kValidation.
org::Unit SchoolOf(storage::Tx& tx, std::int64_t unit_id);

// ---- Validation (values, not exceptions) --------------------------------------------------------------------

/// A student input made clean and split into name parts, with every problem found (field, Vietnamese reason).
struct CheckedStudent {
    StudentInput clean;
    std::vector<FieldProblem> problems;
};
CheckedStudent CheckStudent(const StudentInput& input);

struct CheckedStaff {
    StaffInput clean;
    std::vector<FieldProblem> problems;
};
CheckedStaff CheckStaff(const StaffInput& input);

std::vector<FieldProblem> CheckGuardian(GuardianInput& input);

/// Throws kValidation naming the first problem, when there is one.
void ThrowIfProblems(const std::vector<FieldProblem>& problems);

// ---- Students ------------------------------------------------------------------------------------------------

/// Inserts a checked student in the caller's transaction; throws kConflict when the code exists in the school.
Student InsertStudentTx(storage::Tx& tx, app::Context& ctx, std::int64_t unit_id, const StudentInput& clean,
                        std::optional<std::int64_t> origin_id = {});
Guardian InsertGuardianTx(storage::Tx& tx, app::Context& ctx, std::int64_t unit_id, std::int64_t student_id,
                          const GuardianInput& clean);
std::optional<Student> FindStudentTx(storage::Tx& tx, std::int64_t id);
std::optional<Student> FindStudentByCodeTx(storage::Tx& tx, std::int64_t unit_id, std::string_view code);
std::vector<Guardian> GuardiansOfTx(storage::Tx& tx, std::int64_t student_id);
/// Students by id, with guardians left empty.
std::vector<Student> StudentsTx(storage::Tx& tx, std::int64_t unit_id, const std::vector<std::int64_t>& ids);
void SetStudentStatusTx(storage::Tx& tx, app::Context& ctx, const Student& student, StudentStatus status,
                        std::string_view reason, std::string_view date);

/// Creates a student record (without a class; schooling enrols). Audited "people.student_created".
Student CreateStudent(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id, const StudentInput& input,
                      const std::vector<GuardianInput>& guardians, std::string_view client_address);

/// Changes the editable fields of a record (not the code). Audited "people.student_updated".
Student UpdateStudent(app::Context& ctx, const org::Actor& actor, std::int64_t student_id, const StudentInput& input,
                      std::string_view client_address);

Guardian AddGuardian(app::Context& ctx, const org::Actor& actor, std::int64_t student_id, const GuardianInput& input,
                     std::string_view client_address);

/// The parent account of a guardian, linked to the child by a parent grant narrowed to the student. A guardian
/// whose phone already has a parent account in the school (a second child) gets that account linked; the
/// one-time password is then empty. Username: "ph<phone>.<school code>".
struct ParentAccount {
    org::Account account;
    std::string password;
    bool created = false;
};
ParentAccount CreateParentAccount(app::Context& ctx, const org::Actor& actor, std::int64_t guardian_id,
                                  std::string_view client_address);
/// Inside a transaction with a given password hash (demo data).
ParentAccount LinkParentAccountTx(storage::Tx& tx, app::Context& ctx, const org::Unit& school, Guardian& guardian,
                                  const std::string& password_hash, bool must_change_password, std::int64_t granted_by);

/// Students of the school matching `query` (diacritics-insensitive, name or code), in Vietnamese order.
std::vector<Student> SearchStudents(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id,
                                    std::string_view query);

// ---- Staff ---------------------------------------------------------------------------------------------------

struct CreatedStaff {
    StaffMember staff;
    std::string password;  ///< the account's one-time password; empty without an account
};

/// An HR record with, when `with_account`, an account named by the province rule (toannv.thptchuvanan).
CreatedStaff CreateStaff(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id, const StaffInput& input,
                         bool with_account, std::string_view client_address);
/// Inside a transaction with a given password hash (import, demo).
StaffMember InsertStaffTx(storage::Tx& tx, app::Context& ctx, const org::Unit& school, const StaffInput& clean,
                          const std::optional<std::string>& password_hash, bool must_change_password);
std::optional<StaffMember> FindStaffTx(storage::Tx& tx, std::int64_t id);
/// Links an HR record to an account that already exists (demo data, a person whose account came first).
void LinkStaffAccountTx(storage::Tx& tx, std::int64_t unit_id, std::int64_t staff_id, std::int64_t account_id);
/// Links a guardian to a parent account that already exists (no grant is added).
void LinkGuardianAccountTx(storage::Tx& tx, std::int64_t unit_id, std::int64_t guardian_id, std::int64_t account_id);
/// The staff of a school in Vietnamese order, filtered by `query` (diacritics-insensitive).
std::vector<StaffMember> ListStaff(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id,
                                   std::string_view query);
StaffMember GetStaff(app::Context& ctx, const org::Actor& actor, std::int64_t id);
/// Corrects an HR record (SCH-1): every field is replaced and checked as on creation; the account, if any, takes the
/// new name and keeps its username. Audited with the fields that changed.
StaffMember UpdateStaff(app::Context& ctx, const org::Actor& actor, std::int64_t id, const StaffInput& input,
                        std::string_view client_address);

// ---- Import (SCH-3) -----------------------------------------------------------------------------------------

/// What an import found (preview) or did (commit): the sheet and header row it read, the column mapping, every
/// row's problems, and, once committed, what it created (for staff: full name, username, one-time password).
struct ImportReport {
    std::string sheet;
    std::size_t header_row = 0;
    std::vector<std::pair<std::string, std::string>> columns;
    std::size_t rows = 0;
    std::vector<import::RowProblem> problems;
    bool committed = false;
    std::vector<std::vector<std::string>> created;
};

/// Reads a staff list and reports every row's problems; writes nothing.
ImportReport PreviewStaffImport(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id,
                                std::string_view file);
/// The same checks, then, only when no row has a problem, every record and account in one transaction.
ImportReport CommitStaffImport(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id, std::string_view file,
                               std::string_view client_address);

/// A subject code from a code ("TOAN") or a Vietnamese name ("Toán"), when the catalogue knows it.
std::optional<std::string> SubjectCodeOf(std::string_view text);

}  // namespace hocvu::people
