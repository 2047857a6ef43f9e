#include "org/model.hpp"

#include <array>
#include <utility>

namespace hocvu::org {
namespace {

constexpr std::array<std::pair<UnitKind, std::string_view>, 5> kUnitKinds{{
    {UnitKind::kMinistry, "ministry"},
    {UnitKind::kProvince, "province"},
    {UnitKind::kDistrict, "district"},
    {UnitKind::kSchool, "school"},
    {UnitKind::kCentre, "centre"},
}};

constexpr std::array<std::pair<Role, std::string_view>, 11> kRoles{{
    {Role::kUnitAdmin, "unit_admin"},
    {Role::kAuthorityLeader, "authority_leader"},
    {Role::kAuthorityStaff, "authority_staff"},
    {Role::kPrincipal, "principal"},
    {Role::kVicePrincipal, "vice_principal"},
    {Role::kAdminBoard, "admin_board"},
    {Role::kHomeroomTeacher, "homeroom_teacher"},
    {Role::kSubjectTeacher, "subject_teacher"},
    {Role::kOffice, "office"},
    {Role::kParent, "parent"},
    {Role::kStudent, "student"},
}};

}  // namespace

std::string_view Name(UnitKind kind) {
    for (const auto& [k, name] : kUnitKinds) {
        if (k == kind) return name;
    }
    return "school";
}

std::optional<UnitKind> ParseUnitKind(std::string_view text) {
    for (const auto& [k, name] : kUnitKinds) {
        if (name == text) return k;
    }
    return std::nullopt;
}

bool IsAuthority(UnitKind kind) {
    return kind == UnitKind::kMinistry || kind == UnitKind::kProvince || kind == UnitKind::kDistrict;
}

std::string_view Name(Role role) {
    for (const auto& [r, name] : kRoles) {
        if (r == role) return name;
    }
    return "student";
}

std::optional<Role> ParseRole(std::string_view text) {
    for (const auto& [r, name] : kRoles) {
        if (name == text) return r;
    }
    return std::nullopt;
}

const std::vector<Role>& AllRoles() {
    static const std::vector<Role> roles = [] {
        std::vector<Role> all;
        for (const auto& [r, name] : kRoles) all.push_back(r);
        return all;
    }();
    return roles;
}

std::string_view Name(Permission permission) {
    switch (permission) {
        case Permission::kUnitRead: return "unit.read";
        case Permission::kUnitManage: return "unit.manage";
        case Permission::kUnitSettings: return "unit.settings";
        case Permission::kAccountRead: return "account.read";
        case Permission::kAccountManage: return "account.manage";
        case Permission::kGrantManage: return "grant.manage";
        case Permission::kLockRead: return "lock.read";
        case Permission::kLockManage: return "lock.manage";
        case Permission::kStudentRead: return "student.read";
        case Permission::kScoreRead: return "score.read";
        case Permission::kScoreEnter: return "score.enter";
        case Permission::kScoreApprove: return "score.approve";
        case Permission::kAttendanceRecord: return "attendance.record";
        case Permission::kMessageSend: return "message.send";
        case Permission::kReportRead: return "report.read";
    }
    return "unknown";
}

const std::vector<std::string_view>& LockableModules() {
    static const std::vector<std::string_view> modules = {
        "accounts", "score_entry", "attendance", "conduct", "messaging", "contact_book",
        "timetable", "exams",    "documents",  "reports",
    };
    return modules;
}

}  // namespace hocvu::org
