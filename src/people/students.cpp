#include <string>

#include "common/error.hpp"
#include "org/audit.hpp"
#include "org/passwords.hpp"
#include "org/policy.hpp"
#include "org/service.hpp"
#include "org/store.hpp"
#include "org/usernames.hpp"
#include "org/vn_text.hpp"
#include "people/service.hpp"
#include "people/store.hpp"
#include "people/vn_text.hpp"

namespace hocvu::people {
namespace {

std::string Audit(std::string_view kind, std::int64_t id) {
    return std::string(kind) + ":" + std::to_string(id);
}

std::string SearchKey(const StudentInput& s) {
    return org::FoldAscii(s.full_name) + " " + org::FoldAscii(s.code);
}

Student LoadStudent(storage::Tx& tx, std::int64_t id) {
    auto s = FindStudentTx(tx, id);
    if (!s)
        throw Error(Code::kNotFound, "no such student");
    return *s;
}

}  // namespace

std::string_view Name(StudentStatus status) {
    switch (status) {
        case StudentStatus::kStudying:
            return "studying";
        case StudentStatus::kTransferredOut:
            return "transferred_out";
        case StudentStatus::kDroppedOut:
            return "dropped_out";
        case StudentStatus::kGraduated:
            return "graduated";
    }
    return "studying";
}

std::optional<StudentStatus> ParseStudentStatus(std::string_view text) {
    for (auto s : {StudentStatus::kStudying, StudentStatus::kTransferredOut, StudentStatus::kDroppedOut,
                   StudentStatus::kGraduated}) {
        if (Name(s) == text)
            return s;
    }
    return std::nullopt;
}

org::Unit SchoolOf(storage::Tx& tx, std::int64_t unit_id) {
    auto unit = org::store::FindUnit(tx, unit_id);
    if (!unit)
        throw Error(Code::kNotFound, "no such unit");
    if (org::IsAuthority(unit->kind))
        throw Error(Code::kValidation, "not a school");
    return *unit;
}

Student InsertStudentTx(storage::Tx& tx, app::Context& ctx, std::int64_t unit_id, const StudentInput& s,
                        std::optional<std::int64_t> origin_id) {
    if (FindStudentByCodeTx(tx, unit_id, s.code)) {
        throw Error(Code::kConflict, "a student with code " + s.code + " exists in this school");
    }
    std::int64_t id = ctx.ids.Next();
    storage::Value origin = origin_id ? storage::Value(*origin_id) : storage::Value(nullptr);
    tx.Exec(store::kInsertStudent,
            {unit_id, id, s.code, s.family_name, s.middle_name, s.given_name, s.full_name, SearchKey(s), s.birth_date,
             s.gender, s.ethnicity, s.birthplace, s.address, s.priority, s.policy,
             std::string(Name(StudentStatus::kStudying)), origin, ctx.clock.Now()});
    return LoadStudent(tx, id);
}

Guardian InsertGuardianTx(storage::Tx& tx, app::Context& ctx, std::int64_t unit_id, std::int64_t student_id,
                          const GuardianInput& g) {
    Guardian out{ctx.ids.Next(), unit_id, student_id, g.full_name, g.relation, g.phone, g.email, std::nullopt};
    tx.Exec(store::kInsertGuardian, {unit_id, out.id, student_id, g.full_name, g.relation, g.phone, g.email});
    return out;
}

std::optional<Student> FindStudentTx(storage::Tx& tx, std::int64_t id) {
    auto row = tx.QueryOne("SELECT " + std::string(store::kStudentColumns) + " FROM students WHERE id = $1", {id});
    if (!row)
        return std::nullopt;
    Student s = store::ReadStudent(*row);
    s.guardians = GuardiansOfTx(tx, s.id);
    return s;
}

std::optional<Student> FindStudentByCodeTx(storage::Tx& tx, std::int64_t unit_id, std::string_view code) {
    auto row =
        tx.QueryOne("SELECT " + std::string(store::kStudentColumns) + " FROM students WHERE unit_id = $1 AND code = $2",
                    {unit_id, std::string(code)});
    if (!row)
        return std::nullopt;
    return store::ReadStudent(*row);
}

std::vector<Guardian> GuardiansOfTx(storage::Tx& tx, std::int64_t student_id) {
    std::vector<Guardian> out;
    for (const storage::Row& row : tx.Query(
             "SELECT " + std::string(store::kGuardianColumns) + " FROM guardians WHERE student_id = $1 ORDER BY id",
             {student_id})) {
        out.push_back(store::ReadGuardian(row));
    }
    return out;
}

std::vector<Student> StudentsTx(storage::Tx& tx, std::int64_t unit_id, const std::vector<std::int64_t>& ids) {
    std::vector<Student> out;
    constexpr std::size_t kChunk = 200;
    for (std::size_t i = 0; i < ids.size(); i += kChunk) {
        storage::Params params{unit_id};
        std::string in;
        for (std::size_t j = i; j < std::min(ids.size(), i + kChunk); ++j) {
            params.emplace_back(ids[j]);
            in += (in.empty() ? "$" : ", $") + std::to_string(params.size());
        }
        for (const storage::Row& row : tx.Query("SELECT " + std::string(store::kStudentColumns) +
                                                    " FROM students WHERE unit_id = $1 AND id IN (" + in + ")",
                                                params)) {
            out.push_back(store::ReadStudent(row));
        }
    }
    return out;
}

void SetStudentStatusTx(storage::Tx& tx, app::Context& ctx, const Student& student, StudentStatus status,
                        std::string_view reason, std::string_view date) {
    tx.Exec(store::kSetStudentStatus, {student.unit_id, student.id, std::string(Name(status)), std::string(reason),
                                       std::string(date), ctx.clock.Now()});
}

Student CreateStudent(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id, const StudentInput& input,
                      const std::vector<GuardianInput>& guardians, std::string_view client_address) {
    CheckedStudent checked = CheckStudent(input);
    ThrowIfProblems(checked.problems);
    std::vector<GuardianInput> clean_guardians = guardians;
    for (GuardianInput& g : clean_guardians)
        ThrowIfProblems(CheckGuardian(g));
    return ctx.db.Write([&](storage::Tx& tx) {
        org::Unit school = SchoolOf(tx, unit_id);
        org::Require(actor, kManageRecords, org::UnitScope(school));
        Student s = InsertStudentTx(tx, ctx, unit_id, checked.clean);
        for (const GuardianInput& g : clean_guardians)
            s.guardians.push_back(InsertGuardianTx(tx, ctx, unit_id, s.id, g));
        org::AppendAudit(tx, ctx.ids, ctx.clock,
                         {unit_id,
                          actor.account_id,
                          "people.student_created",
                          Audit("student", s.id),
                          std::string(client_address),
                          {{"code", s.code}}});
        return s;
    });
}

Student UpdateStudent(app::Context& ctx, const org::Actor& actor, std::int64_t student_id, const StudentInput& input,
                      std::string_view client_address) {
    return ctx.db.Write([&](storage::Tx& tx) {
        Student current = LoadStudent(tx, student_id);
        org::Unit school = SchoolOf(tx, current.unit_id);
        org::Require(actor, kManageRecords, org::UnitScope(school));
        StudentInput merged = input;
        merged.code = current.code;
        CheckedStudent checked = CheckStudent(merged);
        ThrowIfProblems(checked.problems);
        const StudentInput& s = checked.clean;
        tx.Exec(store::kUpdateStudent,
                {current.unit_id, current.id, s.family_name, s.middle_name, s.given_name, s.full_name, SearchKey(s),
                 s.birth_date, s.gender, s.ethnicity, s.birthplace, s.address, s.priority, s.policy, ctx.clock.Now()});
        org::AppendAudit(tx, ctx.ids, ctx.clock,
                         {current.unit_id,
                          actor.account_id,
                          "people.student_updated",
                          Audit("student", current.id),
                          std::string(client_address),
                          {{"code", current.code}}});
        return LoadStudent(tx, student_id);
    });
}

Guardian AddGuardian(app::Context& ctx, const org::Actor& actor, std::int64_t student_id, const GuardianInput& input,
                     std::string_view client_address) {
    GuardianInput g = input;
    ThrowIfProblems(CheckGuardian(g));
    return ctx.db.Write([&](storage::Tx& tx) {
        Student s = LoadStudent(tx, student_id);
        org::Require(actor, kManageRecords, org::UnitScope(SchoolOf(tx, s.unit_id)));
        Guardian out = InsertGuardianTx(tx, ctx, s.unit_id, s.id, g);
        org::AppendAudit(tx, ctx.ids, ctx.clock,
                         {s.unit_id,
                          actor.account_id,
                          "people.guardian_added",
                          Audit("student", s.id),
                          std::string(client_address),
                          {{"guardian", std::to_string(out.id)}}});
        return out;
    });
}

ParentAccount LinkParentAccountTx(storage::Tx& tx, app::Context& ctx, const org::Unit& school, Guardian& guardian,
                                  const std::string& password_hash, bool must_change_password,
                                  std::int64_t granted_by) {
    if (guardian.phone.empty())
        throw Error(Code::kValidation, "a parent account needs the guardian's phone");
    std::string username = "ph" + guardian.phone + "." + school.code;
    ParentAccount out;
    if (auto existing = org::store::FindAccountByUsername(tx, username)) {
        out.account = *existing;
    } else {
        org::PersonName name = org::SplitFullName(guardian.full_name);
        out.account = org::InsertAccount(tx, ctx, school.id, "person", username,
                                         org::NewAccount{school.id, name.family, name.middle, name.given},
                                         password_hash, must_change_password);
        out.created = true;
    }
    bool linked = tx.QueryOne(
                        "SELECT 1 FROM grants WHERE unit_id = $1 AND account_id = $2 AND role = 'parent' "
                        "AND student_id = $3",
                        {school.id, out.account.id, guardian.student_id})
                      .has_value();
    if (!linked) {
        org::InsertGrant(
            tx, ctx, school.id,
            org::NewGrant{out.account.id, org::Role::kParent, std::nullopt, std::nullopt, guardian.student_id},
            granted_by);
    }
    tx.Exec("UPDATE guardians SET account_id = $3 WHERE unit_id = $1 AND id = $2",
            {school.id, guardian.id, out.account.id});
    guardian.account_id = out.account.id;
    return out;
}

ParentAccount CreateParentAccount(app::Context& ctx, const org::Actor& actor, std::int64_t guardian_id,
                                  std::string_view client_address) {
    std::string password = org::RandomPassword();
    std::string hash = org::HashPassword(password);
    return ctx.db.Write([&](storage::Tx& tx) {
        auto row = tx.QueryOne("SELECT " + std::string(store::kGuardianColumns) + " FROM guardians WHERE id = $1",
                               {guardian_id});
        if (!row)
            throw Error(Code::kNotFound, "no such guardian");
        Guardian g = store::ReadGuardian(*row);
        org::Unit school = SchoolOf(tx, g.unit_id);
        org::Require(actor, kManageRecords, org::UnitScope(school));
        org::EnsureUnlocked(tx, school.id, "accounts");
        ParentAccount out = LinkParentAccountTx(tx, ctx, school, g, hash, true, actor.account_id);
        if (out.created)
            out.password = password;
        org::AppendAudit(tx, ctx.ids, ctx.clock,
                         {school.id,
                          actor.account_id,
                          "people.parent_account_linked",
                          Audit("student", g.student_id),
                          std::string(client_address),
                          {{"account", std::to_string(out.account.id)}, {"created", out.created ? "true" : "false"}}});
        return out;
    });
}

std::vector<Student> SearchStudents(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id,
                                    std::string_view query) {
    return ctx.db.Read([&](storage::Tx& tx) {
        org::Unit school = SchoolOf(tx, unit_id);
        org::Scope scope = org::UnitScope(school);
        if (!org::Allowed(actor, kManageRecords, scope))
            org::Require(actor, org::Permission::kStudentRead, scope);
        std::string key;
        for (char c : org::FoldAscii(query)) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ')
                key.push_back(c);
        }
        storage::Params params{unit_id};
        std::string sql = "SELECT " + std::string(store::kStudentColumns) + " FROM students WHERE unit_id = $1";
        if (!key.empty()) {
            params.emplace_back(org::CollapseSpaces(key));
            sql += " AND search_name LIKE '%' || $2 || '%'";
        }
        sql += " LIMIT 5000";
        std::vector<Student> out;
        for (const storage::Row& row : tx.Query(sql, params))
            out.push_back(store::ReadStudent(row));
        SortVietnamese(out);
        return out;
    });
}

}  // namespace hocvu::people
