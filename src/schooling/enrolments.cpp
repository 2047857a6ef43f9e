#include "people/vn_text.hpp"
#include "schooling/internal.hpp"

namespace hocvu::schooling {
namespace {

/// Whether the actor may see the students of `class_id`: the school's record managers, anyone reading the whole
/// school, the homeroom teacher of the class and its subject teachers (each grant's narrowing is honoured).
bool MaySeeClass(const org::Actor& actor, const org::Unit& school, std::int64_t class_id,
                 std::optional<std::int64_t> student_id = {}) {
    org::Scope scope = org::UnitScope(school);
    if (org::Allowed(actor, kManageStudents, scope))
        return true;
    scope.class_id = class_id;
    scope.student_id = student_id;
    if (org::Allowed(actor, org::Permission::kStudentRead, scope))
        return true;
    for (const org::ActorGrant& g : actor.grants) {
        if (g.grant.unit_id == school.id && g.grant.class_id == class_id && g.grant.subject) {
            scope.subject = g.grant.subject;
            if (org::Allowed(actor, org::Permission::kStudentRead, scope))
                return true;
        }
    }
    return false;
}

}  // namespace

Enrolment EnrolTx(storage::Tx& tx, app::Context& ctx, const ClassInfo& cls, std::int64_t student_id,
                  std::string_view date) {
    auto student = people::FindStudentTx(tx, student_id);
    if (!student || student->unit_id != cls.unit_id)
        throw Error(Code::kNotFound, "no such student in this school");
    if (student->status != people::StudentStatus::kStudying) {
        throw Error(Code::kConflict, "the student is not studying at the school");
    }
    if (detail::ActiveEnrolment(tx, student_id, cls.year_id)) {
        throw Error(Code::kConflict, "the student is already in a class this year");
    }
    std::int64_t id = ctx.ids.Next();
    tx.Exec(store::kInsertEnrolment, {cls.unit_id, id, student_id, cls.id, cls.year_id, std::string(date)});
    return Enrolment{id, cls.unit_id, student_id, cls.id, cls.year_id, cls.name, "active", std::string(date), "", ""};
}

Enrolment Enrol(app::Context& ctx, const org::Actor& actor, std::int64_t class_id, std::int64_t student_id,
                std::string_view date, std::string_view client_address) {
    std::string day = detail::DateOrToday(ctx.clock, date);
    return ctx.db.Write([&](storage::Tx& tx) {
        ClassInfo cls = detail::LoadClass(tx, class_id);
        detail::RequireOnSchool(tx, actor, kManageStudents, cls.unit_id);
        Enrolment e = EnrolTx(tx, ctx, cls, student_id, day);
        detail::Audit(tx, ctx, actor, cls.unit_id, "schooling.student_enrolled",
                      "student:" + std::to_string(student_id), client_address,
                      {{"class", std::to_string(cls.id)}, {"date", day}});
        return e;
    });
}

std::vector<people::Student> ClassStudents(app::Context& ctx, const org::Actor& actor, std::int64_t class_id) {
    return ctx.db.Read([&](storage::Tx& tx) {
        ClassInfo cls = detail::LoadClass(tx, class_id);
        org::Unit school = people::SchoolOf(tx, cls.unit_id);
        if (!MaySeeClass(actor, school, cls.id))
            throw Error(Code::kForbidden, "not allowed: student.read");
        std::vector<std::int64_t> ids;
        for (const storage::Row& row : tx.Query("SELECT student_id FROM enrolments WHERE unit_id = $1 AND "
                                                "class_id = $2 AND status = 'active'",
                                                {cls.unit_id, cls.id})) {
            ids.push_back(row.Int(0));
        }
        std::vector<people::Student> students = people::StudentsTx(tx, cls.unit_id, ids);
        people::SortVietnamese(students);
        return students;
    });
}

StudentProfile GetStudentProfile(app::Context& ctx, const org::Actor& actor, std::int64_t student_id) {
    return ctx.db.Read([&](storage::Tx& tx) {
        people::Student student = detail::LoadStudent(tx, student_id);
        org::Unit school = people::SchoolOf(tx, student.unit_id);
        StudentProfile profile{student, {}, {}};
        for (const storage::Row& row :
             tx.Query(std::string(store::kEnrolmentSelect) + "WHERE e.unit_id = $1 AND e.student_id = $2 "
                                                             "ORDER BY e.started_on DESC, e.id DESC",
                      {student.unit_id, student.id})) {
            profile.enrolments.push_back(store::ReadEnrolment(row));
        }
        std::optional<std::int64_t> class_id;
        for (const Enrolment& e : profile.enrolments) {
            if (e.status == "active") {
                class_id = e.class_id;
                break;
            }
        }
        bool allowed = class_id ? MaySeeClass(actor, school, *class_id, student.id)
                                : org::Allowed(actor, kManageStudents, org::UnitScope(school));
        if (!allowed) {
            org::Scope own = org::UnitScope(school);
            own.student_id = student.id;
            org::Require(actor, org::Permission::kStudentRead, own);
        }
        for (const storage::Row& row : tx.Query("SELECT " + std::string(store::kExemptionColumns) +
                                                    " FROM exemptions WHERE unit_id = $1 AND student_id = $2 "
                                                    "ORDER BY year_id, semester, subject_code",
                                                {student.unit_id, student.id})) {
            profile.exemptions.push_back(store::ReadExemption(row));
        }
        return profile;
    });
}

}  // namespace hocvu::schooling
