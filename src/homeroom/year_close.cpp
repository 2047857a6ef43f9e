#include <algorithm>
#include <map>
#include <set>

#include "assessment/explain.hpp"
#include "gradebook/rules.hpp"
#include "gradebook/store.hpp"
#include "homeroom/internal.hpp"
#include "homeroom/service.hpp"
#include "homeroom/store.hpp"
#include "homeroom/summary.hpp"
#include "org/service.hpp"
#include "people/vn_text.hpp"

namespace hocvu::homeroom {
namespace {

constexpr std::string_view kExtraordinary = "Khen thưởng thành tích đột xuất";
constexpr std::size_t kMaxReason = 500;

std::string Join(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "" : ",") + s;
    return out;
}

std::vector<std::string> Split(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(',', start);
        if (end == std::string::npos) end = text.size();
        if (end > start) out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

bool Tt58(assessment::Regulation r) {
    return r == assessment::Regulation::kTt58 || r == assessment::Regulation::kTt26;
}

/// The outcome a student's line of the lists settles on: promoted/retained now, or "" while the summer decides.
std::string FinalOf(const std::string& proposed) {
    return proposed == "promoted" || proposed == "retained" ? proposed : "";
}

struct StoredItem {
    Decision engine;
    Decision proposed;
    std::string basis;
    std::string reason;
    std::string final_outcome;
};

std::map<std::int64_t, StoredItem> LoadItems(storage::Tx& tx, const detail::ClassRef& c) {
    std::map<std::int64_t, StoredItem> out;
    for (const storage::Row& row : tx.Query(store::kYearCloseItems, {c.cls.unit_id, c.cls.id})) {
        StoredItem& i = out[row.Int(0)];
        i.engine = {row.Text(1), row.Text(2), Split(row.Text(3))};
        i.proposed = {row.Text(4), row.Text(5), Split(row.Text(6))};
        i.basis = row.Text(7);
        i.reason = row.Text(8);
        i.final_outcome = row.Text(9);
    }
    return out;
}

Decision EngineDecision(const detail::Assessed& a) {
    return {std::string(assessment::OutcomeCode(a.result.outcome)), detail::AwardText(a.result.award[2]),
            detail::ReassessSubjects(a)};
}

bool TotpEnabled(storage::Tx& tx, std::int64_t account_id) {
    auto row = tx.QueryOne(store::kTotpEnabled, {account_id});
    return row && row->Int(0) != 0;
}

YearClose Build(storage::Tx& tx, const org::Actor& actor, const detail::ClassRef& c) {
    gradebook::detail::ClassSetup setup = gradebook::detail::LoadClassSetup(tx, c.cls.id);
    detail::YearCloseState s = detail::LoadYearClose(tx, c);
    YearClose y;
    y.class_id = c.cls.id;
    y.class_name = c.cls.name;
    y.year = c.year.name;
    y.regulation = std::string(assessment::RegulationCode(setup.regulation));
    y.status = s.status;
    y.version = s.version;
    y.note = s.note;
    if (s.submitted_by) y.submitted_by_name = detail::AccountName(tx, *s.submitted_by);
    y.submitted_at = s.submitted_at;
    if (s.decided_by) y.decided_by_name = detail::AccountName(tx, *s.decided_by);
    y.decided_at = s.decided_at;
    y.decision_note = s.decision_note;
    y.locked = detail::Approved(s);
    y.may_propose = !y.locked && (detail::IsHomeroom(actor, c) || detail::IsBoard(actor, c));
    y.may_decide = s.status == "submitted" && detail::IsBoard(actor, c);
    y.totp_required = detail::IsBoard(actor, c) && TotpEnabled(tx, actor.account_id);
    y.unconfirmed_sheets = detail::UnconfirmedSheets(tx, c, setup, 0);
    std::map<std::int64_t, StoredItem> stored = LoadItems(tx, c);
    std::vector<detail::Assessed> before = detail::AssessClass(tx, c, setup, false);
    std::vector<detail::Assessed> after = detail::AssessClass(tx, c, setup, true);
    std::map<std::int64_t, int> summer_conduct;
    for (const storage::Row& row : tx.Query(store::kClassConductLevels, {c.cls.unit_id, c.cls.id})) {
        if (row.Text(1) == "summer" && row.OptInt(2)) summer_conduct[row.Int(0)] = static_cast<int>(*row.OptInt(2));
    }
    for (std::size_t i = 0; i < before.size(); ++i) {
        const detail::Assessed& a = before[i];
        YearCloseItem item;
        item.student_id = a.student.id;
        item.student_code = a.student.code;
        item.full_name = a.student.full_name;
        item.learning = std::string(assessment::LearningName(setup.regulation, a.result.learning[2].final));
        item.conduct = std::string(assessment::ConductName(setup.regulation, a.result.conduct[2]));
        item.absences = std::max(a.input.absences, 0);  // TT27: not an input
        item.engine = EngineDecision(a);
        item.retained_for_absences = a.result.retained_for_absences;
        if (auto it = stored.find(a.student.id); it != stored.end()) {
            item.proposed = it->second.proposed;
            if (!it->second.reason.empty()) {
                Override o;
                o.student_id = a.student.id;
                if (it->second.proposed.outcome != it->second.engine.outcome) o.outcome = it->second.proposed.outcome;
                if (it->second.proposed.award != it->second.engine.award) o.award = "extraordinary";
                if (it->second.proposed.reassess_subjects != it->second.engine.reassess_subjects) {
                    o.reassess_subjects = it->second.proposed.reassess_subjects;
                }
                o.basis = it->second.basis;
                o.reason = it->second.reason;
                item.override_ = o;
            }
            item.final_outcome = it->second.final_outcome;
        }
        const detail::Assessed& s2 = after[i];
        item.summer_done = s2.result.summer_reassessment_done || s2.result.summer_conduct_done;
        item.outcome_after_summer = std::string(assessment::OutcomeCode(s2.result.outcome));
        if (s2.result.summer_reassessment_done) {
            item.learning_after_summer =
                std::string(assessment::LearningName(setup.regulation, s2.result.learning_after_summer.final));
        }
        if (s2.result.summer_conduct_done) {
            item.conduct_after_summer =
                std::string(assessment::ConductName(setup.regulation, s2.result.conduct_after_summer));
        }
        item.reassessment.assign(s2.reassessment_given.begin(), s2.reassessment_given.end());
        if (auto sc = summer_conduct.find(a.student.id); sc != summer_conduct.end()) item.summer_conduct = sc->second;
        assessment::Explain(s2.input, s2.result, item.explanation);
        y.items.push_back(std::move(item));
    }
    return y;
}

void RequireBoard(const org::Actor& actor, const detail::ClassRef& c) {
    if (!detail::IsBoard(actor, c)) throw Error(Code::kForbidden, "the principal board decides the year-close lists");
}

nlohmann::json IncompleteStudents(const std::vector<detail::Assessed>& assessed) {
    nlohmann::json students = nlohmann::json::array();
    for (const detail::Assessed& a : assessed) {
        if (a.result.outcome != assessment::Outcome::kIncomplete) continue;
        students.push_back({{"student_id", std::to_string(a.student.id)},
                            {"full_name", a.student.full_name},
                            {"missing", detail::MissingLines(a, std::nullopt)}});
    }
    return students;
}

nlohmann::json SheetsJson(const std::vector<UnconfirmedSheet>& sheets) {
    nlohmann::json out = nlohmann::json::array();
    for (const UnconfirmedSheet& s : sheets) {
        out.push_back({{"subject_code", s.subject_code}, {"subject_name", s.subject_name}, {"semester", s.semester},
                       {"teacher_name", s.teacher_name}});
    }
    return out;
}

}  // namespace

// ---- GB-8: the homeroom teacher's confirmation ----

Confirmations GetConfirmations(app::Context& ctx, const org::Actor& actor, std::int64_t class_id) {
    return ctx.db.Read([&](storage::Tx& tx) {
        detail::ClassRef c = detail::LoadClass(tx, class_id);
        detail::RequireRead(actor, c);
        gradebook::detail::ClassSetup setup = gradebook::detail::LoadClassSetup(tx, class_id);
        Confirmations out;
        out.class_id = c.cls.id;
        for (const storage::Row& row : tx.Query(store::kConfirmations, {c.cls.unit_id, c.cls.id})) {
            out.items.push_back({row.Text(0), detail::AccountName(tx, row.Int(1)), row.Int(2)});
        }
        out.unconfirmed_sheets = detail::UnconfirmedSheets(tx, c, setup, 0);
        return out;
    });
}

Confirmations Confirm(app::Context& ctx, const org::Actor& actor, std::int64_t class_id, std::string_view period,
                      std::string_view client_address) {
    if (period != "hk1" && period != "hk2") {
        throw Error(Code::kValidation, "period is hk1 or hk2 (the year is confirmed by submitting the lists)");
    }
    const int semester = period == "hk1" ? 1 : 2;
    const auto p = static_cast<std::size_t>(semester - 1);
    ctx.db.Write([&](storage::Tx& tx) {
        detail::ClassRef c = detail::LoadClass(tx, class_id);
        if (!detail::IsHomeroom(actor, c)) {
            throw Error(Code::kHomeroomNotHomeroom, "the class's homeroom teacher confirms its results");
        }
        gradebook::detail::ClassSetup setup = gradebook::detail::LoadClassSetup(tx, class_id);
        std::vector<UnconfirmedSheet> sheets = detail::UnconfirmedSheets(tx, c, setup, semester);
        if (!sheets.empty()) {
            throw detail::Refused(Code::kHomeroomUnconfirmedSheets, "subject sheets are not confirmed yet",
                                  {{"sheets", SheetsJson(sheets)}});
        }
        nlohmann::json students = nlohmann::json::array();
        if (setup.regulation == assessment::Regulation::kTt27) {
            // TT27: HK I needs every subject's end-of-term level and the 15 ratings; HK II the year-end result.
            for (const SummaryRow& row : BuildClassSummary(tx, class_id, period).items) {
                if (row.missing.empty()) continue;
                students.push_back({{"student_id", std::to_string(row.student_id)},
                                    {"full_name", row.full_name},
                                    {"missing", row.missing}});
            }
        }
        for (const detail::Assessed& a : detail::AssessClass(tx, c, setup, false)) {
            if (setup.regulation == assessment::Regulation::kTt27) break;
            if (a.result.learning[p].final >= 0 && a.result.conduct[p] >= 0) continue;
            students.push_back({{"student_id", std::to_string(a.student.id)},
                                {"full_name", a.student.full_name},
                                {"missing", detail::MissingLines(a, static_cast<assessment::Period>(p))}});
        }
        if (!students.empty()) {
            throw detail::Refused(Code::kHomeroomIncomplete, "some results of the semester are incomplete",
                                  {{"students", students}});
        }
        tx.Exec(store::kUpsertConfirmation, {c.cls.unit_id, c.cls.id, std::string(period), actor.account_id,
                                             ctx.clock.Now()});
        detail::Audit(tx, ctx, actor, c.cls.unit_id, "homeroom.results_confirmed",
                      "class:" + std::to_string(c.cls.id), client_address, {{"period", period}});
        return 0;
    });
    return GetConfirmations(ctx, actor, class_id);
}

// ---- GB-4: year close ----

YearClose GetYearClose(app::Context& ctx, const org::Actor& actor, std::int64_t class_id) {
    return ctx.db.Read([&](storage::Tx& tx) {
        detail::ClassRef c = detail::LoadClass(tx, class_id);
        detail::RequireRead(actor, c);
        return Build(tx, actor, c);
    });
}

YearClose Propose(app::Context& ctx, const org::Actor& actor, std::int64_t class_id, const ProposalInput& input,
                  std::string_view client_address) {
    const std::string note = people::CleanText(input.note);
    if (note.size() > 2000) throw Error(Code::kValidation, "the note is too long");
    return ctx.db.Write([&](storage::Tx& tx) {
        detail::ClassRef c = detail::LoadClass(tx, class_id);
        detail::RequireHomeroom(actor, c);
        gradebook::detail::ClassSetup setup = gradebook::detail::LoadClassSetup(tx, class_id);
        detail::YearCloseState state = detail::LoadYearClose(tx, c);
        if (detail::Approved(state)) throw Error(Code::kHomeroomLocked, "the lists are approved");
        if (state.version != input.base_version) {
            throw detail::Refused(Code::kHomeroomConflict, "the lists changed since they were read",
                                  {{"version", state.version}});
        }
        std::vector<UnconfirmedSheet> sheets = detail::UnconfirmedSheets(tx, c, setup, 0);
        if (!sheets.empty()) {
            throw detail::Refused(Code::kHomeroomUnconfirmedSheets, "subject sheets are not confirmed yet",
                                  {{"sheets", SheetsJson(sheets)}});
        }
        std::vector<detail::Assessed> assessed = detail::AssessClass(tx, c, setup, false);
        std::map<std::int64_t, const detail::Assessed*> by_id;
        for (const detail::Assessed& a : assessed) by_id[a.student.id] = &a;
        // Overrides: only where the regulation leaves room, each with a reason.
        nlohmann::json violations = nlohmann::json::array();
        std::map<std::int64_t, const Override*> overrides;
        for (const Override& o : input.overrides) {
            auto violation = [&](const std::string& message) {
                violations.push_back({{"student_id", std::to_string(o.student_id)}, {"message", message}});
            };
            auto it = by_id.find(o.student_id);
            if (it == by_id.end()) {
                violation("Học sinh không thuộc lớp");
                continue;
            }
            if (!overrides.emplace(o.student_id, &o).second) {
                violation("Học sinh được điều chỉnh hai lần");
                continue;
            }
            const detail::Assessed& a = *it->second;
            const bool primary = setup.regulation == assessment::Regulation::kTt27;
            const std::string reason = people::CleanText(o.reason);
            if (reason.empty() || reason.size() > kMaxReason) violation("Cần ghi lý do điều chỉnh");
            if (o.outcome) {
                const bool principal = a.result.outcome == assessment::Outcome::kPrincipalDecision;
                if (*o.outcome != "promoted" && *o.outcome != "retained") {
                    violation("Kết quả chỉ có thể là lên lớp hoặc ở lại lớp");
                } else if (!principal && (o.basis != "disability" || primary)) {
                    violation("Chỉ được điều chỉnh kết quả lên lớp của học sinh khuyết tật (TT22 Điều 12 khoản 4) "
                              "hoặc khi quy chế để Hiệu trưởng quyết định");
                }
            }
            if (o.award && *o.award != "extraordinary") {
                violation("Chỉ được đề nghị thêm khen thưởng thành tích đột xuất (TT22 Điều 15 khoản 1 điểm b; TT27 Điều 13 "
                          "khoản 1 điểm b)");
            }
            if (o.reassess_subjects) {
                std::vector<std::string> engine = detail::ReassessSubjects(a);
                if (primary) {
                    violation("Theo TT27 không có kiểm tra lại; học sinh chưa hoàn thành được giúp đỡ, đánh giá bổ "
                              "sung và Hiệu trưởng quyết định (Điều 11)");
                } else if (!Tt58(setup.regulation)) {
                    violation("Theo TT22 học sinh kiểm tra lại tất cả các môn chưa đạt (Điều 14; A7)");
                } else {
                    for (const std::string& code : *o.reassess_subjects) {
                        if (std::find(engine.begin(), engine.end(), code) == engine.end()) {
                            violation("Môn " + code + " không thuộc diện kiểm tra lại");
                        }
                    }
                }
            }
            if (!o.outcome && !o.award && !o.reassess_subjects) violation("Điều chỉnh không có nội dung");
        }
        if (!violations.empty()) {
            throw detail::Refused(Code::kHomeroomOverrideNotAllowed, "some overrides are not allowed",
                                  {{"violations", violations}});
        }
        // Every student's result must be complete; a principal's decision (TT27) needs the proposal's outcome.
        nlohmann::json incomplete = IncompleteStudents(assessed);
        for (const detail::Assessed& a : assessed) {
            if (a.result.outcome == assessment::Outcome::kPrincipalDecision &&
                (!overrides.contains(a.student.id) || !overrides[a.student.id]->outcome)) {
                incomplete.push_back({{"student_id", std::to_string(a.student.id)},
                                      {"full_name", a.student.full_name},
                                      {"missing", {"outcome"}}});
            }
        }
        if (!incomplete.empty()) {
            throw detail::Refused(Code::kHomeroomIncomplete, "some students' results are incomplete",
                                  {{"students", incomplete}});
        }
        detail::YearCloseState next = detail::BumpYearClose(tx, ctx, c, false);
        const Micros now = ctx.clock.Now();
        tx.Exec(store::kDeleteYearCloseItems, {c.cls.unit_id, c.cls.id});
        nlohmann::json lists = {{"promoted", 0}, {"retained", 0}, {"reassessment", 0}, {"summer_training", 0}};
        nlohmann::json audited_overrides = nlohmann::json::array();
        for (const detail::Assessed& a : assessed) {
            Decision engine = EngineDecision(a);
            Decision proposed = engine;
            std::string basis;
            std::string reason;
            if (auto it = overrides.find(a.student.id); it != overrides.end()) {
                const Override& o = *it->second;
                if (o.outcome) proposed.outcome = *o.outcome;
                if (o.award) {
                    proposed.award = engine.award.empty() ? std::string(kExtraordinary)
                                                          : engine.award + "; " + std::string(kExtraordinary);
                }
                if (o.reassess_subjects) proposed.reassess_subjects = *o.reassess_subjects;
                basis = o.basis;
                reason = people::CleanText(o.reason);
                audited_overrides.push_back({{"student_id", std::to_string(a.student.id)},
                                             {"engine_outcome", engine.outcome},
                                             {"outcome", proposed.outcome},
                                             {"engine_award", engine.award},
                                             {"award", proposed.award},
                                             {"reassess", proposed.reassess_subjects},
                                             {"basis", basis},
                                             {"reason", reason}});
            }
            if (lists.contains(proposed.outcome)) lists[proposed.outcome] = lists[proposed.outcome].get<int>() + 1;
            tx.Exec(store::kInsertYearCloseItem,
                    {c.cls.unit_id, c.cls.id, a.student.id, engine.outcome, engine.award,
                     Join(engine.reassess_subjects), proposed.outcome, proposed.award,
                     Join(proposed.reassess_subjects), basis, reason, FinalOf(proposed.outcome)});
        }
        tx.Exec(store::kSubmitYearClose, {c.cls.unit_id, c.cls.id, note, actor.account_id, now});
        tx.Exec(store::kUpsertConfirmation, {c.cls.unit_id, c.cls.id, std::string("year"), actor.account_id, now});
        detail::Audit(tx, ctx, actor, c.cls.unit_id, "homeroom.year_close_submitted",
                      "class:" + std::to_string(c.cls.id), client_address,
                      {{"version", next.version}, {"lists", lists}, {"overrides", audited_overrides}, {"note", note}});
        return Build(tx, actor, c);
    });
}

YearClose Decide(app::Context& ctx, const org::Actor& actor, std::int64_t class_id, bool approve,
                 std::int64_t base_version, std::string_view note_text, const std::optional<std::string>& totp,
                 std::string_view client_address) {
    const std::string note = people::CleanText(note_text);
    if (note.size() > 2000) throw Error(Code::kValidation, "the note is too long");
    if (!approve && note.empty()) throw Error(Code::kValidation, "a rejection needs a note for the homeroom teacher");
    try {
        return ctx.db.Write([&](storage::Tx& tx) {
            detail::ClassRef c = detail::LoadClass(tx, class_id);
            RequireBoard(actor, c);
            detail::YearCloseState state = detail::LoadYearClose(tx, c);
            if (state.status != "submitted") {
                throw Error(Code::kHomeroomNotSubmitted, "the class's lists are " + state.status);
            }
            if (state.version != base_version) {
                throw detail::Refused(Code::kHomeroomConflict, "the lists changed since they were read",
                                      {{"version", state.version}});
            }
            org::CheckStepUp(tx, ctx, actor.account_id, totp);
            gradebook::detail::ClassSetup setup = gradebook::detail::LoadClassSetup(tx, class_id);
            if (approve) {
                // The lists must still be what the engine says now: a score or conduct changed after submission
                // sends them back to the homeroom teacher.
                std::map<std::int64_t, StoredItem> stored = LoadItems(tx, c);
                nlohmann::json changed = nlohmann::json::array();
                for (const detail::Assessed& a : detail::AssessClass(tx, c, setup, false)) {
                    Decision now = EngineDecision(a);
                    auto it = stored.find(a.student.id);
                    if (it == stored.end() || it->second.engine.outcome != now.outcome ||
                        it->second.engine.award != now.award ||
                        it->second.engine.reassess_subjects != now.reassess_subjects) {
                        changed.push_back({{"student_id", std::to_string(a.student.id)},
                                           {"full_name", a.student.full_name},
                                           {"submitted", it == stored.end() ? "" : it->second.engine.outcome},
                                           {"now", now.outcome}});
                    }
                }
                if (!changed.empty()) {
                    throw detail::Refused(Code::kHomeroomConflict,
                                          "results changed after the lists were submitted; submit them again",
                                          {{"students", changed}});
                }
            }
            detail::YearCloseState next = detail::BumpYearClose(tx, ctx, c, false);
            const Micros now = ctx.clock.Now();
            tx.Exec(store::kDecideYearClose,
                    {c.cls.unit_id, c.cls.id, std::string(approve ? "approved" : "rejected"), actor.account_id, now,
                     note});
            bool locked = false;
            if (approve && !tx.QueryOne(gradebook::store::kFindLock,
                                        {c.cls.unit_id, c.cls.id, std::string("*"), std::int64_t{0}})) {
                // The gradebook's book lock for the year (SCH-11): no score of the class changes any more.
                tx.Exec(gradebook::store::kInsertLock, {c.cls.unit_id, c.cls.id, std::string("*"), std::int64_t{0},
                                                        actor.account_id, now,
                                                        std::string("Danh sách cuối năm đã được duyệt")});
                locked = true;
            }
            detail::Audit(tx, ctx, actor, c.cls.unit_id,
                          approve ? "homeroom.year_close_approved" : "homeroom.year_close_rejected",
                          "class:" + std::to_string(c.cls.id), client_address,
                          {{"version", next.version}, {"note", note}, {"book_locked", locked},
                           {"step_up", totp.has_value()}});
            return Build(tx, actor, c);
        });
    } catch (const Error& e) {
        if (e.code() == Code::kTotpInvalid) org::RecordStepUpFailure(ctx, actor, client_address);
        throw;
    }
}

YearClose SaveSummer(app::Context& ctx, const org::Actor& actor, std::int64_t class_id,
                     const std::vector<SummerInput>& items, std::string_view client_address) {
    if (items.empty() || items.size() > 2000) throw Error(Code::kValidation, "items: 1 to 2000 students");
    return ctx.db.Write([&](storage::Tx& tx) {
        detail::ClassRef c = detail::LoadClass(tx, class_id);
        detail::RequireHomeroom(actor, c);
        detail::YearCloseState state = detail::LoadYearClose(tx, c);
        if (!detail::Approved(state)) throw Error(Code::kHomeroomNotApproved, "the lists are not approved");
        gradebook::detail::ClassSetup setup = gradebook::detail::LoadClassSetup(tx, class_id);
        if (setup.regulation == assessment::Regulation::kTt27) {
            throw Error(Code::kValidation,
                        "TT27 has no summer re-assessment or conduct training: a primary student who has not completed "
                        "the programme is helped and assessed again, and the principal decides (Điều 11)");
        }
        std::map<std::int64_t, StoredItem> stored = LoadItems(tx, c);
        const Micros now = ctx.clock.Now();
        nlohmann::json audited = nlohmann::json::array();
        std::set<std::int64_t> seen;
        for (const SummerInput& in : items) {
            auto it = stored.find(in.student_id);
            if (it == stored.end()) throw Error(Code::kValidation, "the student is not on the class's lists");
            if (!seen.insert(in.student_id).second) throw Error(Code::kValidation, "a student is listed twice");
            const StoredItem& item = it->second;
            for (const auto& [code, text] : in.reassessment) {
                if (item.proposed.outcome != "reassessment" ||
                    std::find(item.proposed.reassess_subjects.begin(), item.proposed.reassess_subjects.end(), code) ==
                        item.proposed.reassess_subjects.end()) {
                    throw Error(Code::kValidation, "student " + std::to_string(in.student_id) +
                                                       " is not on the re-assessment list for " + code);
                }
                const gradebook::detail::SubjectSetup& subject = setup.Subject(code);
                auto value = gradebook::ParseCellValue(subject.scored, text);
                if (!value) throw Error(Code::kValidation, "a re-assessment result of " + code + " is 0–10 or Đ/CĐ");
                if (value->Empty()) {
                    tx.Exec(store::kDeleteReassessment, {c.cls.unit_id, c.cls.id, in.student_id, code});
                } else {
                    tx.Exec(store::kUpsertReassessment,
                            {c.cls.unit_id, c.cls.id, in.student_id, code,
                             value->score ? storage::Value(std::int64_t{value->score->tenths()}) : storage::Value(nullptr),
                             value->pass ? storage::Value(std::int64_t{*value->pass ? 1 : 0}) : storage::Value(nullptr),
                             actor.account_id, now});
                }
                audited.push_back({{"student_id", std::to_string(in.student_id)}, {"subject", code},
                                   {"new", value->Text()}});
            }
            if (in.conduct) {
                if (item.proposed.outcome != "summer_training") {
                    throw Error(Code::kValidation, "student " + std::to_string(in.student_id) +
                                                       " is not on the summer-training list");
                }
                std::optional<int> level;
                if (!in.conduct->empty()) {
                    level = detail::ParseConduct(*in.conduct);
                    if (!level) throw Error(Code::kValidation, "conduct is tot, kha, dat or chua_dat");
                }
                detail::YearCloseState cs = detail::BumpYearClose(tx, ctx, c, true);
                if (level) {
                    tx.Exec(store::kUpsertConduct, {c.cls.unit_id, c.cls.id, in.student_id, std::string("summer"),
                                                    std::int64_t{*level}, std::string(), cs.conduct_version,
                                                    actor.account_id, now});
                } else {
                    tx.Exec(store::kDeleteConduct, {c.cls.unit_id, c.cls.id, in.student_id, std::string("summer")});
                }
                audited.push_back({{"student_id", std::to_string(in.student_id)}, {"conduct", *in.conduct}});
            }
        }
        // The final outcome follows the engine with the summer results (A17).
        nlohmann::json finals = nlohmann::json::array();
        for (const detail::Assessed& a : detail::AssessClass(tx, c, setup, true)) {
            auto it = stored.find(a.student.id);
            if (it == stored.end()) continue;
            const std::string& proposed = it->second.proposed.outcome;
            if (proposed != "reassessment" && proposed != "summer_training") continue;
            const std::string word(assessment::OutcomeCode(a.result.outcome));
            const std::string final_outcome = FinalOf(word);
            if (final_outcome != it->second.final_outcome) {
                tx.Exec(store::kSetFinalOutcome, {c.cls.unit_id, c.cls.id, a.student.id, final_outcome});
                finals.push_back({{"student_id", std::to_string(a.student.id)},
                                  {"old", it->second.final_outcome},
                                  {"new", final_outcome}});
            }
        }
        detail::BumpYearClose(tx, ctx, c, false);
        detail::Audit(tx, ctx, actor, c.cls.unit_id, "homeroom.summer_results_saved",
                      "class:" + std::to_string(c.cls.id), client_address,
                      {{"changes", audited}, {"final_outcomes", finals}});
        return Build(tx, actor, c);
    });
}

}  // namespace hocvu::homeroom
