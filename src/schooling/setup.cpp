#include <algorithm>
#include <set>

#include "common/vietnam_date.hpp"
#include "people/vn_text.hpp"
#include "schooling/catalogue.hpp"
#include "schooling/internal.hpp"

namespace hocvu::schooling {
namespace detail {

std::string Today(const Clock& clock) { return VietnamDate(clock.Now()); }

std::string DateOrToday(const Clock& clock, std::string_view date) {
    if (date.empty())
        return Today(clock);
    auto parsed = people::ParseDate(date);
    if (!parsed)
        throw Error(Code::kValidation, "date must be dd/mm/yyyy or YYYY-MM-DD");
    return *parsed;
}

std::optional<Enrolment> ActiveEnrolment(storage::Tx& tx, std::int64_t student_id,
                                         std::optional<std::int64_t> year_id) {
    storage::Params params{student_id};
    std::string sql = std::string(store::kEnrolmentSelect) + "WHERE e.student_id = $1 AND e.status = 'active'";
    if (year_id) {
        params.emplace_back(*year_id);
        sql += " AND e.year_id = $2";
    }
    sql += " ORDER BY e.started_on DESC, e.id DESC";
    auto rows = tx.Query(sql, params);
    if (rows.empty())
        return std::nullopt;
    return store::ReadEnrolment(rows.front());
}

}  // namespace detail

namespace {

/// "2026-2027": two consecutive years.
std::optional<int> FirstYearOf(std::string_view name) {
    if (name.size() != 9 || name[4] != '-')
        return std::nullopt;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 7, 8}) {
        if (name[i] < '0' || name[i] > '9')
            return std::nullopt;
    }
    int first = std::stoi(std::string(name.substr(0, 4)));
    int second = std::stoi(std::string(name.substr(5, 4)));
    if (second != first + 1 || first < 2000 || first > 2100)
        return std::nullopt;
    return first;
}

std::vector<int> SchoolGrades(const org::Unit& school) {
    std::vector<int> grades;
    for (const std::string& level : school.levels) {
        for (int g : GradesOf(level))
            grades.push_back(g);
    }
    std::sort(grades.begin(), grades.end());
    return grades;
}

void InsertCurriculum(storage::Tx& tx, std::int64_t unit_id, std::int64_t year_id, int grade,
                      const CatalogueSubject& s) {
    tx.Exec(store::kInsertCurriculum,
            {unit_id, year_id, std::int64_t{grade}, s.code, std::int64_t{PeriodsIn(s, grade)},
             std::string(s.scored ? "scored" : "comment"), std::int64_t{s.kind == SubjectKind::kCompulsory ? 0 : 1}});
}

std::vector<CurriculumEntry> CurriculumTx(storage::Tx& tx, std::int64_t year_id) {
    std::vector<CurriculumEntry> out;
    for (const storage::Row& row : tx.Query("SELECT grade, subject_code, periods_per_year, assessment FROM curriculum "
                                            "WHERE year_id = $1 ORDER BY grade",
                                            {year_id})) {
        CurriculumEntry e{
            static_cast<int>(row.Int(0)), row.Text(1), "", static_cast<int>(row.Int(2)), row.Text(3) == "scored",
            SubjectKind::kCompulsory};
        if (auto s = FindSubject(e.grade, e.subject_code)) {
            e.subject_name = s->name;
            e.kind = s->kind;
        }
        out.push_back(e);
    }
    // Catalogue order within a grade.
    auto rank = [](const CurriculumEntry& e) {
        const auto& cat = Catalogue();
        for (std::size_t i = 0; i < cat.size(); ++i) {
            if (cat[i].code == e.subject_code && cat[i].level == LevelOf(e.grade))
                return i;
        }
        return cat.size();
    };
    std::stable_sort(out.begin(), out.end(), [&](const CurriculumEntry& a, const CurriculumEntry& b) {
        return a.grade != b.grade ? a.grade < b.grade : rank(a) < rank(b);
    });
    return out;
}

