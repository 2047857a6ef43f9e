#include <algorithm>
#include <tuple>

#include "assessment/assess.hpp"
#include "assessment/explain.hpp"
#include "assessment/rollout.hpp"
#include "audit/chain.hpp"
#include "common/vietnam_date.hpp"
#include "gradebook/engine_input.hpp"
#include "gradebook/rules.hpp"
#include "gradebook/store.hpp"
#include "homeroom/internal.hpp"
#include "homeroom/store.hpp"
#include "org/policy.hpp"
#include "org/service.hpp"
#include "people/service.hpp"
#include "schooling/service.hpp"

namespace hocvu::homeroom::detail {

ClassRef LoadClass(storage::Tx& tx, std::int64_t class_id) {
    auto cls = schooling::FindClassTx(tx, class_id);
    if (!cls) throw Error(Code::kNotFound, "no such class");
    auto year = schooling::FindYearTx(tx, cls->year_id);
    if (!year) throw Error(Code::kNotFound, "no such school year");
    ClassRef c{*cls, people::SchoolOf(tx, cls->unit_id), *year, assessment::Regulation::kTt22, "morning"};
    const int start = std::atoi(year->name.substr(0, 4).c_str());
    auto level = assessment::LevelOfGrade(cls->grade);
    if (auto regulation = level ? assessment::RegulationFor(start, *level, cls->grade) : std::nullopt) {
        c.regulation = *regulation;
    }
    c.main_session = cls->session == "afternoon" ? "afternoon" : "morning";
    return c;
}

org::Scope ClassScope(const ClassRef& c) {
    org::Scope scope = org::UnitScope(c.school);
    scope.class_id = c.cls.id;
    return scope;
}

bool IsBoard(const org::Actor& actor, const ClassRef& c) {
    return org::Allowed(actor, org::Permission::kScoreApprove, org::UnitScope(c.school));
}

bool IsHomeroom(const org::Actor& actor, const ClassRef& c) {
    return org::Allowed(actor, org::Permission::kAttendanceRecord, ClassScope(c));
}

bool Teaches(const org::Actor& actor, const ClassRef& c, std::string_view subject) {
    org::Scope scope = ClassScope(c);
    scope.subject = std::string(subject);
    return org::Allowed(actor, org::Permission::kScoreEnter, scope);
}

bool TeachesAny(const org::Actor& actor, const ClassRef& c) {
    for (const org::ActorGrant& g : actor.grants) {
        if (g.grant.unit_id == c.cls.unit_id && g.grant.class_id == c.cls.id && g.grant.subject &&
            Teaches(actor, c, *g.grant.subject)) {
            return true;
        }
    }
    return false;
}

void RequireRead(const org::Actor& actor, const ClassRef& c) {
    if (IsHomeroom(actor, c) || IsBoard(actor, c) ||
        org::Allowed(actor, org::Permission::kReportRead, org::UnitScope(c.school)) || TeachesAny(actor, c)) {
        return;
    }
    throw Error(Code::kForbidden, "not allowed: the class's homeroom records");
}

void RequireHomeroom(const org::Actor& actor, const ClassRef& c) {
    if (IsHomeroom(actor, c) || IsBoard(actor, c)) return;
    throw Error(Code::kHomeroomNotHomeroom, "only the class's homeroom teacher or the principal board");
}

std::int64_t Audit(storage::Tx& tx, app::Context& ctx, const org::Actor& actor, std::int64_t unit_id,
                   std::string_view action, std::string target, std::string_view client_address,
                   const nlohmann::json& details) {
    return audit::Append(tx, ctx.ids, ctx.clock,
                         {unit_id, actor.account_id, std::string(action), std::move(target),
                          std::string(client_address),
                          details.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)});
}

std::string Today(const Clock& clock) { return VietnamDate(clock.Now()); }

bool ValidDate(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (t[i] < '0' || t[i] > '9') return false;
    }
    const int y = std::atoi(std::string(t.substr(0, 4)).c_str());
    const int m = std::atoi(std::string(t.substr(5, 2)).c_str());
    const int d = std::atoi(std::string(t.substr(8, 2)).c_str());
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

std::vector<people::Student> Roster(storage::Tx& tx, const schooling::ClassInfo& cls) {
    return gradebook::detail::Roster(tx, cls);
}

std::string AccountName(storage::Tx& tx, std::int64_t account_id) {
    return gradebook::detail::AccountName(tx, account_id);
}

