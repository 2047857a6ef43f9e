#include "gradebook/service.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <map>
#include <set>

#include "audit/chain.hpp"
#include "common/error.hpp"
#include "common/json_text.hpp"
#include "gradebook/rules.hpp"
#include "gradebook/setup.hpp"
#include "gradebook/store.hpp"
#include "org/policy.hpp"
#include "org/service.hpp"
#include "people/service.hpp"
#include "schooling/service.hpp"

namespace hocvu::gradebook {
namespace {

constexpr std::string_view kModule = "score_entry";
constexpr std::size_t kMaxReason = 500;
constexpr std::size_t kMaxChanges = 5000;
constexpr std::size_t kRowsPerStatement = 50;

/// Thrown inside a write transaction to roll it back and return the outcome instead.
struct Rejected {
    SaveOutcome outcome;
};

/// A JSON string literal for the audit details (common/json_text.hpp).
std::string Json(std::string_view text) {
    return JsonString(text);
}

std::string SheetTarget(std::int64_t class_id, std::string_view subject, int semester) {
    return "sheet:" + std::to_string(class_id) + "/" + std::string(subject) + "/" + std::to_string(semester);
}

void CheckSemester(int semester) {
    if (semester != 1 && semester != 2) throw Error(Code::kValidation, "semester is 1 or 2");
}

/// A change checked against the sheet, ready to write.
struct Planned {
    const CellChange* change;
    CellValue value;
    std::string old_text;
};

/// The shared core of a save and an approved correction: validates, detects conflicts and closed windows, writes
/// the cells, one audit entry for the batch and a history line per cell. Throws Rejected for a refused batch.
SaveOutcome Apply(storage::Tx& tx, app::Context& ctx, const org::Actor& actor, const detail::ClassSetup& setup,
                  const detail::SubjectSetup& subject, int semester, std::int64_t base_version,
                  const std::vector<CellChange>& changes, std::optional<std::int64_t> correction_id,
                  std::string_view client_address) {
    const schooling::ClassInfo& cls = setup.cls;
    const Micros now = ctx.clock.Now();
    org::EnsureUnlocked(tx, cls.unit_id, kModule);
    if (auto lock = detail::CoveringLock(tx, cls.unit_id, cls.id, subject.code, semester)) {
        SaveOutcome out;
        out.status = SaveOutcome::Status::kLocked;
        out.detail = lock->subject_code == "*" ? "sổ điểm của lớp đã khóa" : "bảng điểm đã khóa";
        if (!lock->reason.empty()) out.detail += ": " + lock->reason;
        throw Rejected{out};
    }
    tx.Exec(store::kEnsureSheet, {cls.unit_id, cls.id, subject.code, std::int64_t{semester}, now});
    // The row lock of the sheet: concurrent saves of one sheet are serialised from here on.
    const auto bumped =
        tx.QueryOne(store::kBumpSheet, {cls.unit_id, cls.id, subject.code, std::int64_t{semester}, now});
    const std::int64_t version = bumped->Int(0);
    if (!bumped->IsNull(1) && !correction_id && !detail::IsPrincipalBoard(actor, setup)) {
        SaveOutcome out;
        out.status = SaveOutcome::Status::kLocked;
        out.detail = "bảng điểm đã được giáo viên xác nhận (GB-8)";
        throw Rejected{out};
    }

    const std::set<std::int64_t> roster = detail::RosterIds(tx, cls);
    const std::set<std::int64_t> exempt = detail::Exempt(tx, cls, subject.code, semester);
    std::set<std::string> items;
    for (const CellChange& change : changes) items.insert(change.item);
    auto cells = detail::LoadCells(tx, cls.unit_id, cls.id, subject.code, semester, &items);
    std::vector<std::string> closed;
    if (!correction_id) closed = detail::ClosedKinds(detail::Windows(tx, cls.unit_id, cls.year_id, semester), now);

    SaveOutcome out;
    std::vector<Planned> planned;
    std::set<std::pair<std::int64_t, std::string>> seen;
    std::set<std::string> closed_hit;
    std::map<std::int64_t, std::string> names;
    for (const CellChange& change : changes) {
        auto invalid = [&](std::string message) {
            out.violations.push_back({change.student_id, change.item, std::move(message)});
        };
        auto column = std::find_if(subject.columns.begin(), subject.columns.end(),
                                   [&](const Column& c) { return c.item == change.item; });
        if (column == subject.columns.end()) {
            invalid("cột điểm không có trong bảng điểm");
            continue;
        }
        if (!roster.contains(change.student_id)) {
            invalid("học sinh không thuộc lớp");
            continue;
        }
        if (exempt.contains(change.student_id)) {
            invalid("học sinh được miễn môn học kì này");
            continue;
        }
        if (!seen.insert({change.student_id, change.item}).second) {
            invalid("ô điểm xuất hiện hai lần trong một lần lưu");
            continue;
        }
        if (change.reason.size() > kMaxReason) {
            invalid("lý do dài quá 500 byte");
            continue;
        }
        auto value = ParseColumnValue(column->type, change.value);
        if (!value) {
            invalid(std::string(InvalidValueMessage(column->type)));
            continue;
        }
        if (change.status == CellStatus::kPending && !value->Empty()) {
            invalid("ô chờ kiểm tra bù không có điểm");
            continue;
        }
        if (change.status == CellStatus::kNoMakeup) {
            bool zero = column->type == CellType::kScore     ? (value->score && value->score->tenths() == 0)
                        : column->type == CellType::kComment ? (value->pass == false)
                                                             : false;
            if (!zero || change.reason.empty()) {
                invalid("không kiểm tra bù: điểm 0 (hoặc CĐ) kèm lý do (TT22 Điều 7 khoản 4)");
                continue;
            }
        }
        if ((change.status == CellStatus::kMakeup) && value->Empty()) {
            invalid("điểm kiểm tra bù còn trống");
            continue;
        }
        CellValue old;
        CellStatus old_status = CellStatus::kEntered;
        const Cell* existing = nullptr;
        if (auto it = cells.find(change.student_id); it != cells.end()) {
            for (const Cell& c : it->second) {
                if (c.item == change.item) existing = &c;
            }
        }
        if (existing) {
            old = existing->value;
            old_status = existing->status;
        }
        if (old == *value && old_status == change.status) continue;
        if (existing && existing->version > base_version) {
            auto [name, inserted] = names.try_emplace(existing->updated_by);
            if (inserted) name->second = detail::AccountName(tx, existing->updated_by);
            out.conflicts.push_back({change.student_id, change.item, value->Text(), old.Text(), name->second,
                                     existing->updated_at});
            continue;
        }
        if (std::find(closed.begin(), closed.end(), ItemKindCode(column->kind)) != closed.end()) {
            closed_hit.insert(std::string(ItemKindCode(column->kind)));
            continue;
        }
        planned.push_back({&change, *value, old.Text()});
    }
    if (!out.violations.empty()) {
        out.status = SaveOutcome::Status::kInvalid;
        throw Rejected{out};
    }
    if (!closed_hit.empty()) {
        out.status = SaveOutcome::Status::kWindowClosed;
        out.closed_items.assign(closed_hit.begin(), closed_hit.end());
        out.detail = "đã hết thời hạn nhập điểm; gửi yêu cầu điều chỉnh để hiệu trưởng duyệt (GB-7)";
        throw Rejected{out};
    }
    if (!out.conflicts.empty()) {
        out.status = SaveOutcome::Status::kConflict;
        out.detail = "điểm đã được người khác thay đổi sau khi bạn mở bảng điểm";
        throw Rejected{out};
    }
    out.status = SaveOutcome::Status::kSaved;
    out.version = version;
    out.changed = static_cast<int>(planned.size());
    if (planned.empty()) return out;

    const std::string subject_code = subject.code;
    for (std::size_t begin = 0; begin < planned.size(); begin += kRowsPerStatement) {
        const std::size_t end = std::min(planned.size(), begin + kRowsPerStatement);
        std::string sql(store::kUpsertCellsHead);
        storage::Params params;
        params.reserve((end - begin) * 13);
        for (std::size_t i = begin; i < end; ++i) {
            const Planned& p = planned[i];
            std::size_t n = params.size();
            if (i > begin) sql += ", ";
            sql += "(";
            for (int k = 1; k <= 13; ++k) sql += (k > 1 ? ", $" : "$") + std::to_string(n + k);
            sql += ")";
            params.emplace_back(cls.unit_id);
            params.emplace_back(cls.id);
            params.emplace_back(subject_code);
            params.emplace_back(std::int64_t{semester});
            params.emplace_back(p.change->student_id);
            params.emplace_back(p.change->item);
            params.push_back(p.value.score ? storage::Value(std::int64_t{p.value.score->tenths()})
                                           : storage::Value(nullptr));
            params.push_back(p.value.pass ? storage::Value(std::int64_t{*p.value.pass ? 1 : 0})
                                          : storage::Value(nullptr));
            params.emplace_back(std::string(CellStatusCode(p.change->status)));
            params.emplace_back(version);
            params.emplace_back(actor.account_id);
            params.emplace_back(now);
            params.push_back(p.value.level ? storage::Value(std::int64_t{*p.value.level}) : storage::Value(nullptr));
        }
        sql += store::kUpsertCellsTail;
        tx.Exec(sql, params);
    }

    std::string details = "{\"class_id\":" + std::to_string(cls.id) + ",\"subject\":" + Json(subject_code) +
                          ",\"semester\":" + std::to_string(semester) + ",\"version\":" + std::to_string(version);
    if (correction_id) details += ",\"approval_id\":" + std::to_string(*correction_id);
    details += ",\"changes\":[";
    for (std::size_t i = 0; i < planned.size(); ++i) {
        const Planned& p = planned[i];
        if (i > 0) details += ",";
        details += "{\"student_id\":" + std::to_string(p.change->student_id) + ",\"item\":" + Json(p.change->item) +
                   ",\"old\":" + Json(p.old_text) + ",\"new\":" + Json(p.value.Text()) +
                   ",\"status\":" + Json(CellStatusCode(p.change->status)) + ",\"reason\":" + Json(p.change->reason) +
                   "}";
    }
    details += "]}";
    const std::int64_t audit_id =
        audit::Append(tx, ctx.ids, ctx.clock,
                      {cls.unit_id, actor.account_id,
                       correction_id ? "gradebook.correction_applied" : "gradebook.scores_saved",
                       SheetTarget(cls.id, subject_code, semester), std::string(client_address), details});

    for (std::size_t begin = 0; begin < planned.size(); begin += kRowsPerStatement) {
        const std::size_t end = std::min(planned.size(), begin + kRowsPerStatement);
        std::string sql(store::kInsertHistoryHead);
        storage::Params params;
        params.reserve((end - begin) * 14);
        for (std::size_t i = begin; i < end; ++i) {
            const Planned& p = planned[i];
            std::size_t n = params.size();
            if (i > begin) sql += ", ";
            sql += "(";
            for (int k = 1; k <= 14; ++k) sql += (k > 1 ? ", $" : "$") + std::to_string(n + k);
            sql += ")";
            params.emplace_back(cls.unit_id);
            params.emplace_back(ctx.ids.Next());
            params.emplace_back(cls.id);
            params.emplace_back(subject_code);
            params.emplace_back(std::int64_t{semester});
            params.emplace_back(p.change->student_id);
            params.emplace_back(p.change->item);
            params.emplace_back(p.old_text);
            params.emplace_back(p.value.Text());
            params.emplace_back(p.change->reason);
            params.emplace_back(actor.account_id);
            params.emplace_back(now);
            params.emplace_back(audit_id);
            params.push_back(correction_id ? storage::Value(*correction_id) : storage::Value(nullptr));
        }
        tx.Exec(sql, params);
    }
    return out;
}

}  // namespace

SaveOutcome SaveScores(app::Context& ctx, const org::Actor& actor, const SaveInput& input,
                       std::string_view client_address, Sheet* sheet_after) {
    CheckSemester(input.semester);
    if (input.changes.empty()) throw Error(Code::kValidation, "no changes");
    if (input.changes.size() > kMaxChanges) throw Error(Code::kValidation, "at most 5000 changes in one save");
    // The class's setup (year, regulation, subjects) is read before the write transaction, so that the one SQLite
    // writer spends its time on the sheet only; setup changes are rare and never concern scores already entered.
    const detail::ClassSetup setup =
        ctx.db.Read([&](storage::Tx& tx) { return detail::LoadClassSetup(tx, input.class_id); });
    const detail::SubjectSetup& subject = setup.Subject(input.subject_code);
    if (!detail::MayEnter(actor, setup, subject.code)) throw Error(Code::kForbidden, "not allowed: score.enter");
    SaveOutcome outcome;
    try {
        outcome = ctx.db.Write([&](storage::Tx& tx) {
            return Apply(tx, ctx, actor, setup, subject, input.semester, input.base_version, input.changes,
                         std::nullopt, client_address);
        });
    } catch (Rejected& rejected) {
        return std::move(rejected.outcome);
    }
    if (sheet_after) {
        *sheet_after = ctx.db.Read([&](storage::Tx& tx) {
            org::Require(actor, org::Permission::kScoreRead, detail::SheetScope(setup, subject.code));
            return detail::BuildSheet(tx, setup, subject, input.semester, actor, ctx.clock.Now());
        });
    }
    return outcome;
}

EntryWindow SetEntryWindow(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id,
                           const EntryWindow& window, bool clear, std::string_view client_address) {
    CheckSemester(window.semester);
    if (!clear && window.opens_at >= window.closes_at) {
        throw Error(Code::kValidation, "the window must open before it closes");
    }
    ctx.db.Write([&](storage::Tx& tx) {
        org::Unit school = people::SchoolOf(tx, unit_id);
        org::Require(actor, org::Permission::kScoreApprove, org::UnitScope(school));
        auto year = schooling::FindYearTx(tx, window.year_id);
        if (!year || year->unit_id != school.id) throw Error(Code::kNotFound, "no such school year");
        const std::string kind(ItemKindCode(window.kind));
        const storage::Params key{school.id, window.year_id, std::int64_t{window.semester}, kind};
        auto old = tx.QueryOne(store::kFindWindow, key);
        tx.Exec(store::kDeleteWindow, key);
        if (!clear) {
            tx.Exec(store::kInsertWindow, {school.id, window.year_id, std::int64_t{window.semester}, kind,
                                           window.opens_at, window.closes_at, actor.account_id, ctx.clock.Now()});
        }
        std::string details = "{\"year_id\":" + std::to_string(window.year_id) +
                              ",\"semester\":" + std::to_string(window.semester) + ",\"item_kind\":" + Json(kind);
        if (old) {
            details += ",\"old\":{\"opens_at\":" + Json(FormatTime(old->Int(0))) +
                       ",\"closes_at\":" + Json(FormatTime(old->Int(1))) + "}";
        }
        if (!clear) {
            details += ",\"new\":{\"opens_at\":" + Json(FormatTime(window.opens_at)) +
                       ",\"closes_at\":" + Json(FormatTime(window.closes_at)) + "}";
        }
        details += "}";
        audit::Append(tx, ctx.ids, ctx.clock,
                      {school.id, actor.account_id, clear ? "gradebook.window_cleared" : "gradebook.window_set",
                       "year:" + std::to_string(window.year_id), std::string(client_address), details});
    });
    return window;
}

void SetLock(app::Context& ctx, const org::Actor& actor, std::int64_t class_id, std::string_view subject,
             int semester, bool locked, std::string_view reason, std::string_view client_address) {
    if (reason.size() > kMaxReason) throw Error(Code::kValidation, "the reason has at most 500 bytes");
    const bool book = subject == "*";
    if (book ? (semester < 0 || semester > 2) : (semester != 1 && semester != 2)) {
        throw Error(Code::kValidation, "semester is 1 or 2 (0, the whole year, for a book lock)");
    }
    ctx.db.Write([&](storage::Tx& tx) {
        detail::ClassSetup setup = detail::LoadClassSetup(tx, class_id);
        org::Require(actor, org::Permission::kScoreApprove, org::UnitScope(setup.school));
        if (!book) setup.Subject(subject);
        const storage::Params key{setup.cls.unit_id, class_id, std::string(subject), std::int64_t{semester}};
        const bool was = tx.QueryOne(store::kFindLock, key).has_value();
        if (locked && !was) {
            tx.Exec(store::kInsertLock, {setup.cls.unit_id, class_id, std::string(subject), std::int64_t{semester},
                                         actor.account_id, ctx.clock.Now(), std::string(reason)});
        } else if (!locked && was) {
            tx.Exec(store::kDeleteLock, key);
        }
        audit::Append(tx, ctx.ids, ctx.clock,
                      {setup.cls.unit_id, actor.account_id, locked ? "gradebook.locked" : "gradebook.unlocked",
                       "class:" + std::to_string(class_id), std::string(client_address),
                       "{\"subject\":" + Json(subject) + ",\"semester\":" + std::to_string(semester) +
                           ",\"reason\":" + Json(reason) + ",\"changed\":" + (was != locked ? "true" : "false") +
                           "}"});
    });
}

void ConfirmSheet(app::Context& ctx, const org::Actor& actor, std::int64_t class_id, std::string_view subject_code,
                  int semester, bool confirmed, std::string_view client_address) {
    CheckSemester(semester);
    ctx.db.Write([&](storage::Tx& tx) {
        detail::ClassSetup setup = detail::LoadClassSetup(tx, class_id);
        const detail::SubjectSetup& subject = setup.Subject(subject_code);
        if (confirmed) {
            if (!org::Allowed(actor, org::Permission::kScoreEnter, detail::SheetScope(setup, subject.code))) {
                throw Error(Code::kForbidden, "only the subject teacher confirms the sheet");
            }
        } else {
            org::Require(actor, org::Permission::kScoreApprove, org::UnitScope(setup.school));
        }
        const Micros now = ctx.clock.Now();
        if (confirmed) {
            // A5: a missing or pending assessment blocks the confirmation.
            auto cells = detail::LoadCells(tx, setup.cls.unit_id, class_id, subject.code, semester);
            const std::set<std::int64_t> exempt = detail::Exempt(tx, setup.cls, subject.code, semester);
            int missing = 0;
            for (std::int64_t s : detail::RosterIds(tx, setup.cls)) {
                if (exempt.contains(s)) continue;
                for (const Column& col : subject.columns) {
                    if (col.optional) continue;
                    const auto& row = cells[s];
                    bool has = std::any_of(row.begin(), row.end(),
                                           [&](const Cell& c) { return c.item == col.item && !c.value.Empty(); });
                    if (!has) ++missing;
                }
            }
            if (missing > 0) {
                throw Error(Code::kValidation,
                            "còn " + std::to_string(missing) + " ô điểm chưa nhập hoặc chờ kiểm tra bù");
            }
        }
        tx.Exec(store::kEnsureSheet, {setup.cls.unit_id, class_id, subject.code, std::int64_t{semester}, now});
        tx.Exec(store::kConfirmSheet,
                {setup.cls.unit_id, class_id, subject.code, std::int64_t{semester},
                 confirmed ? storage::Value(actor.account_id) : storage::Value(nullptr),
                 confirmed ? storage::Value(now) : storage::Value(nullptr)});
        audit::Append(tx, ctx.ids, ctx.clock,
                      {setup.cls.unit_id, actor.account_id,
                       confirmed ? "gradebook.sheet_confirmed" : "gradebook.sheet_reopened",
                       SheetTarget(class_id, subject.code, semester), std::string(client_address), "{}"});
    });
}

Correction RequestCorrection(app::Context& ctx, const org::Actor& actor, const CorrectionInput& input,
                             std::string_view client_address) {
    CheckSemester(input.semester);
    if (input.reason.empty() || input.reason.size() > kMaxReason) {
        throw Error(Code::kValidation, "a reason of at most 500 bytes is required");
    }
    return ctx.db.Write([&](storage::Tx& tx) {
        detail::ClassSetup setup = detail::LoadClassSetup(tx, input.class_id);
        const detail::SubjectSetup& subject = setup.Subject(input.subject_code);
        if (!detail::MayEnter(actor, setup, subject.code)) throw Error(Code::kForbidden, "not allowed: score.enter");
        auto column = std::find_if(subject.columns.begin(), subject.columns.end(),
                                   [&](const Column& c) { return c.item == input.item; });
        if (column == subject.columns.end()) throw Error(Code::kValidation, "no such column");
        auto value = ParseColumnValue(column->type, input.new_value);
        if (!value) throw Error(Code::kValidation, std::string(InvalidValueMessage(column->type)));
        if (!detail::RosterIds(tx, setup.cls).contains(input.student_id)) throw Error(Code::kValidation, "the student is not in the class");
        auto closed = detail::ClosedKinds(detail::Windows(tx, setup.cls.unit_id, setup.cls.year_id, input.semester),
                                          ctx.clock.Now());
        if (std::find(closed.begin(), closed.end(), ItemKindCode(column->kind)) == closed.end()) {
            throw Error(Code::kValidation, "the entry window is open: save the score directly");
        }
        std::string old;
        auto cells = detail::LoadCells(tx, setup.cls.unit_id, setup.cls.id, subject.code, input.semester);
        for (const Cell& c : cells[input.student_id]) {
            if (c.item == input.item) old = c.value.Text();
        }
        const std::int64_t id = ctx.ids.Next();
        const Micros now = ctx.clock.Now();
        tx.Exec(store::kInsertCorrection,
                {setup.cls.unit_id, id, setup.cls.id, subject.code, std::int64_t{input.semester}, input.student_id,
                 input.item, old, value->Text(), input.reason, actor.account_id, now});
        audit::Append(tx, ctx.ids, ctx.clock,
                      {setup.cls.unit_id, actor.account_id, "gradebook.correction_requested",
                       "correction:" + std::to_string(id), std::string(client_address),
                       "{\"sheet\":" + Json(SheetTarget(setup.cls.id, subject.code, input.semester)) +
                           ",\"student_id\":" + std::to_string(input.student_id) + ",\"item\":" + Json(input.item) +
                           ",\"old\":" + Json(old) + ",\"new\":" + Json(value->Text()) +
                           ",\"reason\":" + Json(input.reason) + "}"});
        return detail::LoadCorrection(tx, id);
    });
}

Correction DecideCorrection(app::Context& ctx, const org::Actor& actor, std::int64_t correction_id, bool approve,
                            std::string_view note, const std::vector<std::string>& witnesses,
                            std::string_view client_address, const std::optional<std::string>& totp) {
    if (note.size() > kMaxReason) throw Error(Code::kValidation, "the note has at most 500 bytes");
    std::string witness_text;
    std::string witness_json = "[";
    for (const std::string& w : witnesses) {
        if (w.empty() || w.size() > 200 || w.find('\n') != std::string::npos) {
            throw Error(Code::kValidation, "a witness is a name of at most 200 bytes");
        }
        witness_text += (witness_text.empty() ? "" : "\n") + w;
        witness_json += (witness_json.size() > 1 ? "," : "") + Json(w);
    }
    witness_json += "]";
    try {
        return ctx.db.Write([&](storage::Tx& tx) {
            Correction c = detail::LoadCorrection(tx, correction_id);
            detail::ClassSetup setup = detail::LoadClassSetup(tx, c.class_id);
            org::Require(actor, org::Permission::kScoreApprove, org::UnitScope(setup.school));
            if (c.status != "pending") throw Error(Code::kConflict, "the request was already decided");
            if (c.requested_by == actor.account_id) {
                throw Error(Code::kForbidden, "a request is decided by someone other than its author");
            }
            bool stepped_up = approve && org::CheckStepUp(tx, ctx, actor.account_id, totp);
            const Micros now = ctx.clock.Now();
            tx.Exec(store::kDecideCorrection, {c.unit_id, c.id, std::string(approve ? "approved" : "rejected"),
                                               actor.account_id, now, std::string(note), witness_text});
            audit::Append(tx, ctx.ids, ctx.clock,
                          {c.unit_id, actor.account_id,
                           approve ? "gradebook.correction_approved" : "gradebook.correction_rejected",
                           "correction:" + std::to_string(c.id), std::string(client_address),
                           "{\"note\":" + Json(note) + ",\"witnesses\":" + witness_json +
                               ",\"step_up\":" + (stepped_up ? "\"totp\"" : "null") + "}"});
            if (approve) {
                const detail::SubjectSetup& subject = setup.Subject(c.subject_code);
                std::vector<CellChange> change{{c.student_id, c.item, c.new_value, CellStatus::kEntered,
                                                c.reason}};
                Apply(tx, ctx, actor, setup, subject, c.semester, std::numeric_limits<std::int64_t>::max(), change,
                      c.id, client_address);
            }
            return detail::LoadCorrection(tx, c.id);
        });
    } catch (Rejected& rejected) {
        if (rejected.outcome.status == SaveOutcome::Status::kLocked) {
            throw Error(Code::kGradebookLocked, rejected.outcome.detail);
        }
        std::string detail = rejected.outcome.detail;
        for (const Violation& v : rejected.outcome.violations) detail += v.message + "; ";
        throw Error(Code::kValidation, detail);
    } catch (const Error& e) {
        if (e.code() == Code::kTotpInvalid) org::RecordStepUpFailure(ctx, actor, client_address);
        throw;
    }
}

}  // namespace hocvu::gradebook