SchoolYear LoadYear(storage::Tx& tx, std::int64_t id) {
    auto y = FindYearTx(tx, id);
    if (!y)
        throw Error(Code::kNotFound, "no such school year");
    return *y;
}

std::vector<std::string> ElectivesTx(storage::Tx& tx, std::int64_t class_id) {
    std::vector<std::string> out;
    for (const storage::Row& row :
         tx.Query("SELECT subject_code FROM class_electives WHERE class_id = $1 ORDER BY subject_code", {class_id})) {
        out.push_back(row.Text(0));
    }
    return out;
}

}  // namespace

bool ClassNameLess(std::string_view a, std::string_view b) {
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        bool da = a[i] >= '0' && a[i] <= '9', db = b[j] >= '0' && b[j] <= '9';
        if (da && db) {
            std::size_t i2 = i, j2 = j;
            while (i2 < a.size() && a[i2] >= '0' && a[i2] <= '9')
                ++i2;
            while (j2 < b.size() && b[j2] >= '0' && b[j2] <= '9')
                ++j2;
            std::string_view na = a.substr(i, i2 - i), nb = b.substr(j, j2 - j);
            while (na.size() > 1 && na.front() == '0')
                na.remove_prefix(1);
            while (nb.size() > 1 && nb.front() == '0')
                nb.remove_prefix(1);
            if (na.size() != nb.size())
                return na.size() < nb.size();
            if (na != nb)
                return na < nb;
            i = i2;
            j = j2;
        } else {
            if (a[i] != b[j])
                return a[i] < b[j];
            ++i;
            ++j;
        }
    }
    return a.size() - i < b.size() - j;
}

std::optional<SchoolYear> FindYearTx(storage::Tx& tx, std::int64_t id) {
    auto row = tx.QueryOne("SELECT " + std::string(store::kYearColumns) + " FROM school_years WHERE id = $1", {id});
    if (!row)
        return std::nullopt;
    SchoolYear y = store::ReadYear(*row);
    for (const storage::Row& s : tx.Query("SELECT number, starts_on, ends_on FROM semesters WHERE unit_id = $1 AND "
                                          "year_id = $2 ORDER BY number",
                                          {y.unit_id, y.id})) {
        y.semesters.push_back({static_cast<int>(s.Int(0)), s.Text(1), s.Text(2)});
    }
    return y;
}

std::optional<SchoolYear> FindYearByNameTx(storage::Tx& tx, std::int64_t unit_id, std::string_view name) {
    auto row =
        tx.QueryOne("SELECT id FROM school_years WHERE unit_id = $1 AND name = $2", {unit_id, std::string(name)});
    if (!row)
        return std::nullopt;
    return FindYearTx(tx, row->Int(0));
}

