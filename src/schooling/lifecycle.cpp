#include <algorithm>
#include <set>

#include "schooling/catalogue.hpp"
#include "schooling/internal.hpp"

namespace hocvu::schooling {
namespace {

std::string Target(std::int64_t student_id) {
    return "student:" + std::to_string(student_id);
}

Enrolment RequireActive(storage::Tx& tx, std::int64_t student_id) {
    auto e = detail::ActiveEnrolment(tx, student_id);
    if (!e)
        throw Error(Code::kConflict, "the student is not in a class");
    return *e;
}

/// "6A1" for grade 6 becomes "7A1" for grade 7: the leading grade number is replaced, the suffix kept.
std::string NameInGrade(const std::string& name, int from_grade, int to_grade) {
    std::string prefix = std::to_string(from_grade);
    if (name.starts_with(prefix))
        return std::to_string(to_grade) + name.substr(prefix.size());
    return std::to_string(to_grade) + name;
}

/// SCH-7 from GB-4: every class of the year with students must have approved year-close lists, and every student's
/// final outcome (after the summer, A17) must be known. Reads the homeroom domain's tables (read-only): the
/// homeroom domain builds on this one, so it cannot be called from here.
std::map<std::int64_t, Outcome> ApprovedOutcomes(storage::Tx& tx, std::int64_t unit_id, std::int64_t year_id) {
    std::map<std::int64_t, Outcome> outcomes;
    std::vector<std::string> not_approved;
    std::vector<std::string> pending;
    for (const storage::Row& row : tx.Query(
             "SELECT c.id, c.name, y.status FROM classes c LEFT JOIN homeroom_year_close y ON y.unit_id = c.unit_id "
             "AND y.class_id = c.id WHERE c.unit_id = $1 AND c.year_id = $2 AND EXISTS (SELECT 1 FROM enrolments e "
             "WHERE e.unit_id = c.unit_id AND e.class_id = c.id AND e.status = 'active') ORDER BY c.name",
             {unit_id, year_id})) {
        if (row.IsNull(2) || row.Text(2) != "approved") not_approved.push_back(row.Text(1));
    }
    if (!not_approved.empty()) {
        std::string names;
        for (const std::string& n : not_approved) names += (names.empty() ? "" : ", ") + n;
        throw Error(Code::kHomeroomNotApproved, "year-close lists not approved for: " + names);
    }
    for (const storage::Row& row : tx.Query(
             "SELECT e.student_id, i.final_outcome FROM enrolments e LEFT JOIN homeroom_year_close_items i ON "
             "i.unit_id = e.unit_id AND i.class_id = e.class_id AND i.student_id = e.student_id WHERE e.unit_id = $1 "
             "AND e.year_id = $2 AND e.status = 'active' ORDER BY e.student_id",
             {unit_id, year_id})) {
        const std::string final_outcome = row.IsNull(1) ? "" : row.Text(1);
        if (final_outcome == "promoted") {
            outcomes[row.Int(0)] = Outcome::kPromoted;
        } else if (final_outcome == "retained") {
            outcomes[row.Int(0)] = Outcome::kRetained;
        } else {
            pending.push_back(std::to_string(row.Int(0)));
        }
    }
    if (!pending.empty()) {
        throw Error(Code::kHomeroomOutcomePending,
                    std::to_string(pending.size()) + " students have no final outcome yet (first: " + pending[0] + ")");
    }
    return outcomes;
}

}  // namespace

Enrolment TransferClass(app::Context& ctx, const org::Actor& actor, std::int64_t student_id, std::int64_t to_class_id,
                        std::string_view date, std::string_view client_address) {
    std::string day = detail::DateOrToday(ctx.clock, date);
    return ctx.db.Write([&](storage::Tx& tx) {
        people::Student student = detail::LoadStudent(tx, student_id);
        detail::RequireOnSchool(tx, actor, kManageStudents, student.unit_id);
        Enrolment current = RequireActive(tx, student.id);
        ClassInfo to = detail::LoadClass(tx, to_class_id);
        if (to.unit_id != student.unit_id || to.year_id != current.year_id) {
            throw Error(Code::kValidation, "a class transfer stays in the same school and year");
        }
        if (to.id == current.class_id)
            throw Error(Code::kConflict, "the student is already in that class");
        if (day < current.started_on)
            throw Error(Code::kValidation, "the transfer date is before the enrolment");
        tx.Exec(store::kEndEnrolment,
                {current.unit_id, current.id, std::string("transferred"), day, std::string("chuyển lớp")});
        Enrolment next = EnrolTx(tx, ctx, to, student.id, day);
        detail::Audit(
            tx, ctx, actor, student.unit_id, "schooling.class_transferred", Target(student.id), client_address,
            {{"from_class", std::to_string(current.class_id)}, {"to_class", std::to_string(to.id)}, {"date", day}});
        return next;
    });
}

people::Student Leave(app::Context& ctx, const org::Actor& actor, std::int64_t student_id, Departure kind,
                      std::string_view reason, std::string_view date, std::string_view client_address) {
    std::string day = detail::DateOrToday(ctx.clock, date);
    std::string why = people::CleanText(reason);
    if (why.empty() || why.size() > 500)
        throw Error(Code::kValidation, "a reason (up to 500 bytes) is required");
    return ctx.db.Write([&](storage::Tx& tx) {
        people::Student student = detail::LoadStudent(tx, student_id);
        detail::RequireOnSchool(tx, actor, kManageStudents, student.unit_id);
        if (student.status != people::StudentStatus::kStudying) {
            throw Error(Code::kConflict, "the student is not studying at the school");
        }
        if (auto e = detail::ActiveEnrolment(tx, student.id)) {
            tx.Exec(store::kEndEnrolment, {e->unit_id, e->id, std::string("left"), day, why});
        }
        auto status = kind == Departure::kTransferOut ? people::StudentStatus::kTransferredOut
                                                      : people::StudentStatus::kDroppedOut;
        people::SetStudentStatusTx(tx, ctx, student, status, why, day);
        detail::Audit(tx, ctx, actor, student.unit_id,
                      kind == Departure::kTransferOut ? "schooling.transferred_out" : "schooling.dropped_out",
                      Target(student.id), client_address, {{"reason", why}, {"date", day}});
        return detail::LoadStudent(tx, student.id);
    });
}

StudentProfile Admit(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id, std::string_view code,
                     std::int64_t class_id, std::string_view date, std::string_view client_address) {
    std::string day = detail::DateOrToday(ctx.clock, date);
    std::int64_t id = ctx.db.Write([&](storage::Tx& tx) {
        org::Unit school = detail::RequireOnSchool(tx, actor, kManageStudents, unit_id);
        ClassInfo cls = detail::LoadClass(tx, class_id);
        if (cls.unit_id != school.id)
            throw Error(Code::kNotFound, "no such class in this school");
        // The former school released the student (transfer out); its record is copied, and stays there.
        auto row = tx.QueryOne(
            "SELECT id FROM students WHERE code = $1 AND status = 'transferred_out' AND "
            "unit_id <> $2 ORDER BY status_date DESC, updated_at DESC",
            {std::string(code), school.id});
        if (!row)
            throw Error(Code::kNotFound, "no student with that code has transferred out of a school");
        people::Student from = detail::LoadStudent(tx, row->Int(0));
        people::StudentInput input{from.code,       from.full_name,  from.family_name, from.middle_name,
                                   from.given_name, from.birth_date, from.gender,      from.ethnicity,
                                   from.birthplace, from.address,    from.priority,    from.policy};
        people::Student admitted = people::InsertStudentTx(tx, ctx, school.id, input, from.id);
        for (const people::Guardian& g : from.guardians) {
            people::InsertGuardianTx(tx, ctx, school.id, admitted.id, {g.full_name, g.relation, g.phone, g.email});
        }
        EnrolTx(tx, ctx, cls, admitted.id, day);
        detail::Audit(tx, ctx, actor, school.id, "schooling.student_admitted", Target(admitted.id), client_address,
                      {{"from_unit", std::to_string(from.unit_id)},
                       {"from_student", std::to_string(from.id)},
                       {"class", std::to_string(cls.id)},
                       {"date", day}});
        return admitted.id;
    });
    return GetStudentProfile(ctx, actor, id);
}

Exemption AddExemption(app::Context& ctx, const org::Actor& actor, std::int64_t student_id, std::string_view subject,
                       int semester, std::string_view reason, std::string_view client_address) {
    std::string why = people::CleanText(reason);
    if (why.empty() || why.size() > 500)
        throw Error(Code::kValidation, "a reason (up to 500 bytes) is required");
    if (semester != 1 && semester != 2)
        throw Error(Code::kValidation, "semester is 1 or 2");
    return ctx.db.Write([&](storage::Tx& tx) {
        people::Student student = detail::LoadStudent(tx, student_id);
        detail::RequireOnSchool(tx, actor, kManageStudents, student.unit_id);
        Enrolment e = RequireActive(tx, student.id);
        ClassInfo cls = detail::LoadClass(tx, e.class_id);
        std::vector<std::string> subjects = ClassSubjectsTx(tx, cls);
        if (std::find(subjects.begin(), subjects.end(), subject) == subjects.end()) {
            throw Error(Code::kValidation, "the subject is not learnt in the student's class");
        }
        if (tx.QueryOne("SELECT 1 FROM exemptions WHERE unit_id = $1 AND student_id = $2 AND year_id = $3 AND "
                        "semester = $4 AND subject_code = $5",
                        {student.unit_id, student.id, e.year_id, std::int64_t{semester}, std::string(subject)})) {
            throw Error(Code::kConflict, "the exemption exists");
        }
        Exemption x{ctx.ids.Next(), student.unit_id, student.id, e.year_id, semester, std::string(subject), why};
        tx.Exec(
            "INSERT INTO exemptions (unit_id, id, student_id, year_id, semester, subject_code, reason, "
            "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            {x.unit_id, x.id, x.student_id, x.year_id, std::int64_t{x.semester}, x.subject_code, x.reason,
             ctx.clock.Now()});
        detail::Audit(tx, ctx, actor, student.unit_id, "schooling.exemption_added", Target(student.id), client_address,
                      {{"subject", x.subject_code}, {"semester", std::to_string(semester)}, {"reason", why}});
        return x;
    });
}

