#include <algorithm>

#include "schooling/internal.hpp"

namespace hocvu::schooling {
namespace {

people::StaffMember LoadStaff(storage::Tx& tx, std::int64_t staff_id, std::int64_t unit_id) {
    auto s = people::FindStaffTx(tx, staff_id);
    if (!s || s->unit_id != unit_id)
        throw Error(Code::kNotFound, "no such staff member in this school");
    if (!s->account_id)
        throw Error(Code::kValidation, "the staff member has no account to grant");
    return *s;
}

/// The grant exists once per (account, role, class, subject), whatever number of assignments need it.
void EnsureGrant(storage::Tx& tx, app::Context& ctx, std::int64_t unit_id, std::int64_t account_id, org::Role role,
                 std::int64_t class_id, const std::optional<std::string>& subject, std::int64_t granted_by) {
    std::string role_name(org::Name(role));
    bool exists = subject ? tx.QueryOne(
                                  "SELECT 1 FROM grants WHERE unit_id = $1 AND account_id = $2 AND role = $3 AND "
                                  "class_id = $4 AND subject = $5",
                                  {unit_id, account_id, role_name, class_id, *subject})
                                .has_value()
                          : tx.QueryOne(
                                  "SELECT 1 FROM grants WHERE unit_id = $1 AND account_id = $2 AND role = $3 AND "
                                  "class_id = $4 AND subject IS NULL",
                                  {unit_id, account_id, role_name, class_id})
                                .has_value();
    if (!exists) {
        org::InsertGrant(tx, ctx, unit_id, org::NewGrant{account_id, role, class_id, subject, std::nullopt},
                         granted_by);
    }
}

/// Removes the subject-teacher grant of (staff, class, subject) once no semester's assignment needs it.
void DropTeachingGrantIfUnused(storage::Tx& tx, std::int64_t unit_id, std::int64_t staff_id,
                               std::optional<std::int64_t> account_id, std::int64_t class_id,
                               const std::string& subject) {
    if (!account_id)
        return;
    bool used = tx.QueryOne(
                      "SELECT 1 FROM teaching_assignments WHERE unit_id = $1 AND staff_id = $2 AND "
                      "class_id = $3 AND subject_code = $4",
                      {unit_id, staff_id, class_id, subject})
                    .has_value();
    if (used)
        return;
    tx.Exec(
        "DELETE FROM grants WHERE unit_id = $1 AND account_id = $2 AND role = 'subject_teacher' AND "
        "class_id = $3 AND subject = $4",
        {unit_id, *account_id, class_id, subject});
}

void DropHomeroomGrant(storage::Tx& tx, std::int64_t unit_id, std::optional<std::int64_t> account_id,
                       std::int64_t class_id) {
    if (!account_id)
        return;
    tx.Exec(
        "DELETE FROM grants WHERE unit_id = $1 AND account_id = $2 AND role = 'homeroom_teacher' AND "
        "class_id = $3",
        {unit_id, *account_id, class_id});
}

std::optional<std::int64_t> AccountOfStaff(storage::Tx& tx, std::int64_t staff_id) {
    auto s = people::FindStaffTx(tx, staff_id);
    return s ? s->account_id : std::nullopt;
}

}  // namespace

std::vector<TeachingAssignment> AssignTeachingTx(storage::Tx& tx, app::Context& ctx, const ClassInfo& cls,
                                                 std::string_view subject_view, const people::StaffMember& staff,
                                                 const std::vector<int>& semesters, std::int64_t granted_by) {
    std::string subject(subject_view);
    std::vector<std::string> subjects = ClassSubjectsTx(tx, cls);
    if (std::find(subjects.begin(), subjects.end(), subject) == subjects.end()) {
        throw Error(Code::kValidation, subject + " is not in the curriculum of class " + cls.name);
    }
    if (semesters.empty())
        throw Error(Code::kValidation, "semesters is 1, 2 or both");
    std::vector<TeachingAssignment> out;
    for (int semester : semesters) {
        if (semester != 1 && semester != 2)
            throw Error(Code::kValidation, "semesters is 1, 2 or both");
        auto previous = tx.QueryOne(
            "SELECT id, staff_id FROM teaching_assignments WHERE unit_id = $1 AND "
            "class_id = $2 AND subject_code = $3 AND semester = $4",
            {cls.unit_id, cls.id, subject, std::int64_t{semester}});
        if (previous) {
            tx.Exec("DELETE FROM teaching_assignments WHERE unit_id = $1 AND id = $2", {cls.unit_id, previous->Int(0)});
            DropTeachingGrantIfUnused(tx, cls.unit_id, previous->Int(1), AccountOfStaff(tx, previous->Int(1)), cls.id,
                                      subject);
        }
        std::int64_t id = ctx.ids.Next();
        tx.Exec(
            "INSERT INTO teaching_assignments (unit_id, id, class_id, subject_code, semester, staff_id, "
            "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            {cls.unit_id, id, cls.id, subject, std::int64_t{semester}, staff.id, ctx.clock.Now()});
        out.push_back({id, cls.unit_id, cls.id, cls.name, subject, semester, staff.id, staff.full_name});
    }
    EnsureGrant(tx, ctx, cls.unit_id, *staff.account_id, org::Role::kSubjectTeacher, cls.id, subject, granted_by);
    return out;
}

std::vector<TeachingAssignment> AssignTeaching(app::Context& ctx, const org::Actor& actor, std::int64_t class_id,
                                               std::string_view subject, std::int64_t staff_id,
                                               const std::vector<int>& semesters, std::string_view client_address) {
    return ctx.db.Write([&](storage::Tx& tx) {
        ClassInfo cls = detail::LoadClass(tx, class_id);
        detail::RequireOnSchool(tx, actor, kManageAssignments, cls.unit_id);
        people::StaffMember staff = LoadStaff(tx, staff_id, cls.unit_id);
        auto out = AssignTeachingTx(tx, ctx, cls, subject, staff, semesters, actor.account_id);
        std::string list;
        for (int s : semesters)
            list += (list.empty() ? "" : ",") + std::to_string(s);
        detail::Audit(tx, ctx, actor, cls.unit_id, "schooling.teaching_assigned", "class:" + std::to_string(cls.id),
                      client_address,
                      {{"subject", std::string(subject)}, {"staff", std::to_string(staff.id)}, {"semesters", list}});
        return out;
    });
}

void RemoveTeaching(app::Context& ctx, const org::Actor& actor, std::int64_t assignment_id,
                    std::string_view client_address) {
    ctx.db.Write([&](storage::Tx& tx) {
        auto row = tx.QueryOne(std::string(store::kTeachingSelect) + "WHERE t.id = $1", {assignment_id});
        if (!row)
            throw Error(Code::kNotFound, "no such teaching assignment");
        TeachingAssignment a = store::ReadTeaching(*row);
        detail::RequireOnSchool(tx, actor, kManageAssignments, a.unit_id);
        tx.Exec("DELETE FROM teaching_assignments WHERE unit_id = $1 AND id = $2", {a.unit_id, a.id});
        DropTeachingGrantIfUnused(tx, a.unit_id, a.staff_id, AccountOfStaff(tx, a.staff_id), a.class_id,
                                  a.subject_code);
        detail::Audit(tx, ctx, actor, a.unit_id, "schooling.teaching_removed", "class:" + std::to_string(a.class_id),
                      client_address,
                      {{"subject", a.subject_code},
                       {"staff", std::to_string(a.staff_id)},
                       {"semester", std::to_string(a.semester)}});
    });
}

std::vector<TeachingAssignment> ListTeaching(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id,
                                             std::string_view year_text) {
    return ctx.db.Read([&](storage::Tx& tx) {
        detail::RequireOnSchool(tx, actor, org::Permission::kUnitRead, unit_id);
        auto year = FindYearByNameTx(tx, unit_id, year_text);
        if (!year)
            throw Error(Code::kNotFound, "no such school year");
        std::vector<TeachingAssignment> out;
        for (const storage::Row& row :
             tx.Query(std::string(store::kTeachingSelect) + "WHERE t.unit_id = $1 AND c.year_id = $2",
                      {unit_id, year->id})) {
            out.push_back(store::ReadTeaching(row));
        }
        std::sort(out.begin(), out.end(), [](const TeachingAssignment& a, const TeachingAssignment& b) {
            if (a.class_name != b.class_name)
                return ClassNameLess(a.class_name, b.class_name);
            if (a.subject_code != b.subject_code)
                return a.subject_code < b.subject_code;
            return a.semester < b.semester;
        });
        return out;
    });
}

void AssignHomeroomTx(storage::Tx& tx, app::Context& ctx, const ClassInfo& cls, const people::StaffMember& staff,
                      std::int64_t granted_by) {
    if (cls.homeroom_staff_id) {
        tx.Exec("DELETE FROM homeroom_assignments WHERE unit_id = $1 AND class_id = $2", {cls.unit_id, cls.id});
        DropHomeroomGrant(tx, cls.unit_id, AccountOfStaff(tx, *cls.homeroom_staff_id), cls.id);
    }
    tx.Exec("INSERT INTO homeroom_assignments (unit_id, class_id, staff_id, created_at) VALUES ($1, $2, $3, $4)",
            {cls.unit_id, cls.id, staff.id, ctx.clock.Now()});
    EnsureGrant(tx, ctx, cls.unit_id, *staff.account_id, org::Role::kHomeroomTeacher, cls.id, std::nullopt, granted_by);
}

ClassInfo AssignHomeroom(app::Context& ctx, const org::Actor& actor, std::int64_t class_id, std::int64_t staff_id,
                         std::string_view client_address) {
    return ctx.db.Write([&](storage::Tx& tx) {
        ClassInfo cls = detail::LoadClass(tx, class_id);
        detail::RequireOnSchool(tx, actor, kManageAssignments, cls.unit_id);
        people::StaffMember staff = LoadStaff(tx, staff_id, cls.unit_id);
        AssignHomeroomTx(tx, ctx, cls, staff, actor.account_id);
        detail::Audit(tx, ctx, actor, cls.unit_id, "schooling.homeroom_assigned", "class:" + std::to_string(cls.id),
                      client_address, {{"staff", std::to_string(staff.id)}});
        return *FindClassTx(tx, cls.id);
    });
}

ClassInfo RemoveHomeroom(app::Context& ctx, const org::Actor& actor, std::int64_t class_id,
                         std::string_view client_address) {
    return ctx.db.Write([&](storage::Tx& tx) {
        ClassInfo cls = detail::LoadClass(tx, class_id);
        detail::RequireOnSchool(tx, actor, kManageAssignments, cls.unit_id);
        if (!cls.homeroom_staff_id)
            throw Error(Code::kNotFound, "the class has no homeroom teacher");
        tx.Exec("DELETE FROM homeroom_assignments WHERE unit_id = $1 AND class_id = $2", {cls.unit_id, cls.id});
        DropHomeroomGrant(tx, cls.unit_id, AccountOfStaff(tx, *cls.homeroom_staff_id), cls.id);
        detail::Audit(tx, ctx, actor, cls.unit_id, "schooling.homeroom_removed", "class:" + std::to_string(cls.id),
                      client_address, {{"staff", std::to_string(*cls.homeroom_staff_id)}});
        return *FindClassTx(tx, cls.id);
    });
}

}  // namespace hocvu::schooling