SchoolYear CreateYearTx(storage::Tx& tx, app::Context& ctx, const org::Unit& school, const NewYear& input) {
    auto first = FirstYearOf(input.name);
    if (!first)
        throw Error(Code::kValidation, "a school year is named like 2026-2027");
    if (FindYearByNameTx(tx, school.id, input.name))
        throw Error(Code::kConflict, "the year exists");
    std::vector<Semester> semesters = input.semesters;
    if (semesters.empty()) {
        std::string y1 = std::to_string(*first), y2 = std::to_string(*first + 1);
        semesters = {{1, y1 + "-09-05", y2 + "-01-15"}, {2, y2 + "-01-16", y2 + "-05-31"}};
    }
    if (semesters.size() != 2 || semesters[0].number != 1 || semesters[1].number != 2) {
        throw Error(Code::kValidation, "a year has semesters 1 and 2");
    }
    for (Semester& s : semesters) {
        auto a = people::ParseDate(s.starts_on), b = people::ParseDate(s.ends_on);
        if (!a || !b || *b < *a)
            throw Error(Code::kValidation, "semester dates must be valid and in order");
        s.starts_on = *a;
        s.ends_on = *b;
    }
    if (semesters[1].starts_on <= semesters[0].ends_on)
        throw Error(Code::kValidation, "semester 2 starts after 1");
    SchoolYear year{ctx.ids.Next(),       school.id, input.name, semesters[0].starts_on,
                    semesters[1].ends_on, "open",    semesters};
    tx.Exec(store::kInsertYear, {school.id, year.id, year.name, year.starts_on, year.ends_on, ctx.clock.Now()});
    for (const Semester& s : semesters) {
        tx.Exec(store::kInsertSemester, {school.id, year.id, std::int64_t{s.number}, s.starts_on, s.ends_on});
    }
    if (input.copy_from) {
        SchoolYear from = LoadYear(tx, *input.copy_from);
        if (from.unit_id != school.id)
            throw Error(Code::kNotFound, "no such school year");
        tx.Exec(
            "INSERT INTO curriculum (unit_id, year_id, grade, subject_code, periods_per_year, assessment, "
            "elective) SELECT unit_id, $3, grade, subject_code, periods_per_year, assessment, elective "
            "FROM curriculum WHERE unit_id = $1 AND year_id = $2",
            {school.id, from.id, year.id});
        for (const storage::Row& row : tx.Query("SELECT id, grade, name, day_session FROM classes WHERE unit_id = $1 "
                                                "AND year_id = $2",
                                                {school.id, from.id})) {
            ClassInfo c =
                CreateClassTx(tx, ctx, school.id, {year.id, static_cast<int>(row.Int(1)), row.Text(2), row.Text(3)});
            tx.Exec(
                "INSERT INTO class_electives (unit_id, class_id, subject_code) SELECT unit_id, $3, subject_code "
                "FROM class_electives WHERE unit_id = $1 AND class_id = $2",
                {school.id, row.Int(0), c.id});
        }
    } else {
        for (int grade : SchoolGrades(school)) {
            for (const CatalogueSubject& s : SubjectsOf(grade, SubjectKind::kCompulsory)) {
                InsertCurriculum(tx, school.id, year.id, grade, s);
            }
        }
    }
    return year;
}

SchoolYear CreateYear(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id, const NewYear& input,
                      std::string_view client_address) {
    return ctx.db.Write([&](storage::Tx& tx) {
        org::Unit school = detail::RequireOnSchool(tx, actor, kManageSetup, unit_id);
        SchoolYear year = CreateYearTx(tx, ctx, school, input);
        detail::Audit(
            tx, ctx, actor, school.id, "schooling.year_created", "year:" + std::to_string(year.id), client_address,
            {{"name", year.name}, {"copy_from", input.copy_from ? std::to_string(*input.copy_from) : std::string()}});
        return year;
    });
}

std::vector<SchoolYear> ListYears(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id) {
    return ctx.db.Read([&](storage::Tx& tx) {
        detail::RequireOnSchool(tx, actor, org::Permission::kUnitRead, unit_id);
        std::vector<SchoolYear> out;
        for (const storage::Row& row :
             tx.Query("SELECT id FROM school_years WHERE unit_id = $1 ORDER BY name DESC", {unit_id})) {
            out.push_back(LoadYear(tx, row.Int(0)));
        }
        return out;
    });
}

std::vector<CurriculumEntry> GetCurriculum(app::Context& ctx, const org::Actor& actor, std::int64_t year_id) {
    return ctx.db.Read([&](storage::Tx& tx) {
        SchoolYear year = LoadYear(tx, year_id);
        detail::RequireOnSchool(tx, actor, org::Permission::kUnitRead, year.unit_id);
        return CurriculumTx(tx, year.id);
    });
}

