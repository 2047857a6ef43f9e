// ORG-4, ORG-5: the one policy. Authorities read their subtree and change nothing in a school; narrowed grants
// apply only to their own class, subject or student; nobody sees a sibling unit.
#include <gtest/gtest.h>

#include <algorithm>

#include "common/error.hpp"
#include "org/policy.hpp"

namespace hocvu::org {
namespace {

// Province 1 holds district 2 (school 4) and district 3 (school 5); school 6 belongs to province 9.
constexpr const char* kProvince = "/1/";
constexpr const char* kDistrict = "/1/2/";
constexpr const char* kSchool = "/1/2/4/";
constexpr const char* kSiblingSchool = "/1/3/5/";
constexpr const char* kOtherProvinceSchool = "/9/6/";

Actor With(Role role, std::int64_t unit_id, const char* path, UnitKind kind, std::optional<std::int64_t> class_id = {},
           std::optional<std::string> subject = {}, std::optional<std::int64_t> student = {}) {
    Actor a;
    a.account_id = 100;
    a.unit_id = unit_id;
    a.unit_path = path;
    a.grants.push_back({Grant{1, unit_id, 100, role, class_id, subject, student}, path, kind});
    return a;
}

Scope At(std::int64_t unit_id, const char* path) { return Scope{unit_id, path, {}, {}, {}}; }

TEST(Policy, AuthoritiesReadTheirSubtreeOnly) {
    Actor leader = With(Role::kAuthorityLeader, 1, kProvince, UnitKind::kProvince);
    EXPECT_TRUE(Allowed(leader, Permission::kScoreRead, At(4, kSchool)));
    EXPECT_TRUE(Allowed(leader, Permission::kStudentRead, At(5, kSiblingSchool)));
    EXPECT_FALSE(Allowed(leader, Permission::kScoreEnter, At(4, kSchool)));
    EXPECT_FALSE(Allowed(leader, Permission::kAccountManage, At(4, kSchool)));
    EXPECT_FALSE(Allowed(leader, Permission::kLockManage, At(4, kSchool)));
    EXPECT_FALSE(Allowed(leader, Permission::kScoreRead, At(6, kOtherProvinceSchool)));

    Actor district = With(Role::kAuthorityStaff, 2, kDistrict, UnitKind::kDistrict);
    EXPECT_TRUE(Allowed(district, Permission::kScoreRead, At(4, kSchool)));
    EXPECT_FALSE(Allowed(district, Permission::kScoreRead, At(5, kSiblingSchool)));  // the other district's school
    EXPECT_FALSE(Allowed(district, Permission::kUnitRead, At(1, kProvince)));        // not upwards
}

TEST(Policy, UnitAdminManagesOwnUnitAndCatalogueBelow) {
    Actor admin = With(Role::kUnitAdmin, 2, kDistrict, UnitKind::kDistrict);
    EXPECT_TRUE(Allowed(admin, Permission::kAccountManage, At(2, kDistrict)));
    EXPECT_TRUE(Allowed(admin, Permission::kUnitManage, At(4, kSchool)));
    EXPECT_FALSE(Allowed(admin, Permission::kUnitManage, At(2, kDistrict)));  // its own record belongs above
    EXPECT_FALSE(Allowed(admin, Permission::kAccountManage, At(4, kSchool)));
    EXPECT_FALSE(Allowed(admin, Permission::kGrantManage, At(4, kSchool)));
    EXPECT_FALSE(Allowed(admin, Permission::kUnitRead, At(5, kSiblingSchool)));
}

TEST(Policy, NarrowedGrantsFitOnlyTheirClassSubjectStudent) {
    Actor teacher = With(Role::kSubjectTeacher, 4, kSchool, UnitKind::kSchool, 101, "toan");
    Scope class_math{4, kSchool, 101, "toan", {}};
    Scope class_lit{4, kSchool, 101, "van", {}};
    Scope other_class{4, kSchool, 102, "toan", {}};
    EXPECT_TRUE(Allowed(teacher, Permission::kScoreEnter, class_math));
    EXPECT_FALSE(Allowed(teacher, Permission::kScoreEnter, class_lit));
    EXPECT_FALSE(Allowed(teacher, Permission::kScoreEnter, other_class));
    EXPECT_FALSE(Allowed(teacher, Permission::kScoreEnter, At(4, kSchool)));  // a whole-school scope
    EXPECT_TRUE(Allowed(teacher, Permission::kUnitRead, At(4, kSchool)));

    Actor parent = With(Role::kParent, 4, kSchool, UnitKind::kSchool, {}, {}, 9001);
    EXPECT_TRUE(Allowed(parent, Permission::kScoreRead, Scope{4, kSchool, {}, {}, 9001}));
    EXPECT_FALSE(Allowed(parent, Permission::kScoreRead, Scope{4, kSchool, {}, {}, 9002}));
    EXPECT_FALSE(Allowed(parent, Permission::kScoreEnter, Scope{4, kSchool, {}, {}, 9001}));
    EXPECT_THROW(Require(parent, Permission::kAccountRead, At(4, kSchool)), Error);
}

TEST(Policy, SchoolRolesSeeNothingOutsideTheirSchool) {
    for (Role role : AllRoles()) {
        if (role == Role::kAuthorityLeader || role == Role::kAuthorityStaff) continue;
        Actor a = With(role, 4, kSchool, UnitKind::kSchool, 101, "toan", 9001);
        for (Permission p : {Permission::kUnitRead, Permission::kStudentRead, Permission::kScoreRead,
                             Permission::kAccountRead}) {
            EXPECT_FALSE(Allowed(a, p, At(5, kSiblingSchool))) << Name(role) << " " << Name(p);
            EXPECT_FALSE(Allowed(a, p, At(2, kDistrict))) << Name(role) << " " << Name(p);
        }
    }
}

TEST(Policy, NoSchoolRoleWritesBelowAndAuthoritiesWriteNothingInSchools) {
    const Permission kWrites[] = {Permission::kAccountManage, Permission::kGrantManage, Permission::kLockManage,
                                  Permission::kScoreEnter,    Permission::kScoreApprove, Permission::kAttendanceRecord,
                                  Permission::kUnitSettings};
    for (Role role : AllRoles()) {
        for (Permission p : kWrites) {
            const auto& below = PermissionsOf(role).below;
            EXPECT_EQ(std::find(below.begin(), below.end(), p), below.end()) << Name(role) << " " << Name(p);
        }
    }
}

TEST(Policy, VisibleRootsFollowTheTable) {
    Actor leader = With(Role::kAuthorityLeader, 2, kDistrict, UnitKind::kDistrict);
    auto roots = VisibleRoots(leader, Permission::kScoreRead);
    ASSERT_EQ(roots.size(), 1u);
    EXPECT_EQ(roots[0].path, kDistrict);
    EXPECT_FALSE(roots[0].self);
    EXPECT_TRUE(roots[0].below);
    Actor teacher = With(Role::kHomeroomTeacher, 4, kSchool, UnitKind::kSchool, 101);
    EXPECT_TRUE(VisibleRoots(teacher, Permission::kAccountRead).empty());
    auto unit_roots = VisibleRoots(teacher, Permission::kUnitRead);
    ASSERT_EQ(unit_roots.size(), 1u);
    EXPECT_TRUE(unit_roots[0].self);
}

TEST(Policy, NarrowedGrantsStillPassTheRouteLevelCheck) {
    Actor teacher = With(Role::kSubjectTeacher, 4, kSchool, UnitKind::kSchool, 101, "toan");
    EXPECT_TRUE(HoldsAnywhere(teacher, Permission::kScoreEnter));   // the route lets them in...
    EXPECT_TRUE(VisibleRoots(teacher, Permission::kScoreEnter).empty());  // ...but no whole unit is theirs
    EXPECT_FALSE(HoldsAnywhere(teacher, Permission::kAccountRead));
}

TEST(Policy, RolesFitUnitKinds) {
    EXPECT_TRUE(RoleFitsUnit(Role::kUnitAdmin, UnitKind::kProvince));
    EXPECT_TRUE(RoleFitsUnit(Role::kAuthorityLeader, UnitKind::kDistrict));
    EXPECT_FALSE(RoleFitsUnit(Role::kAuthorityLeader, UnitKind::kSchool));
    EXPECT_FALSE(RoleFitsUnit(Role::kPrincipal, UnitKind::kProvince));
    EXPECT_TRUE(RoleFitsUnit(Role::kPrincipal, UnitKind::kCentre));
}

}  // namespace
}  // namespace hocvu::org
