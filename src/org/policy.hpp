#pragma once

#include <string>
#include <vector>

#include "org/model.hpp"

namespace hocvu::org {

/// Whether `actor` may do `permission` on `scope`. One table decides it (policy.cpp): each role lists what it
/// may do in its own unit and, for authorities, read-only in the units below (inspection, ORG-5). Grants
/// narrowed to a class, subject or student apply only to a scope naming the same class, subject or student.
bool Allowed(const Actor& actor, Permission permission, const Scope& scope);

/// Throws `Error{kForbidden}` unless `Allowed`. The one authorisation check every domain calls.
void Require(const Actor& actor, Permission permission, const Scope& scope);

/// Where `actor` may do `permission`, for filtering queries: the unit at `path` itself (`self`) and/or the
/// units strictly below it (`below`). A grant narrowed to a class or student does not make a whole unit visible.
struct VisibleRoot {
    std::string path;
    bool self = false;
    bool below = false;
};
std::vector<VisibleRoot> VisibleRoots(const Actor& actor, Permission permission);

/// Whether any of the actor's grants carries `permission` at all (in its unit, possibly narrowed to a class,
/// subject or student, or below it). The route-level check; the object-level check is `Require`.
bool HoldsAnywhere(const Actor& actor, Permission permission);

/// What a role may do in its own unit, and in the units strictly below it.
struct RolePermissions {
    std::vector<Permission> own;
    std::vector<Permission> below;
};
const RolePermissions& PermissionsOf(Role role);

/// Whether `role` may be held in a unit of `kind`.
bool RoleFitsUnit(Role role, UnitKind kind);

}  // namespace hocvu::org