std::pair<std::string, std::string> PeriodRange(const ClassRef& c, std::string_view period) {
    if (period == "year") return {c.year.starts_on, c.year.ends_on};
    const int number = period == "hk1" ? 1 : 2;
    for (const schooling::Semester& s : c.year.semesters) {
        if (s.number == number) return {s.starts_on, s.ends_on};
    }
    // No semester dates recorded: hk1 until 15/01, hk2 from 16/01 (schooling's default plan).
    const std::string second = c.year.ends_on.substr(0, 4);
    return number == 1 ? std::pair{c.year.starts_on, second + "-01-15"} : std::pair{second + "-01-16", c.year.ends_on};
}

std::optional<int> ParseConduct(std::string_view w) {
    if (w == "tot") return 3;
    if (w == "kha") return 2;
    if (w == "dat" || w == "trung_binh") return 1;
    if (w == "chua_dat" || w == "yeu") return 0;
    return std::nullopt;
}

std::string ConductWord(assessment::Regulation regulation, int rank) {
    const bool tt58 = regulation == assessment::Regulation::kTt58 || regulation == assessment::Regulation::kTt26;
    switch (rank) {
        case 3: return "tot";
        case 2: return "kha";
        case 1: return tt58 ? "trung_binh" : "dat";
        case 0: return tt58 ? "yeu" : "chua_dat";
        default: return "";
    }
}

std::string ConductLevelName(assessment::Regulation regulation, int rank) {
    return std::string(assessment::ConductName(regulation, static_cast<assessment::Rank>(rank)));
}

YearCloseState LoadYearClose(storage::Tx& tx, const ClassRef& c) {
    YearCloseState s;
    auto row = tx.QueryOne(store::kYearClose, {c.cls.unit_id, c.cls.id});
    if (!row) return s;
    s.exists = true;
    s.status = row->Text(0);
    s.version = row->Int(1);
    s.conduct_version = row->Int(2);
    s.note = row->Text(3);
    s.submitted_by = row->OptInt(4);
    s.submitted_at = row->OptInt(5);
    s.decided_by = row->OptInt(6);
    s.decided_at = row->OptInt(7);
    s.decision_note = row->Text(8);
    return s;
}

YearCloseState BumpYearClose(storage::Tx& tx, app::Context& ctx, const ClassRef& c, bool conduct) {
    const Micros now = ctx.clock.Now();
    tx.Exec(store::kEnsureYearClose, {c.cls.unit_id, c.cls.id, c.cls.year_id, now});
    tx.Exec(conduct ? store::kBumpConductVersion : store::kBumpYearClose, {c.cls.unit_id, c.cls.id, now});
    return LoadYearClose(tx, c);
}

bool Approved(const YearCloseState& s) {
    return s.status == "approved";
}

std::map<std::int64_t, int> MainAbsences(storage::Tx& tx, const ClassRef& c, const std::string& from,
                                         const std::string& to) {
    std::map<std::int64_t, int> out;
    for (const storage::Row& row : tx.Query(store::kMainAbsences, {c.cls.unit_id, c.cls.id, c.main_session, from, to})) {
        out[row.Int(0)] = static_cast<int>(row.Int(1));
    }
    return out;
}

std::string MarkText(assessment::Mark mark) {
    if (mark.IsScore()) return mark.score().ToString();
    if (mark.IsPass()) return "Đ";
    if (mark.IsFail()) return "CĐ";
    return "";
}

