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

/// The class, subject, student and account names an inbox shows.
void NameCorrections(storage::Tx& tx, std::int64_t unit_id, std::vector<Correction>& list) {
    std::map<std::int64_t, std::string> classes;
    std::map<std::pair<std::int64_t, std::string>, std::string> subjects;
    std::map<std::int64_t, std::string> students;
    std::map<std::int64_t, std::string> accounts;
    for (const Correction& c : list) {
        classes.emplace(c.class_id, "");
        students.emplace(c.student_id, "");
        accounts.emplace(c.requested_by, "");
        if (c.decided_by) accounts.emplace(*c.decided_by, "");
    }
    for (auto& [id, name] : classes) {
        detail::ClassSetup setup = detail::LoadClassSetup(tx, id);
        name = setup.cls.name;
        for (const detail::SubjectSetup& s : setup.subjects) subjects[{id, s.code}] = s.name;
    }
    std::vector<std::int64_t> ids;
    for (const auto& [id, name] : students) ids.push_back(id);
    for (const people::Student& s : people::StudentsTx(tx, unit_id, ids)) students[s.id] = s.full_name;
    for (auto& [id, name] : accounts) name = detail::AccountName(tx, id);
    for (Correction& c : list) {
        c.class_name = classes[c.class_id];
        c.subject_name = subjects[{c.class_id, c.subject_code}];
        c.student_name = students[c.student_id];
        c.requested_by_name = accounts[c.requested_by];
        if (c.decided_by) c.decided_by_name = accounts[*c.decided_by];
    }
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
        std::vector<Correction> out = detail::ReadCorrections(tx, sql, params);
        NameCorrections(tx, school.id, out);
        return out;
    });
}

std::vector<ProgressRow> Progress(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id,
                                  std::string_view year) {
    std::vector<schooling::ClassInfo> classes = schooling::ListClasses(ctx, actor, unit_id, year);
    std::vector<schooling::TeachingAssignment> teaching = schooling::ListTeaching(ctx, actor, unit_id, year);
    const Micros now = ctx.clock.Now();
    return ctx.db.Read([&](storage::Tx& tx) {
        org::Unit school = people::SchoolOf(tx, unit_id);
        org::Require(actor, org::Permission::kReportRead, org::UnitScope(school));
        std::vector<ProgressRow> out;
        if (classes.empty()) return out;
        const std::int64_t year_id = classes.front().year_id;
        using Key = std::tuple<std::int64_t, std::string, int>;
        // sheet → item → month of first entry (Vietnam's time, UTC+7) → cells
        std::map<Key, std::map<std::string, std::map<std::string, std::int64_t>>> filled;
        for (const storage::Row& row : tx.Query(store::kProgressCells, {school.id, year_id})) {
            const std::string month = FormatTime(row.Int(4) + 7LL * 3600 * 1000000).substr(0, 7);
            filled[{row.Int(0), row.Text(1), static_cast<int>(row.Int(2))}][row.Text(3)][month] += 1;
        }
        std::set<Key> confirmed;
        for (const storage::Row& row : tx.Query(store::kConfirmedSheets, {school.id})) {
            confirmed.insert({row.Int(0), row.Text(1), static_cast<int>(row.Int(2))});
        }
        std::map<Key, const schooling::TeachingAssignment*> teachers;
        for (const auto& a : teaching) teachers[{a.class_id, a.subject_code, a.semester}] = &a;
        std::map<std::pair<int, ItemKind>, Micros> deadlines;
        for (int semester = 1; semester <= 2; ++semester) {
            for (const EntryWindow& w : detail::Windows(tx, school.id, year_id, semester)) {
                deadlines[{semester, w.kind}] = w.closes_at;
            }
        }
        for (const schooling::ClassInfo& cls : classes) {
            detail::ClassSetup setup = detail::LoadClassSetup(tx, cls.id);
            const std::set<std::int64_t> roster = detail::RosterIds(tx, setup.cls);
            for (const detail::SubjectSetup& s : setup.subjects) {
                for (int semester = 1; semester <= 2; ++semester) {
                    const Key key{cls.id, s.code, semester};
                    ProgressRow row;
                    row.class_id = cls.id;
                    row.class_name = cls.name;
                    row.subject_code = s.code;
                    row.subject_name = s.name;
                    row.semester = semester;
                    if (auto it = teachers.find(key); it != teachers.end()) {
                        row.teacher_id = it->second->staff_id;
                        row.teacher_name = it->second->staff_name;
                    }
                    std::int64_t students = static_cast<std::int64_t>(roster.size());
                    for (std::int64_t id : detail::Exempt(tx, setup.cls, s.code, semester)) {
                        students -= roster.contains(id) ? 1 : 0;
                    }
                    const auto sheet_cells = filled.find(key);
                    std::map<std::string, std::int64_t> months;
                    for (ItemKind kind : {ItemKind::kRegular, ItemKind::kMidterm, ItemKind::kFinal}) {
                        ProgressKind k;
                        k.kind = kind;
                        bool present = false;
                        for (const Column& c : s.columns) {
                            // TT58's optional columns (tests beyond the minimum count) are not required.
                            if (c.kind != kind || c.optional) continue;
                            present = true;
                            k.required += students;
                            if (sheet_cells == filled.end()) continue;
                            auto cells = sheet_cells->second.find(c.item);
                            if (cells == sheet_cells->second.end()) continue;
                            for (const auto& [month, count] : cells->second) {
                                k.entered += count;
                                months[month] += count;
                            }
                        }
                        if (!present) continue;
                        if (auto d = deadlines.find({semester, kind}); d != deadlines.end()) {
                            k.closes_at = d->second;
                            k.late = now >= d->second && k.entered < k.required;
                        }
                        row.required += k.required;
                        row.entered += k.entered;
                        row.late = row.late || k.late;
                        row.kinds.push_back(k);
                    }
                    std::int64_t cumulative = 0;
                    for (const auto& [month, count] : months) {
                        cumulative += count;
                        row.by_month.push_back({month, count, cumulative});
                    }
                    row.confirmed = confirmed.contains(key);
                    out.push_back(std::move(row));
                }
            }
        }
        return out;
    });
}

}  // namespace hocvu::gradebook
