#include "org/policy.hpp"

#include <algorithm>
#include <map>

#include "common/error.hpp"

namespace hocvu::org {
namespace {

using P = Permission;

/// ORG-4, ORG-5: the whole policy. Authorities read their subtree and change nothing in a school; the only
/// write they have below them is the unit catalogue itself (ORG-1: admins create and edit the units below).
const std::map<Role, RolePermissions>& Table() {
    static const std::map<Role, RolePermissions> table = {
        {Role::kUnitAdmin,
         {{P::kUnitRead, P::kUnitSettings, P::kAccountRead, P::kAccountManage, P::kGrantManage, P::kLockRead,
           P::kLockManage, P::kReportRead},
          {P::kUnitRead, P::kUnitManage, P::kAccountRead, P::kLockRead, P::kReportRead}}},
        {Role::kAuthorityLeader,
         {{P::kUnitRead, P::kAccountRead, P::kLockRead, P::kReportRead, P::kMessageSend},
          {P::kUnitRead, P::kAccountRead, P::kLockRead, P::kReportRead, P::kStudentRead, P::kScoreRead}}},
        {Role::kAuthorityStaff,
         {{P::kUnitRead, P::kAccountRead, P::kReportRead},
          {P::kUnitRead, P::kReportRead, P::kStudentRead, P::kScoreRead}}},
        {Role::kPrincipal,
         {{P::kUnitRead, P::kAccountRead, P::kLockRead, P::kStudentRead, P::kScoreRead, P::kScoreApprove,
           P::kReportRead, P::kMessageSend},
          {}}},
        {Role::kVicePrincipal,
         {{P::kUnitRead, P::kAccountRead, P::kLockRead, P::kStudentRead, P::kScoreRead, P::kScoreApprove,
           P::kReportRead, P::kMessageSend},
          {}}},
        {Role::kAdminBoard,
         {{P::kUnitRead, P::kAccountRead, P::kLockRead, P::kStudentRead, P::kScoreRead, P::kReportRead}, {}}},
        {Role::kHomeroomTeacher,
         {{P::kUnitRead, P::kStudentRead, P::kScoreRead, P::kAttendanceRecord, P::kMessageSend}, {}}},
        {Role::kSubjectTeacher, {{P::kUnitRead, P::kStudentRead, P::kScoreRead, P::kScoreEnter}, {}}},
        {Role::kOffice, {{P::kUnitRead, P::kAccountRead, P::kStudentRead, P::kReportRead}, {}}},
        {Role::kParent, {{P::kUnitRead, P::kStudentRead, P::kScoreRead}, {}}},
        {Role::kStudent, {{P::kUnitRead, P::kStudentRead, P::kScoreRead}, {}}},
    };
    return table;
}

bool Contains(const std::vector<Permission>& list, Permission p) {
    return std::find(list.begin(), list.end(), p) != list.end();
}

/// Permissions about the unit itself ignore class/subject/student narrowing.
bool UnitLevel(Permission p) { return p == P::kUnitRead; }

bool NarrowingFits(const Grant& grant, Permission permission, const Scope& scope) {
    if (UnitLevel(permission)) return true;
    if (grant.class_id && scope.class_id != grant.class_id) return false;
    if (grant.subject && scope.subject != grant.subject) return false;
    if (grant.student_id && scope.student_id != grant.student_id) return false;
    return true;
}

}  // namespace

const RolePermissions& PermissionsOf(Role role) { return Table().at(role); }

bool RoleFitsUnit(Role role, UnitKind kind) {
    switch (role) {
        case Role::kUnitAdmin: return true;
        case Role::kAuthorityLeader:
        case Role::kAuthorityStaff: return IsAuthority(kind);
        default: return !IsAuthority(kind);
    }
}

bool Allowed(const Actor& actor, Permission permission, const Scope& scope) {
    if (scope.unit_path.empty()) return false;
    for (const ActorGrant& g : actor.grants) {
        const RolePermissions& rp = PermissionsOf(g.grant.role);
        if (scope.unit_id == g.grant.unit_id) {
            if (Contains(rp.own, permission) && NarrowingFits(g.grant, permission, scope)) return true;
        } else if (scope.unit_path.size() > g.unit_path.size() && scope.unit_path.starts_with(g.unit_path)) {
            if (Contains(rp.below, permission)) return true;
        }
    }
    return false;
}

void Require(const Actor& actor, Permission permission, const Scope& scope) {
    if (!Allowed(actor, permission, scope)) {
        throw Error(Code::kForbidden, std::string("not allowed: ") + std::string(Name(permission)));
    }
}

bool HoldsAnywhere(const Actor& actor, Permission permission) {
    return std::any_of(actor.grants.begin(), actor.grants.end(), [&](const ActorGrant& g) {
        const RolePermissions& rp = PermissionsOf(g.grant.role);
        return Contains(rp.own, permission) || Contains(rp.below, permission);
    });
}

std::vector<VisibleRoot> VisibleRoots(const Actor& actor, Permission permission) {
    std::vector<VisibleRoot> roots;
    for (const ActorGrant& g : actor.grants) {
        const RolePermissions& rp = PermissionsOf(g.grant.role);
        bool own = Contains(rp.own, permission) && (UnitLevel(permission) ||
                                                    (!g.grant.class_id && !g.grant.subject && !g.grant.student_id));
        bool below = Contains(rp.below, permission);
        if (own || below) roots.push_back({g.unit_path, own, below});
    }
    return roots;
}

}  // namespace hocvu::org
