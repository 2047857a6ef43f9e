#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "gradebook/rules.hpp"
#include "homeroom/internal.hpp"
#include "homeroom/service.hpp"
#include "homeroom/store.hpp"
#include "org/service.hpp"
#include "people/vn_text.hpp"

namespace hocvu::homeroom {
namespace {

constexpr std::string_view kModule = "attendance";
constexpr std::size_t kMaxChanges = 2000;
constexpr std::size_t kMaxNote = 200;
constexpr std::size_t kMaxReason = 500;
constexpr int kMaxPeriod = 10;

bool ValidStatus(std::string_view s) {
    return s == "present" || s == "excused" || s == "unexcused" || s == "late";
}

void CheckDate(const detail::ClassRef& c, const std::string& date, const std::string& today) {
    if (!detail::ValidDate(date)) throw Error(Code::kValidation, "date is YYYY-MM-DD");
    if (date < c.year.starts_on || date > c.year.ends_on) {
        throw Error(Code::kValidation, "the date is outside the school year " + c.year.name);
    }
    if (date > today) throw Error(Code::kValidation, "roll-call cannot be taken for a day still to come");
}

Attendance Build(storage::Tx& tx, app::Context& ctx, const org::Actor& actor, const detail::ClassRef& c,
                 const std::string& date) {
    Attendance a;
    a.class_id = c.cls.id;
    a.class_name = c.cls.name;
    a.date = date;
    a.main_session = c.main_session;
    if (auto row = tx.QueryOne(store::kDayVersion, {c.cls.unit_id, c.cls.id, date})) a.version = row->Int(0);
    detail::YearCloseState state = detail::LoadYearClose(tx, c);
    a.may_edit = !detail::Approved(state) && (detail::IsHomeroom(actor, c) || detail::IsBoard(actor, c));
    a.reason_required = date < detail::Today(ctx.clock);
    std::map<std::int64_t, std::vector<Mark>> marks;
    std::map<std::int64_t, std::string> names;
    for (const storage::Row& row : tx.Query(store::kDayMarks, {c.cls.unit_id, c.cls.id, date})) {
        Mark m{row.Int(0), row.Text(1), static_cast<int>(row.Int(2)), row.Text(3), row.Text(4), row.Int(5),
               row.Int(6), "", row.Int(7)};
        auto [it, inserted] = names.try_emplace(m.updated_by);
        if (inserted) it->second = detail::AccountName(tx, m.updated_by);
        m.updated_by_name = it->second;
        marks[m.student_id].push_back(std::move(m));
    }
    for (const people::Student& s : detail::Roster(tx, c.cls)) {
        a.students.push_back({s.id, s.code, s.full_name, std::move(marks[s.id])});
    }
    return a;
}

}  // namespace

Attendance GetAttendance(app::Context& ctx, const org::Actor& actor, std::int64_t class_id, std::string_view date) {
    return ctx.db.Read([&](storage::Tx& tx) {
        detail::ClassRef c = detail::LoadClass(tx, class_id);
        detail::RequireRead(actor, c);
        std::string day(date);
        if (!detail::ValidDate(day)) throw Error(Code::kValidation, "date is YYYY-MM-DD");
        return Build(tx, ctx, actor, c, day);
    });
}

Attendance SaveAttendance(app::Context& ctx, const org::Actor& actor, const AttendanceSave& input,
                          std::string_view client_address) {
    if (input.changes.empty()) throw Error(Code::kValidation, "no changes");
    if (input.changes.size() > kMaxChanges) throw Error(Code::kValidation, "too many changes in one save");
    const std::string reason = people::CleanText(input.reason);
    if (reason.size() > kMaxReason) throw Error(Code::kValidation, "the reason is too long");
    for (const MarkChange& ch : input.changes) {
        if (ch.session != "morning" && ch.session != "afternoon") {
            throw Error(Code::kValidation, "session is morning or afternoon");
        }
        if (ch.period < 0 || ch.period > kMaxPeriod) throw Error(Code::kValidation, "period is 0–10");
        if (!ValidStatus(ch.status)) throw Error(Code::kValidation, "status is present, excused, unexcused or late");
        if (ch.note.size() > kMaxNote) throw Error(Code::kValidation, "a note is at most 200 bytes");
    }
    ctx.db.Write([&](storage::Tx& tx) {
        detail::ClassRef c = detail::LoadClass(tx, input.class_id);
        detail::RequireRead(actor, c);
        const bool homeroom = detail::IsHomeroom(actor, c) || detail::IsBoard(actor, c);
        for (const MarkChange& ch : input.changes) {
            if (ch.period == 0 && !homeroom) {
                throw Error(Code::kHomeroomNotHomeroom, "whole-session roll-call is the homeroom teacher's");
            }
            if (ch.period > 0 && !homeroom && !detail::TeachesAny(actor, c)) {
                throw Error(Code::kForbidden, "only teachers of the class mark periods");
            }
        }
        const std::string today = detail::Today(ctx.clock);
        CheckDate(c, input.date, today);
        org::EnsureUnlocked(tx, c.cls.unit_id, kModule);
        if (detail::Approved(detail::LoadYearClose(tx, c))) {
            throw Error(Code::kHomeroomLocked, "the class's year-close lists are approved");
        }
        const bool late = input.date < today;
        if (late && reason.empty()) {
            throw Error(Code::kValidation, "a change after the day needs a reason");
        }
        const Micros now = ctx.clock.Now();
        tx.Exec(store::kEnsureDay, {c.cls.unit_id, c.cls.id, input.date, now});
        auto bumped = tx.QueryOne(store::kBumpDay, {c.cls.unit_id, c.cls.id, input.date, now});
        const std::int64_t version = bumped->Int(0);
        std::set<std::int64_t> roster = gradebook::detail::RosterIds(tx, c.cls);
        std::map<std::tuple<std::int64_t, std::string, int>, Mark> stored;
        for (const storage::Row& row : tx.Query(store::kDayMarks, {c.cls.unit_id, c.cls.id, input.date})) {
            stored[{row.Int(0), row.Text(1), static_cast<int>(row.Int(2))}] =
                Mark{row.Int(0), row.Text(1), static_cast<int>(row.Int(2)), row.Text(3), row.Text(4), row.Int(5),
                     row.Int(6), "", row.Int(7)};
        }
        nlohmann::json conflicts = nlohmann::json::array();
        nlohmann::json changes = nlohmann::json::array();
        std::set<std::tuple<std::int64_t, std::string, int>> seen;
        for (const MarkChange& ch : input.changes) {
            if (!roster.contains(ch.student_id)) {
                throw Error(Code::kValidation, "student " + std::to_string(ch.student_id) + " is not in the class");
            }
            auto key = std::make_tuple(ch.student_id, ch.session, ch.period);
            if (!seen.insert(key).second) throw Error(Code::kValidation, "a mark is changed twice in one save");
            auto it = stored.find(key);
            const std::string old = it == stored.end() ? "present" : it->second.status;
            if (it != stored.end() && it->second.version > input.base_version && old != ch.status) {
                conflicts.push_back({{"student_id", std::to_string(ch.student_id)},
                                     {"session", ch.session},
                                     {"period", ch.period},
                                     {"yours", ch.status},
                                     {"theirs", old},
                                     {"changed_by", detail::AccountName(tx, it->second.updated_by)},
                                     {"changed_at", gradebook::FormatTime(it->second.updated_at)}});
                continue;
            }
            const std::string note = people::CleanText(ch.note);
            if (it != stored.end() && old == ch.status && it->second.note == note) continue;
            if (it == stored.end() && ch.status == "present" && note.empty()) continue;
            tx.Exec(store::kUpsertMark, {c.cls.unit_id, c.cls.id, input.date, ch.student_id, ch.session,
                                         std::int64_t{ch.period}, ch.status, note, version, actor.account_id, now});
            changes.push_back({{"student_id", std::to_string(ch.student_id)},
                               {"session", ch.session},
                               {"period", ch.period},
                               {"old", old},
                               {"new", ch.status},
                               {"note", note}});
        }
        if (!conflicts.empty()) {
            throw detail::Refused(Code::kHomeroomConflict, "some marks were changed by someone else",
                                  {{"conflicts", conflicts}});
        }
        detail::Audit(tx, ctx, actor, c.cls.unit_id,
                      late ? "homeroom.attendance_corrected" : "homeroom.attendance_saved",
                      "attendance:" + std::to_string(c.cls.id) + "/" + input.date, client_address,
                      {{"date", input.date}, {"version", version}, {"after_the_day", late}, {"reason", reason},
                       {"changes", changes}});
        return 0;
    });
    Attendance out = GetAttendance(ctx, actor, input.class_id, input.date);
    return out;
}

AttendanceTotals GetAttendanceTotals(app::Context& ctx, const org::Actor& actor, std::int64_t class_id,
                                     std::string_view period) {
    return ctx.db.Read([&](storage::Tx& tx) {
        detail::ClassRef c = detail::LoadClass(tx, class_id);
        detail::RequireRead(actor, c);
        AttendanceTotals t;
        t.class_id = c.cls.id;
        t.period = std::string(period);
        if (period == "hk1" || period == "hk2" || period == "year") {
            std::tie(t.from, t.to) = detail::PeriodRange(c, period);
        } else if (period.size() == 7 && detail::ValidDate(std::string(period) + "-01")) {
            t.from = std::string(period) + "-01";
            t.to = std::string(period) + "-31";
        } else {
            throw Error(Code::kValidation, "period is YYYY-MM, hk1, hk2 or year");
        }
        std::map<std::int64_t, AbsenceTotals> by;
        for (const storage::Row& row : tx.Query(store::kRangeMarks, {c.cls.unit_id, c.cls.id, t.from, t.to})) {
            AbsenceTotals& a = by[row.Int(0)];
            const std::string session = row.Text(2);
            const std::int64_t p = row.Int(3);
            const std::string status = row.Text(4);
            if (p > 0) {
                if (status == "excused" || status == "unexcused") ++a.periods_absent;
                continue;
            }
            if (status == "excused") ++a.excused;
            if (status == "unexcused") ++a.unexcused;
            if (status == "late") ++a.late;
            if ((status == "excused" || status == "unexcused") && session == c.main_session) ++a.absences;
        }
        for (const people::Student& s : detail::Roster(tx, c.cls)) {
            AbsenceTotals a = by[s.id];
            a.student_id = s.id;
            a.student_code = s.code;
            a.full_name = s.full_name;
            t.items.push_back(std::move(a));
        }
        return t;
    });
}

}  // namespace hocvu::homeroom
