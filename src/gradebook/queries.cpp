#include "gradebook/queries.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "assessment/assess.hpp"
#include "assessment/explain.hpp"
#include "common/error.hpp"
#include "gradebook/engine_input.hpp"
#include "gradebook/rules.hpp"
#include "gradebook/setup.hpp"
#include "gradebook/store.hpp"
#include "org/policy.hpp"
#include "org/service.hpp"
#include "people/service.hpp"
#include "schooling/service.hpp"

namespace hocvu::gradebook {
namespace {

std::string MarkText(assessment::Mark mark) {
    if (mark.IsScore()) return mark.score().ToString();
    if (mark.IsPass()) return "Đ";
    if (mark.IsFail()) return "CĐ";
    return "";
}

org::Scope ClassScope(const detail::ClassSetup& setup) {
    org::Scope scope = org::UnitScope(setup.school);
    scope.class_id = setup.cls.id;
    return scope;
}

}  // namespace

Sheet GetSheet(app::Context& ctx, const org::Actor& actor, std::int64_t class_id, std::string_view subject,
               int semester) {
    if (semester != 1 && semester != 2) throw Error(Code::kValidation, "semester is 1 or 2");
    return ctx.db.Read([&](storage::Tx& tx) {
        detail::ClassSetup setup = detail::LoadClassSetup(tx, class_id);
        const detail::SubjectSetup& s = setup.Subject(subject);
        org::Require(actor, org::Permission::kScoreRead, detail::SheetScope(setup, s.code));
        return detail::BuildSheet(tx, setup, s, semester, actor, ctx.clock.Now());
    });
}

std::vector<StudentResult> GetResults(app::Context& ctx, const org::Actor& actor, std::int64_t class_id,
                                      std::string_view period_code) {
    assessment::Period period = assessment::Period::kYear;
    if (period_code == "hk1") {
        period = assessment::Period::kHk1;
    } else if (period_code == "hk2") {
        period = assessment::Period::kHk2;
    } else if (period_code != "year") {
        throw Error(Code::kValidation, "period is hk1, hk2 or year");
    }
    return ctx.db.Read([&](storage::Tx& tx) {
        detail::ClassSetup setup = detail::LoadClassSetup(tx, class_id);
        org::Require(actor, org::Permission::kScoreRead, ClassScope(setup));
        std::vector<StudentResult> out;
        assessment::Assessment result;
        const auto p = static_cast<std::size_t>(period);
        const bool primary = setup.regulation == assessment::Regulation::kTt27;
        for (detail::StudentInput& in : detail::ClassInputs(tx, setup)) {
            const people::Student& student = in.student;
            const assessment::StudentYear& year = in.year;
            const std::vector<std::string>& semester1_levels = in.hk1_levels;
            assessment::Assess(year, result);
            StudentResult r;
            r.student_id = student.id;
            r.student_code = student.code;
            r.full_name = student.full_name;
            for (std::size_t i = 0; i < year.subjects.size(); ++i) {
                const assessment::SubjectResult& sr = result.subjects[i];
                if (primary) {
                    r.subjects.emplace_back(year.subjects[i].code,
                                            period == assessment::Period::kHk1
                                                ? semester1_levels[i]
                                                : std::string(assessment::PrimaryLevelCode(sr.year_level)));
                    continue;
                }
                assessment::Mark mark = period == assessment::Period::kHk1   ? sr.hk1
                                        : period == assessment::Period::kHk2 ? sr.hk2
                                                                             : sr.year;
                r.subjects.emplace_back(year.subjects[i].code, MarkText(mark));
            }
            r.learning = std::string(assessment::LearningName(setup.regulation, result.learning[p].final));
            for (const assessment::Missing& m : result.missing) {
                if (period != assessment::Period::kYear && m.period != period) continue;
                std::string line = m.subject >= 0 ? year.subjects[static_cast<std::size_t>(m.subject)].code + " " : "";
                line += std::string(assessment::PeriodCode(m.period)) + " " +
                        std::string(assessment::MissingItemCode(m.item)) + " " + std::to_string(m.count);
                r.missing.push_back(std::move(line));
            }
            assessment::Explain(year, result, r.explanation);
            out.push_back(std::move(r));
        }
        return out;
    });
}

std::vector<HistoryEntry> CellHistory(app::Context& ctx, const org::Actor& actor, std::int64_t class_id,
                                      std::string_view subject, int semester, std::int64_t student_id,
                                      std::string_view item) {
    return ctx.db.Read([&](storage::Tx& tx) {
        detail::ClassSetup setup = detail::LoadClassSetup(tx, class_id);
        const detail::SubjectSetup& s = setup.Subject(subject);
        org::Require(actor, org::Permission::kScoreRead, detail::SheetScope(setup, s.code));
        std::vector<HistoryEntry> out;
        std::map<std::int64_t, std::string> names;
        for (const storage::Row& row :
             tx.Query(store::kCellHistory, {setup.cls.unit_id, class_id, s.code, std::int64_t{semester}, student_id,
                                            std::string(item)})) {
            HistoryEntry h{row.Text(0), row.Text(1), row.Text(2), row.Int(3), "", row.Int(4), row.Int(5),
                           row.OptInt(6)};
            auto [name, inserted] = names.try_emplace(h.actor_id);
            if (inserted) name->second = detail::AccountName(tx, h.actor_id);
            h.actor_name = name->second;
            out.push_back(std::move(h));
        }
        return out;
    });
}

std::vector<EntryWindow> ListWindows(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id,
                                     std::int64_t year_id) {
    return ctx.db.Read([&](storage::Tx& tx) {
        org::Unit school = people::SchoolOf(tx, unit_id);
        org::Require(actor, org::Permission::kUnitRead, org::UnitScope(school));
        std::vector<EntryWindow> out;
        for (const storage::Row& row : tx.Query(store::kYearWindows, {school.id, year_id})) {
            auto kind = ParseItemKind(row.Text(1));
            if (kind) out.push_back({year_id, static_cast<int>(row.Int(0)), *kind, row.Int(2), row.Int(3)});
        }
        return out;
    });
}

std::vector<Lock> ListLocks(app::Context& ctx, const org::Actor& actor, std::int64_t class_id) {
    return ctx.db.Read([&](storage::Tx& tx) {
        detail::ClassSetup setup = detail::LoadClassSetup(tx, class_id);
        org::Require(actor, org::Permission::kUnitRead, org::UnitScope(setup.school));
        std::vector<Lock> out;
        for (const storage::Row& row : tx.Query(store::kClassLocks, {setup.cls.unit_id, class_id})) {
            out.push_back({row.Int(0), row.Text(1), static_cast<int>(row.Int(2)), row.Int(3), row.Int(4),
                           row.Text(5)});
        }
        return out;
    });
}

std::vector<Correction> ListCorrections(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id,
                                        std::string_view status) {
    if (!status.empty() && status != "pending" && status != "approved" && status != "rejected") {
        throw Error(Code::kValidation, "status is pending, approved or rejected");
    }
    return ctx.db.Read([&](storage::Tx& tx) {
        org::Unit school = people::SchoolOf(tx, unit_id);
        org::Require(actor, org::Permission::kUnitRead, org::UnitScope(school));
        const bool board = org::Allowed(actor, org::Permission::kScoreApprove, org::UnitScope(school));
        std::string sql =
            "SELECT " + std::string(store::kCorrectionColumns) + " FROM gradebook_corrections WHERE unit_id = $1";
        storage::Params params{school.id};
        if (!status.empty()) {
            params.emplace_back(std::string(status));
            sql += " AND status = $" + std::to_string(params.size());
        }
        if (!board) {
            params.emplace_back(actor.account_id);
            sql += " AND requested_by = $" + std::to_string(params.size());
        }
        sql += " ORDER BY id DESC";
        return detail::ReadCorrections(tx, sql, params);
    });
}

std::vector<ProgressRow> Progress(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id,
                                  std::string_view year) {
    std::vector<schooling::ClassInfo> classes = schooling::ListClasses(ctx, actor, unit_id, year);
    std::vector<schooling::TeachingAssignment> teaching = schooling::ListTeaching(ctx, actor, unit_id, year);
    return ctx.db.Read([&](storage::Tx& tx) {
        org::Unit school = people::SchoolOf(tx, unit_id);
        org::Require(actor, org::Permission::kReportRead, org::UnitScope(school));
        std::map<std::tuple<std::int64_t, std::string, int>, std::int64_t> entered;
        for (const storage::Row& row : tx.Query(store::kProgressCells, {school.id})) {
            entered[{row.Int(0), row.Text(1), static_cast<int>(row.Int(2))}] = row.Int(3);
        }
        std::set<std::tuple<std::int64_t, std::string, int>> confirmed;
        for (const storage::Row& row : tx.Query(store::kConfirmedSheets, {school.id})) {
            confirmed.insert({row.Int(0), row.Text(1), static_cast<int>(row.Int(2))});
        }
        std::map<std::tuple<std::int64_t, std::string, int>, std::map<std::string, std::int64_t>> months;
        for (const storage::Row& row : tx.Query(store::kProgressMonths, {school.id})) {
            // Months in Vietnam's time (UTC+7).
            std::string month = FormatTime(row.Int(3) + 7LL * 3600 * 1000000).substr(0, 7);
            months[{row.Int(0), row.Text(1), static_cast<int>(row.Int(2))}][month] += 1;
        }
        std::vector<ProgressRow> out;
        for (const schooling::ClassInfo& cls : classes) {
            detail::ClassSetup setup = detail::LoadClassSetup(tx, cls.id);
            const std::size_t roster = detail::Roster(tx, setup.cls).size();
            for (const detail::SubjectSetup& s : setup.subjects) {
                for (int semester = 1; semester <= 2; ++semester) {
                    ProgressRow row;
                    row.class_id = cls.id;
                    row.class_name = cls.name;
                    row.subject_code = s.code;
                    row.semester = semester;
                    for (const auto& a : teaching) {
                        if (a.class_id == cls.id && a.subject_code == s.code && a.semester == semester) {
                            row.teacher_name = a.staff_name;
                        }
                    }
                    const std::size_t exempt = detail::Exempt(tx, setup.cls, s.code, semester).size();
                    // TT58's optional columns (tests beyond the minimum count) are not required.
                    const auto columns = std::count_if(s.columns.begin(), s.columns.end(),
                                                       [](const Column& c) { return !c.optional; });
                    row.required = static_cast<std::int64_t>(roster - std::min(roster, exempt)) * columns;
                    auto key = std::make_tuple(cls.id, s.code, semester);
                    if (auto it = entered.find(key); it != entered.end()) {
                        row.entered = std::min(it->second, row.required);
                    }
                    row.confirmed = confirmed.contains(key);
                    if (auto it = months.find(key); it != months.end()) {
                        row.by_month.assign(it->second.begin(), it->second.end());
                    }
                    out.push_back(std::move(row));
                }
            }
        }
        return out;
    });
}

}  // namespace hocvu::gradebook