void RemoveExemption(app::Context& ctx, const org::Actor& actor, std::int64_t exemption_id,
                     std::string_view client_address) {
    ctx.db.Write([&](storage::Tx& tx) {
        auto row = tx.QueryOne("SELECT " + std::string(store::kExemptionColumns) + " FROM exemptions WHERE id = $1",
                               {exemption_id});
        if (!row)
            throw Error(Code::kNotFound, "no such exemption");
        Exemption x = store::ReadExemption(*row);
        detail::RequireOnSchool(tx, actor, kManageStudents, x.unit_id);
        tx.Exec("DELETE FROM exemptions WHERE unit_id = $1 AND id = $2", {x.unit_id, x.id});
        detail::Audit(tx, ctx, actor, x.unit_id, "schooling.exemption_removed", Target(x.student_id), client_address,
                      {{"subject", x.subject_code}, {"semester", std::to_string(x.semester)}});
    });
}

CarryOverSummary CarryOver(app::Context& ctx, const org::Actor& actor, std::int64_t year_id,
                           const CarryOverInput& input, std::string_view client_address) {
    auto run = [&](storage::Tx& tx) {
        auto from = FindYearTx(tx, year_id);
        if (!from)
            throw Error(Code::kNotFound, "no such school year");
        org::Unit school = detail::RequireOnSchool(tx, actor, kManageStudents, from->unit_id);
        org::Require(actor, kManageSetup, org::UnitScope(school));
        int last_grade = 0;
        for (const std::string& level : school.levels) {
            for (int g : GradesOf(level))
                last_grade = std::max(last_grade, g);
        }
        CarryOverSummary summary;
        summary.to_year = input.to_year;
        auto to = FindYearByNameTx(tx, school.id, input.to_year);
        if (!to) {
            if (input.to_year <= from->name)
                throw Error(Code::kValidation, "carry-over goes to a later year");
            to = CreateYearTx(tx, ctx, school, NewYear{input.to_year, {}, from->id});
            // A copied year starts with last year's class names; carry-over fills them by promotion.
            for (const storage::Row& row :
                 tx.Query("SELECT name FROM classes WHERE unit_id = $1 AND year_id = $2", {school.id, to->id})) {
                summary.classes_created.push_back(row.Text(0));
            }
        } else if (to->name <= from->name) {
            throw Error(Code::kValidation, "carry-over goes to a later year");
        }
        summary.to_year_id = to->id;
        std::map<std::int64_t, Outcome> outcomes =
            input.outcomes_given ? input.outcomes : ApprovedOutcomes(tx, school.id, from->id);
        for (const auto& [student_id, outcome] : outcomes) {
            auto e = detail::ActiveEnrolment(tx, student_id, from->id);
            if (!e || e->unit_id != school.id) {
                throw Error(Code::kValidation, "student " + std::to_string(student_id) + " is not in this year");
            }
        }
        std::map<std::string, ClassInfo> classes;  // new year's classes by name
        for (const storage::Row& row : tx.Query(
                 std::string(store::kClassSelect) + "WHERE c.unit_id = $1 AND c.year_id = $2", {school.id, to->id})) {
            ClassInfo c = store::ReadClass(row);
            classes.emplace(c.name, c);
        }
        std::string day = to->starts_on;
        auto rows = tx.Query(std::string(store::kEnrolmentSelect) +
                                 "WHERE e.unit_id = $1 AND e.year_id = $2 AND e.status = 'active' ORDER BY e.id",
                             {school.id, from->id});
        for (const storage::Row& row : rows) {
            Enrolment e = store::ReadEnrolment(row);
            ClassInfo cls = detail::LoadClass(tx, e.class_id);
            auto it = outcomes.find(e.student_id);
            Outcome outcome = it == outcomes.end() ? Outcome::kPromoted : it->second;
            if (outcome == Outcome::kPromoted && cls.grade == last_grade) {
                tx.Exec(store::kEndEnrolment,
                        {e.unit_id, e.id, std::string("graduated"), from->ends_on, std::string("tốt nghiệp")});
                people::SetStudentStatusTx(tx, ctx, detail::LoadStudent(tx, e.student_id),
                                           people::StudentStatus::kGraduated, "hoàn thành chương trình", from->ends_on);
                ++summary.graduated;
                continue;
            }
            int grade = outcome == Outcome::kPromoted ? cls.grade + 1 : cls.grade;
            std::string name = outcome == Outcome::kPromoted ? NameInGrade(cls.name, cls.grade, grade) : cls.name;
            auto target = classes.find(name);
            if (target == classes.end()) {
                ClassInfo created = CreateClassTx(tx, ctx, school.id, {to->id, grade, name, cls.session});
                summary.classes_created.push_back(name);
                target = classes.emplace(name, created).first;
            }
            if (target->second.grade != grade) {
                throw Error(Code::kConflict,
                            "class " + name + " of the new year is not in grade " + std::to_string(grade));
            }
            tx.Exec(store::kEndEnrolment,
                    {e.unit_id, e.id, std::string(outcome == Outcome::kPromoted ? "promoted" : "retained"),
                     from->ends_on, std::string(outcome == Outcome::kPromoted ? "lên lớp" : "ở lại lớp")});
            EnrolTx(tx, ctx, target->second, e.student_id, day);
            ++(outcome == Outcome::kPromoted ? summary.promoted : summary.retained);
            ++summary.class_sizes[name];
        }
        std::sort(summary.classes_created.begin(), summary.classes_created.end(),
                  [](const std::string& a, const std::string& b) { return ClassNameLess(a, b); });
        detail::Audit(tx, ctx, actor, school.id, "schooling.year_carried_over", "year:" + std::to_string(from->id),
                      client_address,
                      {{"to_year", to->name},
                       {"promoted", std::to_string(summary.promoted)},
                       {"retained", std::to_string(summary.retained)},
                       {"graduated", std::to_string(summary.graduated)}});
        return summary;
    };
    if (!input.dry_run) {
        CarryOverSummary s = ctx.db.Write(run);
        s.applied = true;
        return s;
    }
    // A dry run does the whole carry-over in a transaction that is then rolled back.
    struct DryRun {
        CarryOverSummary summary;
    };
    try {
        ctx.db.Write([&](storage::Tx& tx) { throw DryRun{run(tx)}; });
    } catch (const DryRun& dry) {
        return dry.summary;
    }
    throw Error(Code::kInternal, "dry run did not roll back");
}

}  // namespace hocvu::schooling