std::vector<CurriculumEntry> SetGradeOptionalSubjects(app::Context& ctx, const org::Actor& actor, std::int64_t year_id,
                                                      int grade, const std::vector<std::string>& codes,
                                                      std::string_view client_address) {
    return ctx.db.Write([&](storage::Tx& tx) {
        SchoolYear year = LoadYear(tx, year_id);
        org::Unit school = detail::RequireOnSchool(tx, actor, kManageSetup, year.unit_id);
        std::vector<int> grades = SchoolGrades(school);
        if (std::find(grades.begin(), grades.end(), grade) == grades.end()) {
            throw Error(Code::kValidation, "the school has no grade " + std::to_string(grade));
        }
        std::set<std::string> unique(codes.begin(), codes.end());
        std::vector<CatalogueSubject> subjects;
        for (const std::string& code : unique) {
            auto s = FindSubject(grade, code);
            if (!s || s->kind != SubjectKind::kOptional) {
                throw Error(Code::kValidation, code + " is not an optional subject of grade " + std::to_string(grade));
            }
            subjects.push_back(*s);
        }
        tx.Exec("DELETE FROM curriculum WHERE unit_id = $1 AND year_id = $2 AND grade = $3 AND elective = 1",
                {school.id, year.id, std::int64_t{grade}});
        for (const CatalogueSubject& s : subjects)
            InsertCurriculum(tx, school.id, year.id, grade, s);
        std::string list;
        for (const std::string& c : unique)
            list += (list.empty() ? "" : ",") + c;
        detail::Audit(tx, ctx, actor, school.id, "schooling.curriculum_changed", "year:" + std::to_string(year.id),
                      client_address, {{"grade", std::to_string(grade)}, {"optional", list}});
        return CurriculumTx(tx, year.id);
    });
}

std::optional<ClassInfo> FindClassTx(storage::Tx& tx, std::int64_t class_id) {
    auto row = tx.QueryOne(std::string(store::kClassSelect) + "WHERE c.id = $1", {class_id});
    if (!row)
        return std::nullopt;
    ClassInfo c = store::ReadClass(*row);
    c.electives = ElectivesTx(tx, c.id);
    return c;
}

ClassInfo CreateClassTx(storage::Tx& tx, app::Context& ctx, std::int64_t unit_id, const NewClass& input,
                        std::optional<std::int64_t> id) {
    std::string name = org::CollapseSpaces(input.name);
    if (name.empty() || name.size() > 20)
        throw Error(Code::kValidation, "a class name has 1 to 20 bytes");
    if (input.session != "morning" && input.session != "afternoon" && input.session != "full_day") {
        throw Error(Code::kValidation, "session is morning, afternoon or full_day");
    }
    SchoolYear year = LoadYear(tx, input.year_id);
    if (year.unit_id != unit_id)
        throw Error(Code::kNotFound, "no such school year");
    org::Unit school = people::SchoolOf(tx, unit_id);
    std::vector<int> grades = SchoolGrades(school);
    if (std::find(grades.begin(), grades.end(), input.grade) == grades.end()) {
        throw Error(Code::kValidation, "the school has no grade " + std::to_string(input.grade));
    }
    if (tx.QueryOne("SELECT 1 FROM classes WHERE unit_id = $1 AND year_id = $2 AND name = $3",
                    {unit_id, year.id, name})) {
        throw Error(Code::kConflict, "a class " + name + " exists in this year");
    }
    std::int64_t class_id = id.value_or(ctx.ids.Next());
    tx.Exec(store::kInsertClass,
            {unit_id, class_id, year.id, std::int64_t{input.grade}, name, input.session, ctx.clock.Now()});
    return *FindClassTx(tx, class_id);
}

ClassInfo CreateClass(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id, const NewClass& input,
                      std::string_view client_address) {
    return ctx.db.Write([&](storage::Tx& tx) {
        detail::RequireOnSchool(tx, actor, kManageSetup, unit_id);
        ClassInfo c = CreateClassTx(tx, ctx, unit_id, input);
        detail::Audit(tx, ctx, actor, unit_id, "schooling.class_created", "class:" + std::to_string(c.id),
                      client_address, {{"name", c.name}, {"grade", std::to_string(c.grade)}});
        return c;
    });
}

