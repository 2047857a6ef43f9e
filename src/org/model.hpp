#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"

namespace hocvu::org {

/// Where a unit sits in the hierarchy (glossary: Bộ, Sở, Phòng, Trường, Trung tâm GDTX).
enum class UnitKind { kMinistry, kProvince, kDistrict, kSchool, kCentre };

std::string_view Name(UnitKind kind);
std::optional<UnitKind> ParseUnitKind(std::string_view text);
/// Sở, Phòng and Bộ are authorities: they inspect their subtree and hold no school records of their own.
bool IsAuthority(UnitKind kind);

/// A unit of the education hierarchy. `path` lists the ids from the root, "/1/5/9/".
struct Unit {
    std::int64_t id = 0;
    std::optional<std::int64_t> parent_id;
    std::string path;
    UnitKind kind = UnitKind::kSchool;
    std::string code;           ///< abbreviation, e.g. "thptchuvanan"; the suffix of its staff's usernames
    std::string name;           ///< e.g. "Trường THPT Chu Văn An"
    std::string district_code;  ///< abbreviation of the district (huyện, thị xã), e.g. "gianghia"
    std::vector<std::string> levels;  ///< MN, TH, THCS, THPT; empty for authorities
    std::string status;               ///< "active" or "closed"
    bool totp_required = false;       ///< admins and principals of this unit must use a second factor
};

/// The roles of ORG-4. Authority roles apply to a Bộ/Sở/Phòng, school roles to a school or centre;
/// the unit administrator exists in every unit.
enum class Role {
    kUnitAdmin,
    kAuthorityLeader,
    kAuthorityStaff,
    kPrincipal,
    kVicePrincipal,
    kAdminBoard,
    kHomeroomTeacher,
    kSubjectTeacher,
    kOffice,
    kParent,
    kStudent,
};

std::string_view Name(Role role);
std::optional<Role> ParseRole(std::string_view text);
const std::vector<Role>& AllRoles();

/// What an actor may do. Other domains check their writes and reads with these through `Require`.
enum class Permission {
    kUnitRead,          ///< see a unit and its record
    kUnitManage,        ///< create and edit units (the units below one's own)
    kUnitSettings,      ///< change one's own unit's settings (e.g. mandatory second factor)
    kAccountRead,       ///< list and see accounts
    kAccountManage,     ///< create, disable, enable accounts, reset passwords
    kGrantManage,       ///< grant and revoke roles
    kLockRead,          ///< see module locks
    kLockManage,        ///< lock and unlock modules
    kStudentRead,       ///< student records
    kScoreRead,         ///< scores and results
    kScoreEnter,        ///< enter scores
    kScoreApprove,      ///< approve late changes (principal)
    kAttendanceRecord,  ///< attendance and conduct
    kMessageSend,       ///< executive messaging and contact book
    kReportRead,        ///< statistics and reports
};

std::string_view Name(Permission permission);

/// A role held by an account in a unit, possibly narrowed to a class, a subject or a student.
struct Grant {
    std::int64_t id = 0;
    std::int64_t unit_id = 0;
    std::int64_t account_id = 0;
    Role role = Role::kStudent;
    std::optional<std::int64_t> class_id;
    std::optional<std::string> subject;
    std::optional<std::int64_t> student_id;
};

/// A grant together with its unit's path, as the policy needs it.
struct ActorGrant {
    Grant grant;
    std::string unit_path;
    UnitKind unit_kind = UnitKind::kSchool;
};

/// The signed-in person, built from the session (never from the request).
struct Actor {
    std::int64_t account_id = 0;
    std::int64_t unit_id = 0;
    std::string unit_path;
    std::string username;
    std::string full_name;
    bool must_change_password = false;
    bool totp_enrolment_required = false;
    std::vector<ActorGrant> grants;
    std::string session_hash;  ///< SHA-256 of the session token, hex
};

/// What a permission is checked against: a unit, and optionally a class, subject or student inside it.
struct Scope {
    std::int64_t unit_id = 0;
    std::string unit_path;
    std::optional<std::int64_t> class_id;
    std::optional<std::string> subject;
    std::optional<std::int64_t> student_id;
};

/// A person's account. `kind` is "admin" for the unit administrator account of ORG-3, "person" otherwise.
struct Account {
    std::int64_t id = 0;
    std::int64_t unit_id = 0;
    std::string username;
    std::string kind;
    std::string family_name;
    std::string middle_name;
    std::string given_name;
    std::string full_name;
    std::string status;  ///< "active" or "disabled"
    bool must_change_password = false;
    bool totp_enabled = false;
    Micros created_at = 0;
};

/// Modules a unit admin may lock (ORG-7).
const std::vector<std::string_view>& LockableModules();

}  // namespace hocvu::org
