#include <algorithm>

#include "homeroom/internal.hpp"
#include "homeroom/service.hpp"
#include "homeroom/store.hpp"
#include "org/policy.hpp"
#include "org/service.hpp"
#include "people/service.hpp"
#include "schooling/service.hpp"

/// GB-4 for the principal board: the year-close state of every class of a school in one answer (the approval page
/// used to ask class by class).
namespace hocvu::homeroom {
namespace {

bool AllDigits(std::string_view text) {
    return !text.empty() && text.size() < 19 &&
           std::all_of(text.begin(), text.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

/// The year `text` names (id or name) in the school, or its latest year when empty; nothing when the school has
/// no year yet.
std::optional<schooling::SchoolYear> ResolveYear(storage::Tx& tx, std::int64_t unit_id, std::string_view text) {
    std::optional<schooling::SchoolYear> year;
    if (text.empty()) {
        if (auto latest = tx.QueryOne(store::kLatestYear, {unit_id})) year = schooling::FindYearTx(tx, latest->Int(0));
        return year;
    }
    year = schooling::FindYearByNameTx(tx, unit_id, text);
    if (!year && AllDigits(text)) year = schooling::FindYearTx(tx, std::stoll(std::string(text)));
    if (!year || year->unit_id != unit_id) throw Error(Code::kNotFound, "no such school year");
    return year;
}

}  // namespace

SchoolYearClose GetSchoolYearClose(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id,
                                   std::string_view year_text) {
    SchoolYearClose out = ctx.db.Read([&](storage::Tx& tx) {
        org::Unit school = people::SchoolOf(tx, unit_id);
        if (!org::Allowed(actor, org::Permission::kReportRead, org::UnitScope(school))) {
            throw Error(Code::kForbidden, "not allowed: the school's year-close lists");
        }
        SchoolYearClose s;
        s.unit_id = school.id;
        s.school_name = school.name;
        s.may_decide = org::Allowed(actor, org::Permission::kScoreApprove, org::UnitScope(school));
        if (auto year = ResolveYear(tx, unit_id, year_text)) {
            s.year_id = year->id;
            s.year = year->name;
        }
        return s;
    });
    if (out.year_id == 0) return out;
    for (const schooling::ClassInfo& c : schooling::ListClasses(ctx, actor, unit_id, std::to_string(out.year_id))) {
        SchoolYearCloseRow row;
        row.class_id = c.id;
        row.class_name = c.name;
        row.grade = c.grade;
        row.homeroom_name = c.homeroom_name;
        row.student_count = c.student_count;
        row.lists = {{"promoted", 0}, {"retained", 0}, {"reassessment", 0}, {"summer_training", 0}};
        out.items.push_back(std::move(row));
    }
    ctx.db.Read([&](storage::Tx& tx) {
        std::map<std::int64_t, SchoolYearCloseRow*> by_class;
        for (SchoolYearCloseRow& row : out.items) by_class[row.class_id] = &row;
        for (const storage::Row& r : tx.Query(store::kSchoolYearClose, {out.unit_id, out.year_id})) {
            auto it = by_class.find(r.Int(0));
            if (it == by_class.end()) continue;
            SchoolYearCloseRow& row = *it->second;
            row.status = r.Text(1);
            row.version = r.Int(2);
            if (auto by = r.OptInt(3)) row.submitted_by_name = detail::AccountName(tx, *by);
            row.submitted_at = r.OptInt(4);
            if (auto by = r.OptInt(5)) row.decided_by_name = detail::AccountName(tx, *by);
            row.decided_at = r.OptInt(6);
            row.decision_note = r.Text(7);
        }
        for (const storage::Row& r : tx.Query(store::kSchoolYearCloseCounts, {out.unit_id, out.year_id})) {
            auto it = by_class.find(r.Int(0));
            if (it == by_class.end()) continue;
            SchoolYearCloseRow& row = *it->second;
            const std::string outcome = r.Text(1);
            const std::string final_outcome = r.Text(2);
            const int n = static_cast<int>(r.Int(3));
            if (row.lists.contains(outcome)) row.lists[outcome] += n;
            if (final_outcome == "promoted") {
                row.final_promoted += n;
            } else if (final_outcome == "retained") {
                row.final_retained += n;
            } else {
                row.final_pending += n;
            }
        }
        return 0;
    });
    return out;
}

}  // namespace hocvu::homeroom