std::vector<ClassInfo> ListClasses(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id,
                                   std::string_view year_text) {
    return ctx.db.Read([&](storage::Tx& tx) {
        detail::RequireOnSchool(tx, actor, org::Permission::kUnitRead, unit_id);
        std::optional<SchoolYear> year = FindYearByNameTx(tx, unit_id, year_text);
        if (!year && !year_text.empty() && std::all_of(year_text.begin(), year_text.end(), ::isdigit) &&
            year_text.size() < 19) {
            year = FindYearTx(tx, std::stoll(std::string(year_text)));
        }
        if (year_text.empty()) {
            auto latest = tx.QueryOne("SELECT id FROM school_years WHERE unit_id = $1 ORDER BY name DESC", {unit_id});
            if (latest)
                year = FindYearTx(tx, latest->Int(0));
        }
        if (!year || year->unit_id != unit_id) {
            if (year_text.empty())
                return std::vector<ClassInfo>{};
            throw Error(Code::kNotFound, "no such school year");
        }
        std::vector<ClassInfo> out;
        for (const storage::Row& row : tx.Query(
                 std::string(store::kClassSelect) + "WHERE c.unit_id = $1 AND c.year_id = $2", {unit_id, year->id})) {
            out.push_back(store::ReadClass(row));
        }
        std::sort(out.begin(), out.end(), [](const ClassInfo& a, const ClassInfo& b) {
            return a.grade != b.grade ? a.grade < b.grade : ClassNameLess(a.name, b.name);
        });
        return out;
    });
}

ClassInfo GetClass(app::Context& ctx, const org::Actor& actor, std::int64_t class_id) {
    return ctx.db.Read([&](storage::Tx& tx) {
        ClassInfo c = detail::LoadClass(tx, class_id);
        detail::RequireOnSchool(tx, actor, org::Permission::kUnitRead, c.unit_id);
        return c;
    });
}

std::vector<std::string> ClassSubjectsTx(storage::Tx& tx, const ClassInfo& cls) {
    std::vector<std::string> out;
    for (const storage::Row& row : tx.Query("SELECT subject_code FROM curriculum WHERE unit_id = $1 AND year_id = $2 "
                                            "AND grade = $3",
                                            {cls.unit_id, cls.year_id, std::int64_t{cls.grade}})) {
        out.push_back(row.Text(0));
    }
    for (const std::string& e : cls.electives)
        out.push_back(e);
    return out;
}

ClassInfo SetClassElectives(app::Context& ctx, const org::Actor& actor, std::int64_t class_id,
                            const std::vector<std::string>& codes, std::string_view client_address) {
    return ctx.db.Write([&](storage::Tx& tx) {
        ClassInfo c = detail::LoadClass(tx, class_id);
        detail::RequireOnSchool(tx, actor, kManageSetup, c.unit_id);
        std::set<std::string> unique(codes.begin(), codes.end());
        int electives = 0, topics = 0;
        for (const std::string& code : unique) {
            auto s = FindSubject(c.grade, code);
            if (!s || (s->kind != SubjectKind::kElective && s->kind != SubjectKind::kTopic)) {
                throw Error(Code::kValidation,
                            code + " is not an elective or chuyên đề of grade " + std::to_string(c.grade));
            }
            (s->kind == SubjectKind::kElective ? electives : topics) += 1;
        }
        // TT13/2022: 4 electives of 9; 3 chuyên đề clusters.
        if (electives > 4 || topics > 3)
            throw Error(Code::kValidation, "at most 4 electives and 3 chuyên đề");
        tx.Exec("DELETE FROM class_electives WHERE unit_id = $1 AND class_id = $2", {c.unit_id, c.id});
        std::string list;
        for (const std::string& code : unique) {
            tx.Exec("INSERT INTO class_electives (unit_id, class_id, subject_code) VALUES ($1, $2, $3)",
                    {c.unit_id, c.id, code});
            list += (list.empty() ? "" : ",") + code;
        }
        detail::Audit(tx, ctx, actor, c.unit_id, "schooling.electives_changed", "class:" + std::to_string(c.id),
                      client_address, {{"subjects", list}});
        return *FindClassTx(tx, c.id);
    });
}

}  // namespace hocvu::schooling
