#include <algorithm>
#include <map>
#include <set>

#include "assessment/assess.hpp"
#include "assessment/explain.hpp"
#include "homeroom/internal.hpp"
#include "homeroom/service.hpp"
#include "homeroom/store.hpp"
#include "org/policy.hpp"
#include "org/service.hpp"
#include "people/service.hpp"
#include "people/vn_text.hpp"
#include "schooling/service.hpp"

namespace hocvu::homeroom {
namespace {

constexpr std::string_view kConductModule = "conduct";
constexpr std::size_t kMaxComment = 2000;
constexpr std::size_t kMaxChanges = 2000;

bool Tt58(assessment::Regulation r) {
    return r == assessment::Regulation::kTt58 || r == assessment::Regulation::kTt26;
}

/// The year conduct by the engine's TT22 table (or as entered for TT58/TT26), with its explanation lines.
void FillYear(const detail::ClassRef& c, ConductRow& row) {
    assessment::StudentYear input;
    input.regulation = c.regulation;
    input.grade = c.cls.grade;
    input.school_year_start = std::atoi(c.year.name.substr(0, 4).c_str());
    auto conduct = [](const std::optional<ConductEntry>& e) {
        return e && e->level ? static_cast<assessment::Conduct>(*e->level) : assessment::Conduct::kMissing;
    };
    input.conduct_hk1 = conduct(row.hk1);
    input.conduct_hk2 = conduct(row.hk2);
    input.conduct_year = conduct(row.year);
    if (Tt58(c.regulation)) return;  // entered by the teacher
    if (input.conduct_hk1 == assessment::Conduct::kMissing || input.conduct_hk2 == assessment::Conduct::kMissing) {
        return;
    }
    assessment::Assessment result;
    assessment::Assess(input, result);
    if (result.conduct[2] < 0) return;
    ConductEntry year = row.year.value_or(ConductEntry{});
    year.level = result.conduct[2];
    year.computed = true;
    row.year = year;
    std::vector<std::string> lines;
    assessment::Explain(input, result, lines);
    for (std::string& line : lines) {
        if (line.starts_with("Rèn luyện") || line.starts_with("Kết quả rèn luyện")) {
            row.explanation.push_back(std::move(line));
        }
    }
}

ConductSheet BuildConduct(storage::Tx& tx, const org::Actor& actor, const detail::ClassRef& c) {
    ConductSheet sheet;
    sheet.class_id = c.cls.id;
    sheet.regulation = std::string(assessment::RegulationCode(c.regulation));
    sheet.year_entered = Tt58(c.regulation);
    detail::YearCloseState state = detail::LoadYearClose(tx, c);
    sheet.version = state.conduct_version;
    sheet.locked = state.status == "submitted" || detail::Approved(state);
    sheet.may_edit = detail::IsHomeroom(actor, c) || detail::IsBoard(actor, c);
    std::map<std::int64_t, ConductRow> rows;
    for (const storage::Row& row : tx.Query(store::kClassConduct, {c.cls.unit_id, c.cls.id})) {
        ConductEntry e{row.OptInt(2) ? std::optional<int>(static_cast<int>(*row.OptInt(2))) : std::nullopt,
                       row.Text(3), false};
        ConductRow& r = rows[row.Int(0)];
        const std::string period = row.Text(1);
        if (period == "hk1") r.hk1 = e;
        if (period == "hk2") r.hk2 = e;
        if (period == "year") r.year = e;
        if (period == "summer") r.summer = e;
    }
    for (const people::Student& s : detail::Roster(tx, c.cls)) {
        ConductRow r = rows[s.id];
        r.student_id = s.id;
        r.student_code = s.code;
        r.full_name = s.full_name;
        FillYear(c, r);
        sheet.items.push_back(std::move(r));
    }
    return sheet;
}

}  // namespace

ConductSheet GetConduct(app::Context& ctx, const org::Actor& actor, std::int64_t class_id) {
    return ctx.db.Read([&](storage::Tx& tx) {
        detail::ClassRef c = detail::LoadClass(tx, class_id);
        detail::RequireRead(actor, c);
        return BuildConduct(tx, actor, c);
    });
}

ConductSheet SaveConduct(app::Context& ctx, const org::Actor& actor, std::int64_t class_id,
                         std::int64_t base_version, const std::vector<ConductChange>& changes,
                         std::string_view client_address) {
    if (changes.empty()) throw Error(Code::kValidation, "no changes");
    if (changes.size() > kMaxChanges) throw Error(Code::kValidation, "too many changes in one save");
    return ctx.db.Write([&](storage::Tx& tx) {
        detail::ClassRef c = detail::LoadClass(tx, class_id);
        detail::RequireHomeroom(actor, c);
        org::EnsureUnlocked(tx, c.cls.unit_id, kConductModule);
        detail::YearCloseState before = detail::LoadYearClose(tx, c);
        std::set<std::int64_t> roster = gradebook::detail::RosterIds(tx, c.cls);
        std::set<std::int64_t> summer_training;
        if (detail::Approved(before)) {
            for (const storage::Row& row : tx.Query(store::kYearCloseItems, {c.cls.unit_id, c.cls.id})) {
                if (row.Text(4) == "summer_training") summer_training.insert(row.Int(0));
            }
        }
        detail::YearCloseState state = detail::BumpYearClose(tx, ctx, c, true);
        const Micros now = ctx.clock.Now();
        nlohmann::json audited = nlohmann::json::array();
        nlohmann::json conflicts = nlohmann::json::array();
        std::set<std::pair<std::int64_t, std::string>> seen;
        for (const ConductChange& ch : changes) {
            if (!roster.contains(ch.student_id)) {
                throw Error(Code::kValidation, "student " + std::to_string(ch.student_id) + " is not in the class");
            }
            if (ch.period != "hk1" && ch.period != "hk2" && ch.period != "year" && ch.period != "summer") {
                throw Error(Code::kValidation, "period is hk1, hk2, year or summer");
            }
            if (!seen.insert({ch.student_id, ch.period}).second) {
                throw Error(Code::kValidation, "a conduct entry is changed twice in one save");
            }
            if (ch.period == "year" && !Tt58(c.regulation)) {
                throw Error(Code::kValidation, "under TT22 the year conduct follows from the semesters (Điều 8)");
            }
            if (ch.period == "summer") {
                if (!detail::Approved(before) || !summer_training.contains(ch.student_id)) {
                    throw Error(Code::kHomeroomNotApproved,
                                "summer re-evaluation is for students on the approved summer-training list");
                }
            } else if (before.status == "submitted" || detail::Approved(before)) {
                throw Error(Code::kHomeroomLocked, "the year-close lists are submitted or approved");
            }
            std::optional<int> level;
            if (!ch.level.empty()) {
                level = detail::ParseConduct(ch.level);
                if (!level) throw Error(Code::kValidation, "level is tot, kha, dat, chua_dat (TT58: trung_binh, yeu)");
            }
            const std::string comment = ch.comment ? people::CleanText(*ch.comment) : std::string();
            if (comment.size() > kMaxComment) throw Error(Code::kValidation, "a comment is at most 2000 bytes");
            auto old = tx.QueryOne(store::kFindConduct, {c.cls.unit_id, c.cls.id, ch.student_id, ch.period});
            std::optional<int> old_level;
            std::string old_comment;
            if (old) {
                if (auto l = old->OptInt(0)) old_level = static_cast<int>(*l);
                old_comment = old->Text(1);
                if (old->Int(2) > base_version && old_level != level) {
                    conflicts.push_back({{"student_id", std::to_string(ch.student_id)},
                                         {"period", ch.period},
                                         {"yours", ch.level},
                                         {"theirs", old_level ? detail::ConductWord(c.regulation, *old_level) : ""}});
                    continue;
                }
            }
            const std::string new_comment = ch.comment ? comment : old_comment;
            if (old && old_level == level && old_comment == new_comment) continue;
            if (!level && new_comment.empty()) {
                tx.Exec(store::kDeleteConduct, {c.cls.unit_id, c.cls.id, ch.student_id, ch.period});
            } else {
                tx.Exec(store::kUpsertConduct,
                        {c.cls.unit_id, c.cls.id, ch.student_id, ch.period,
                         level ? storage::Value(std::int64_t{*level}) : storage::Value(nullptr), new_comment,
                         state.conduct_version, actor.account_id, now});
            }
            audited.push_back({{"student_id", std::to_string(ch.student_id)},
                               {"period", ch.period},
                               {"old", old_level ? detail::ConductWord(c.regulation, *old_level) : ""},
                               {"new", level ? detail::ConductWord(c.regulation, *level) : ""},
                               {"old_comment", old_comment},
                               {"new_comment", new_comment}});
        }
        if (!conflicts.empty()) {
            throw detail::Refused(Code::kHomeroomConflict, "some conduct entries were changed by someone else",
                                  {{"conflicts", conflicts}});
        }
        detail::Audit(tx, ctx, actor, c.cls.unit_id, "homeroom.conduct_saved", "conduct:" + std::to_string(c.cls.id),
                      client_address, {{"version", state.conduct_version}, {"changes", audited}});
        ConductSheet out = BuildConduct(tx, actor, c);
        return out;
    });
}

// ---- Comments (GB-3 monthly and semester, GB-9 weekly) ----

namespace {

struct CommentKey {
    std::string kind;
    std::string period;
    std::string subject;
};

CommentKey CheckCommentKey(std::string_view kind, std::string_view period, std::string_view subject) {
    CommentKey k{std::string(kind), std::string(period), std::string(subject)};
    if (kind == "month") {
        if (period.size() != 7 || !detail::ValidDate(k.period + "-01")) throw Error(Code::kValidation, "month is YYYY-MM");
    } else if (kind == "semester") {
        if (period != "hk1" && period != "hk2") throw Error(Code::kValidation, "semester is hk1 or hk2");
    } else if (kind == "week") {
        if (!detail::ValidDate(k.period)) throw Error(Code::kValidation, "week is its Monday, YYYY-MM-DD");
    } else {
        throw Error(Code::kValidation, "kind is month, semester or week");
    }
    if (kind != "week" && !subject.empty()) {
        throw Error(Code::kValidation, "only weekly comments belong to a subject");
    }
    return k;
}

bool MayComment(const org::Actor& actor, const detail::ClassRef& c, const CommentKey& k) {
    if (k.kind == "week" && !k.subject.empty()) return detail::Teaches(actor, c, k.subject) || detail::IsBoard(actor, c);
    return detail::IsHomeroom(actor, c) || detail::IsBoard(actor, c);
}

CommentSheet BuildComments(storage::Tx& tx, const org::Actor& actor, const detail::ClassRef& c, const CommentKey& k) {
    CommentSheet sheet{c.cls.id, k.kind, k.period, k.subject, MayComment(actor, c, k), {}};
    std::map<std::int64_t, Comment> by;
    std::map<std::int64_t, std::string> names;
    for (const storage::Row& row : tx.Query(store::kComments, {c.cls.unit_id, c.cls.id, k.kind, k.period, k.subject})) {
        Comment& cm = by[row.Int(0)];
        cm.text = row.Text(1);
        auto [it, inserted] = names.try_emplace(row.Int(2));
        if (inserted) it->second = detail::AccountName(tx, row.Int(2));
        cm.author_name = it->second;
        cm.updated_at = row.Int(3);
    }
    for (const people::Student& s : detail::Roster(tx, c.cls)) {
        Comment cm = by[s.id];
        cm.student_id = s.id;
        cm.student_code = s.code;
        cm.full_name = s.full_name;
        sheet.items.push_back(std::move(cm));
    }
    return sheet;
}

}  // namespace

CommentSheet GetComments(app::Context& ctx, const org::Actor& actor, std::int64_t class_id, std::string_view kind,
                         std::string_view period, std::string_view subject) {
    CommentKey k = CheckCommentKey(kind, period, subject);
    return ctx.db.Read([&](storage::Tx& tx) {
        detail::ClassRef c = detail::LoadClass(tx, class_id);
        detail::RequireRead(actor, c);
        return BuildComments(tx, actor, c, k);
    });
}

CommentSheet SaveComments(app::Context& ctx, const org::Actor& actor, std::int64_t class_id, std::string_view kind,
                          std::string_view period, std::string_view subject, const std::vector<CommentInput>& items,
                          std::string_view client_address) {
    CommentKey k = CheckCommentKey(kind, period, subject);
    if (items.empty() || items.size() > kMaxChanges) throw Error(Code::kValidation, "items: 1 to 2000 comments");
    return ctx.db.Write([&](storage::Tx& tx) {
        detail::ClassRef c = detail::LoadClass(tx, class_id);
        detail::RequireRead(actor, c);
        if (!MayComment(actor, c, k)) {
            if (k.subject.empty()) throw Error(Code::kHomeroomNotHomeroom, "homeroom comments are the homeroom teacher's");
            throw Error(Code::kForbidden, "weekly comments of a subject are its teacher's");
        }
        org::EnsureUnlocked(tx, c.cls.unit_id, kConductModule);
        if (detail::Approved(detail::LoadYearClose(tx, c))) {
            throw Error(Code::kHomeroomLocked, "the class's year-close lists are approved");
        }
        std::set<std::int64_t> roster = gradebook::detail::RosterIds(tx, c.cls);
        const Micros now = ctx.clock.Now();
        nlohmann::json audited = nlohmann::json::array();
        for (const CommentInput& item : items) {
            if (!roster.contains(item.student_id)) {
                throw Error(Code::kValidation, "student " + std::to_string(item.student_id) + " is not in the class");
            }
            const std::string text = people::CleanText(item.text);
            if (text.size() > kMaxComment) throw Error(Code::kValidation, "a comment is at most 2000 bytes");
            auto old = tx.QueryOne(store::kFindComment, {c.cls.unit_id, c.cls.id, item.student_id, k.kind, k.period, k.subject});
            const std::string old_text = old ? old->Text(0) : "";
            if (old_text == text) continue;
            if (text.empty()) {
                tx.Exec(store::kDeleteComment, {c.cls.unit_id, c.cls.id, item.student_id, k.kind, k.period, k.subject});
            } else {
                tx.Exec(store::kUpsertComment,
                        {c.cls.unit_id, c.cls.id, item.student_id, k.kind, k.period, k.subject, text, actor.account_id, now});
            }
            audited.push_back({{"student_id", std::to_string(item.student_id)}, {"old", old_text}, {"new", text}});
        }
        if (!audited.empty()) {
            detail::Audit(tx, ctx, actor, c.cls.unit_id, "homeroom.comments_saved",
                          "comments:" + std::to_string(c.cls.id) + "/" + k.kind + "/" + k.period, client_address,
                          {{"kind", k.kind}, {"period", k.period}, {"subject", k.subject}, {"changes", audited}});
        }
        return BuildComments(tx, actor, c, k);
    });
}

// ---- Rewards and discipline ----

namespace {

StudentRecord ReadRecord(storage::Tx& tx, const storage::Row& row) {
    StudentRecord r;
    r.id = row.Int(0);
    r.class_id = row.Int(1);
    r.student_id = row.Int(2);
    r.kind = row.Text(3);
    r.date = row.Text(4);
    r.title = row.Text(5);
    r.decision = row.Text(6);
    r.note = row.Text(7);
    r.created_by_name = detail::AccountName(tx, row.Int(8));
    r.created_at = row.Int(9);
    if (auto s = people::FindStudentTx(tx, r.student_id)) r.full_name = s->full_name;
    return r;
}

}  // namespace

RecordList ListRecords(app::Context& ctx, const org::Actor& actor, std::int64_t class_id) {
    return ctx.db.Read([&](storage::Tx& tx) {
        detail::ClassRef c = detail::LoadClass(tx, class_id);
        detail::RequireRead(actor, c);
        RecordList out;
        out.class_id = c.cls.id;
        out.may_edit = detail::IsHomeroom(actor, c) || detail::IsBoard(actor, c);
        for (const storage::Row& row :
             tx.Query("SELECT " + std::string(store::kRecordColumns) +
                          " FROM homeroom_records WHERE unit_id = $1 AND class_id = $2 ORDER BY day, id",
                      {c.cls.unit_id, c.cls.id})) {
            out.items.push_back(ReadRecord(tx, row));
        }
        for (const people::Student& s : detail::Roster(tx, c.cls)) {
            out.students.push_back({s.id, s.full_name, s.priority, s.policy});
        }
        return out;
    });
}

StudentRecord AddRecord(app::Context& ctx, const org::Actor& actor, std::int64_t class_id, const RecordInput& input,
                        std::string_view client_address) {
    if (input.kind != "reward" && input.kind != "discipline") throw Error(Code::kValidation, "kind is reward or discipline");
    if (!detail::ValidDate(input.date)) throw Error(Code::kValidation, "date is YYYY-MM-DD");
    const std::string title = people::CleanText(input.title);
    const std::string decision = people::CleanText(input.decision);
    const std::string note = people::CleanText(input.note);
    if (title.empty() || title.size() > 300) throw Error(Code::kValidation, "a title (up to 300 bytes) is required");
    if (decision.size() > 200 || note.size() > kMaxComment) throw Error(Code::kValidation, "decision or note too long");
    return ctx.db.Write([&](storage::Tx& tx) {
        detail::ClassRef c = detail::LoadClass(tx, class_id);
        detail::RequireHomeroom(actor, c);
        org::EnsureUnlocked(tx, c.cls.unit_id, kConductModule);
        if (!gradebook::detail::RosterIds(tx, c.cls).contains(input.student_id)) {
            throw Error(Code::kValidation, "the student is not in the class");
        }
        if (input.date < c.year.starts_on || input.date > c.year.ends_on) {
            throw Error(Code::kValidation, "the date is outside the school year " + c.year.name);
        }
        const std::int64_t id = ctx.ids.Next();
        const Micros now = ctx.clock.Now();
        tx.Exec(store::kInsertRecord, {c.cls.unit_id, id, c.cls.id, input.student_id, input.kind, input.date, title,
                                       decision, note, actor.account_id, now});
        detail::Audit(tx, ctx, actor, c.cls.unit_id,
                      input.kind == "reward" ? "homeroom.reward_added" : "homeroom.discipline_added",
                      "student:" + std::to_string(input.student_id), client_address,
                      {{"record_id", std::to_string(id)}, {"date", input.date}, {"title", title},
                       {"decision", decision}, {"note", note}});
        auto row = tx.QueryOne("SELECT " + std::string(store::kRecordColumns) +
                                   " FROM homeroom_records WHERE unit_id = $1 AND id = $2",
                               {c.cls.unit_id, id});
        return ReadRecord(tx, *row);
    });
}

void RemoveRecord(app::Context& ctx, const org::Actor& actor, std::int64_t record_id, std::string_view reason,
                  std::string_view client_address) {
    const std::string why = people::CleanText(reason);
    if (why.empty() || why.size() > 500) throw Error(Code::kValidation, "a reason (up to 500 bytes) is required");
    ctx.db.Write([&](storage::Tx& tx) {
        auto row = tx.QueryOne("SELECT " + std::string(store::kRecordColumns) +
                                   ", unit_id FROM homeroom_records WHERE id = $1",
                               {record_id});
        if (!row) throw Error(Code::kNotFound, "no such record");
        StudentRecord r = ReadRecord(tx, *row);
        detail::ClassRef c = detail::LoadClass(tx, r.class_id);
        detail::RequireHomeroom(actor, c);
        org::EnsureUnlocked(tx, c.cls.unit_id, kConductModule);
        tx.Exec(store::kDeleteRecord, {c.cls.unit_id, r.id});
        detail::Audit(tx, ctx, actor, c.cls.unit_id, "homeroom.record_removed",
                      "student:" + std::to_string(r.student_id), client_address,
                      {{"record_id", std::to_string(r.id)}, {"kind", r.kind}, {"title", r.title}, {"reason", why}});
        return 0;
    });
}

// ---- A student's own view ----

StudentHomeroom GetStudentHomeroom(app::Context& ctx, const org::Actor& actor, std::int64_t student_id) {
    return ctx.db.Read([&](storage::Tx& tx) {
        auto student = people::FindStudentTx(tx, student_id);
        if (!student) throw Error(Code::kNotFound, "no such student");
        org::Unit school = people::SchoolOf(tx, student->unit_id);
        org::Scope scope = org::UnitScope(school);
        scope.student_id = student->id;
        auto enrolment = tx.QueryOne(
            "SELECT class_id FROM enrolments WHERE unit_id = $1 AND student_id = $2 AND status = 'active'",
            {student->unit_id, student->id});
        StudentHomeroom out;
        out.student_id = student->id;
        out.full_name = student->full_name;
        if (!enrolment) {
            org::Require(actor, org::Permission::kStudentRead, scope);
            return out;
        }
        detail::ClassRef c = detail::LoadClass(tx, enrolment->Int(0));
        scope.class_id = c.cls.id;
        if (!org::Allowed(actor, org::Permission::kStudentRead, scope)) detail::RequireRead(actor, c);
        out.class_id = c.cls.id;
        out.class_name = c.cls.name;
        out.regulation = std::string(assessment::RegulationCode(c.regulation));
        std::map<std::string, StudentHomeroom::Month> months;
        for (const storage::Row& row : tx.Query(store::kStudentMarks, {c.cls.unit_id, c.cls.id, student->id})) {
            StudentHomeroom::DayMark m{row.Text(0), row.Text(1), static_cast<int>(row.Int(2)), row.Text(3), row.Text(4)};
            if (m.period == 0) {
                StudentHomeroom::Month& month = months[m.date.substr(0, 7)];
                month.month = m.date.substr(0, 7);
                if (m.status == "excused") ++out.totals.excused, ++month.excused;
                if (m.status == "unexcused") ++out.totals.unexcused, ++month.unexcused;
                if (m.status == "late") ++out.totals.late, ++month.late;
                if ((m.status == "excused" || m.status == "unexcused") && m.session == c.main_session) ++out.totals.absences;
            } else if (m.status == "excused" || m.status == "unexcused") {
                ++out.totals.periods_absent;
            }
            out.marks.push_back(std::move(m));
        }
        for (auto& [key, month] : months) out.months.push_back(month);
        out.totals.student_id = student->id;
        out.totals.full_name = student->full_name;
        out.totals.student_code = student->code;
        ConductRow row;
        for (const storage::Row& r : tx.Query(store::kClassConduct, {c.cls.unit_id, c.cls.id})) {
            if (r.Int(0) != student->id) continue;
            ConductEntry e{r.OptInt(2) ? std::optional<int>(static_cast<int>(*r.OptInt(2))) : std::nullopt, r.Text(3),
                           false};
            const std::string period = r.Text(1);
            if (period == "hk1") row.hk1 = e;
            if (period == "hk2") row.hk2 = e;
            if (period == "year") row.year = e;
            if (period == "summer") row.summer = e;
        }
        row.student_id = student->id;
        row.student_code = student->code;
        row.full_name = student->full_name;
        FillYear(c, row);
        out.conduct = std::move(row);
        for (const storage::Row& r : tx.Query(store::kStudentComments, {c.cls.unit_id, c.cls.id, student->id})) {
            out.comments.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3), detail::AccountName(tx, r.Int(4))});
        }
        for (const storage::Row& r :
             tx.Query("SELECT " + std::string(store::kRecordColumns) +
                          " FROM homeroom_records WHERE unit_id = $1 AND student_id = $2 ORDER BY day, id",
                      {c.cls.unit_id, student->id})) {
            out.records.push_back(ReadRecord(tx, r));
        }
        return out;
    });
}

}  // namespace hocvu::homeroom
