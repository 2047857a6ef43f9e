#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "gradebook/engine_input.hpp"
#include "homeroom/internal.hpp"
#include "homeroom/service.hpp"
#include "homeroom/store.hpp"
#include "org/service.hpp"
#include "people/vn_text.hpp"

// TT27 (primary) quality and competence ratings: the homeroom teacher's counterpart of conduct for grades 1–5.
namespace hocvu::homeroom {
namespace {

constexpr std::string_view kModule = "conduct";
constexpr std::size_t kMaxChanges = 20000;
constexpr std::size_t kMaxNote = 500;
constexpr std::string_view kRecognised = "x";

std::optional<int> ParseRating(std::string_view w) {
    if (w == "T" || w == "t") return 2;
    if (w == "Đ" || w == "đ" || w == "D" || w == "d") return 1;
    if (w == "C" || w == "c") return 0;
    return std::nullopt;
}

std::string RatingWord(int rating) {
    return rating >= 2 ? "T" : rating == 1 ? "Đ" : "C";
}

detail::ClassRef LoadPrimary(storage::Tx& tx, std::int64_t class_id, int semester) {
    if (semester != 1 && semester != 2) throw Error(Code::kValidation, "semester is 1 or 2");
    detail::ClassRef c = detail::LoadClass(tx, class_id);
    if (c.regulation != assessment::Regulation::kTt27) {
        throw Error(Code::kValidation, "quality and competence ratings are for primary (TT27) classes; grades 6–12 "
                                       "have conduct");
    }
    return c;
}

/// (student, point, item) → stored value.
struct Stored {
    int rating = 0;
    std::string note;
    std::int64_t version = 0;
};
using StoredMap = std::map<std::tuple<std::int64_t, std::string, std::string>, Stored>;

StoredMap LoadStored(storage::Tx& tx, const detail::ClassRef& c, int semester) {
    StoredMap out;
    for (const storage::Row& row : tx.Query(store::kClassQualities, {c.cls.unit_id, c.cls.id, std::int64_t{semester}})) {
        out[{row.Int(0), row.Text(1), row.Text(2)}] = {static_cast<int>(row.Int(3)), row.Text(4), row.Int(5)};
    }
    return out;
}

QualitySheet BuildSheet(storage::Tx& tx, const org::Actor& actor, const detail::ClassRef& c, int semester) {
    QualitySheet sheet;
    sheet.class_id = c.cls.id;
    sheet.class_name = c.cls.name;
    sheet.semester = semester;
    detail::YearCloseState state = detail::LoadYearClose(tx, c);
    sheet.version = state.conduct_version;
    sheet.locked = state.status == "submitted" || detail::Approved(state);
    sheet.may_edit = detail::IsHomeroom(actor, c) || detail::IsBoard(actor, c);
    const StoredMap stored = LoadStored(tx, c, semester);
    for (const people::Student& s : detail::Roster(tx, c.cls)) {
        QualityRow row;
        row.student_id = s.id;
        row.student_code = s.code;
        row.full_name = s.full_name;
        for (auto it = stored.lower_bound({s.id, "", ""}); it != stored.end() && std::get<0>(it->first) == s.id;
             ++it) {
            const auto& [student, point, item] = it->first;
            if (item == gradebook::detail::kOutstandingItem) {
                row.outstanding = true;
                row.outstanding_note = it->second.note;
            } else {
                (point == "gk" ? row.gk : row.ck)[item] = RatingWord(it->second.rating);
            }
        }
        sheet.items.push_back(std::move(row));
    }
    return sheet;
}

}  // namespace

QualitySheet GetQualities(app::Context& ctx, const org::Actor& actor, std::int64_t class_id, int semester) {
    return ctx.db.Read([&](storage::Tx& tx) {
        detail::ClassRef c = LoadPrimary(tx, class_id, semester);
        detail::RequireRead(actor, c);
        return BuildSheet(tx, actor, c, semester);
    });
}

QualitySheet SaveQualities(app::Context& ctx, const org::Actor& actor, std::int64_t class_id, int semester,
                           std::int64_t base_version, const std::vector<QualityChange>& changes,
                           std::string_view client_address) {
    if (changes.empty()) throw Error(Code::kValidation, "no changes");
    if (changes.size() > kMaxChanges) throw Error(Code::kValidation, "too many changes in one save");
    return ctx.db.Write([&](storage::Tx& tx) {
        detail::ClassRef c = LoadPrimary(tx, class_id, semester);
        detail::RequireHomeroom(actor, c);
        org::EnsureUnlocked(tx, c.cls.unit_id, kModule);
        detail::YearCloseState before = detail::LoadYearClose(tx, c);
        if (before.status == "submitted" || detail::Approved(before)) {
            throw Error(Code::kHomeroomLocked, "the year-close lists are submitted or approved");
        }
        // The class's conduct version is the ratings' version too: bumping it takes the row lock first, so saves of
        // one class run one after the other.
        detail::YearCloseState state = detail::BumpYearClose(tx, ctx, c, true);
        const std::set<std::int64_t> roster = gradebook::detail::RosterIds(tx, c.cls);
        const std::vector<std::string>& items = gradebook::detail::QualityItems();
        const StoredMap stored = LoadStored(tx, c, semester);
        const Micros now = ctx.clock.Now();
        nlohmann::json audited = nlohmann::json::array();
        nlohmann::json conflicts = nlohmann::json::array();
        std::set<std::tuple<std::int64_t, std::string, std::string>> seen;
        for (const QualityChange& ch : changes) {
            if (!roster.contains(ch.student_id)) {
                throw Error(Code::kValidation, "student " + std::to_string(ch.student_id) + " is not in the class");
            }
            if (ch.point != "gk" && ch.point != "ck") throw Error(Code::kValidation, "point is gk or ck");
            const bool recognition = ch.item == gradebook::detail::kOutstandingItem;
            if (recognition && (semester != 2 || ch.point != "ck")) {
                throw Error(Code::kValidation, "the class's recognition (tieu_bieu) is given at the end of the year");
            }
            if (!recognition && std::find(items.begin(), items.end(), ch.item) == items.end()) {
                throw Error(Code::kValidation, "item is one of the 15 qualities and competences or tieu_bieu");
            }
            if (!seen.insert({ch.student_id, ch.point, ch.item}).second) {
                throw Error(Code::kValidation, "a rating is changed twice in one save");
            }
            std::optional<int> rating;
            std::string note;
            if (recognition) {
                if (!ch.rating.empty() && ch.rating != kRecognised) {
                    throw Error(Code::kValidation, "tieu_bieu is \"x\" (recognised) or \"\"");
                }
                note = people::CleanText(ch.note);
                if (!ch.rating.empty()) {
                    if (note.empty() || note.size() > kMaxNote) {
                        throw Error(Code::kValidation, "the recognised achievement or progress needs a note");
                    }
                    rating = 1;
                }
            } else if (!ch.rating.empty()) {
                rating = ParseRating(ch.rating);
                if (!rating) throw Error(Code::kValidation, "rating is T, Đ or C");
            }
            auto word = [&](const std::optional<int>& r) {
                if (!r) return std::string();
                return recognition ? std::string(kRecognised) : RatingWord(*r);
            };
            auto old = stored.find({ch.student_id, ch.point, ch.item});
            const std::optional<int> old_rating =
                old == stored.end() ? std::nullopt : std::optional<int>(old->second.rating);
            const std::string old_note = old == stored.end() ? std::string() : old->second.note;
            if (old != stored.end() && old->second.version > base_version && old_rating != rating) {
                conflicts.push_back({{"student_id", std::to_string(ch.student_id)},
                                     {"point", ch.point},
                                     {"item", ch.item},
                                     {"yours", word(rating)},
                                     {"theirs", word(old_rating)}});
                continue;
            }
            if (old_rating == rating && old_note == note) continue;
            const storage::Params key = {c.cls.unit_id, c.cls.id, ch.student_id, std::int64_t{semester}, ch.point,
                                         ch.item};
            if (!rating) {
                tx.Exec(store::kDeleteQuality, key);
            } else {
                tx.Exec(store::kUpsertQuality, {c.cls.unit_id, c.cls.id, ch.student_id, std::int64_t{semester},
                                                ch.point, ch.item, std::int64_t{*rating}, note,
                                                state.conduct_version, actor.account_id, now});
            }
            nlohmann::json entry = {{"student_id", std::to_string(ch.student_id)},
                                    {"point", ch.point},
                                    {"item", ch.item},
                                    {"old", word(old_rating)},
                                    {"new", word(rating)}};
            if (recognition) entry["note"] = note;
            audited.push_back(std::move(entry));
        }
        if (!conflicts.empty()) {
            throw detail::Refused(Code::kHomeroomConflict, "some ratings were changed by someone else",
                                  {{"conflicts", conflicts}});
        }
        detail::Audit(tx, ctx, actor, c.cls.unit_id, "homeroom.qualities_saved",
                      "qualities:" + std::to_string(c.cls.id), client_address,
                      {{"semester", semester}, {"version", state.conduct_version}, {"changes", audited}});
        return BuildSheet(tx, actor, c, semester);
    });
}

}  // namespace hocvu::homeroom