std::vector<Assessed> AssessClass(storage::Tx& tx, const ClassRef& c, const gradebook::detail::ClassSetup& setup,
                                  bool summer) {
    const std::int64_t unit = c.cls.unit_id;
    const bool primary = setup.regulation == assessment::Regulation::kTt27;
    std::map<std::pair<std::int64_t, std::string>, int> conduct;
    std::map<std::pair<std::int64_t, std::string>, assessment::Mark> reassessed;
    std::map<std::int64_t, int> absences;
    // TT27 (primary) has no conduct, no absence limit and no summer step (Điều 9, 11): the gradebook's input (levels,
    // tests, ratings, recognition) is the whole year.
    if (!primary) {
        for (const storage::Row& row : tx.Query(store::kClassConductLevels, {unit, c.cls.id})) {
            if (auto level = row.OptInt(2)) conduct[{row.Int(0), row.Text(1)}] = static_cast<int>(*level);
        }
        if (summer) {
            for (const storage::Row& row : tx.Query(store::kClassReassessments, {unit, c.cls.id})) {
                assessment::Mark m = assessment::Mark::None();
                if (auto score = row.OptInt(2)) {
                    m = assessment::Mark::Score(Tenths::FromTenths(static_cast<std::int32_t>(*score)));
                } else if (auto pass = row.OptInt(3)) {
                    m = assessment::Mark::Comment(*pass != 0);
                }
                reassessed[{row.Int(0), row.Text(1)}] = m;
            }
        }
        auto [from, to] = PeriodRange(c, "year");
        absences = MainAbsences(tx, c, from, to);
    }
    auto level_of = [&](std::int64_t student, const char* period) {
        auto it = conduct.find({student, period});
        return it == conduct.end() ? assessment::Conduct::kMissing : static_cast<assessment::Conduct>(it->second);
    };

    std::vector<Assessed> out;
    for (gradebook::detail::StudentInput& in : gradebook::detail::ClassInputs(tx, setup)) {
        Assessed a;
        a.input = std::move(in.year);
        a.hk1_levels = std::move(in.hk1_levels);
        assessment::StudentYear& year = a.input;
        const std::int64_t id = in.student.id;
        if (!primary) {
            for (assessment::SubjectInput& input : year.subjects) {
                if (auto it = reassessed.find({id, input.code}); it != reassessed.end()) {
                    input.reassessment = it->second;
                    a.reassessment_given[input.code] = MarkText(it->second);
                }
            }
            year.conduct_hk1 = level_of(id, "hk1");
            year.conduct_hk2 = level_of(id, "hk2");
            if (setup.regulation == assessment::Regulation::kTt58 ||
                setup.regulation == assessment::Regulation::kTt26) {
                year.conduct_year = level_of(id, "year");
            }
            if (summer) year.summer_conduct = level_of(id, "summer");
            auto ab = absences.find(id);
            year.absences = ab == absences.end() ? 0 : ab->second;
        }
        assessment::Assess(year, a.result);
        a.student = std::move(in.student);
        out.push_back(std::move(a));
    }
    return out;
}

std::vector<std::string> ReassessSubjects(const Assessed& a) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < a.result.subjects.size(); ++i) {
        if (a.result.subjects[i].reassess) out.push_back(a.input.subjects[i].code);
    }
    return out;
}

std::string AwardText(assessment::Award award) {
    return std::string(assessment::AwardName(award));
}

std::vector<std::string> MissingLines(const Assessed& a, std::optional<assessment::Period> period) {
    std::vector<std::string> out;
    for (const assessment::Missing& m : a.result.missing) {
        if (period && *period != assessment::Period::kYear && m.period != *period) continue;
        std::string line =
            m.subject >= 0 ? a.input.subjects[static_cast<std::size_t>(m.subject)].code + " " : std::string();
        line += std::string(assessment::MissingItemCode(m.item)) + " " + std::string(assessment::PeriodCode(m.period)) +
                " " + std::to_string(m.count);
        out.push_back(std::move(line));
    }
    return out;
}

std::vector<UnconfirmedSheet> UnconfirmedSheets(storage::Tx& tx, const ClassRef& c,
                                                const gradebook::detail::ClassSetup& setup, int semester) {
    std::set<std::pair<std::string, int>> confirmed;
    for (const storage::Row& row : tx.Query(store::kConfirmedSheetsOfClass, {c.cls.unit_id, c.cls.id})) {
        confirmed.insert({row.Text(0), static_cast<int>(row.Int(1))});
    }
    std::map<std::pair<std::string, int>, std::string> teachers;
    for (const storage::Row& row : tx.Query(store::kClassTeachers, {c.cls.unit_id, c.cls.id})) {
        teachers[{row.Text(0), static_cast<int>(row.Int(1))}] = row.Text(2);
    }
    const std::size_t roster = gradebook::detail::RosterIds(tx, c.cls).size();
    std::vector<UnconfirmedSheet> out;
    for (int s = 1; s <= 2; ++s) {
        if (semester != 0 && s != semester) continue;
        for (const gradebook::detail::SubjectSetup& subject : setup.subjects) {
            if (confirmed.contains({subject.code, s})) continue;
            // A sheet every student is exempt from has nothing to confirm.
            if (gradebook::detail::Exempt(tx, c.cls, subject.code, s).size() >= roster && roster > 0) continue;
            auto t = teachers.find({subject.code, s});
            out.push_back({subject.code, subject.name, s, t == teachers.end() ? "" : t->second});
        }
    }
    return out;
}

}  // namespace hocvu::homeroom::detail
