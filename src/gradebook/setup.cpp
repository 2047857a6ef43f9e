#include "gradebook/setup.hpp"

#include <algorithm>

#include "assessment/assess.hpp"
#include "assessment/explain.hpp"
#include "assessment/rollout.hpp"
#include "assessment/subject_catalog.hpp"
#include "common/error.hpp"
#include "gradebook/rules.hpp"
#include "gradebook/store.hpp"
#include "org/policy.hpp"
#include "org/service.hpp"
#include "people/service.hpp"
#include "people/vn_text.hpp"
#include "schooling/catalogue.hpp"
#include "schooling/service.hpp"

namespace hocvu::gradebook::detail {

const SubjectSetup& ClassSetup::Subject(std::string_view code) const {
    for (const SubjectSetup& s : subjects) {
        if (s.code == code) return s;
    }
    throw Error(Code::kNotFound, "class " + cls.name + " has no score sheet for " + std::string(code));
}

ClassSetup LoadClassSetup(storage::Tx& tx, std::int64_t class_id) {
    auto cls = schooling::FindClassTx(tx, class_id);
    if (!cls) throw Error(Code::kNotFound, "no such class");
    auto year = schooling::FindYearTx(tx, cls->year_id);
    if (!year) throw Error(Code::kNotFound, "no such school year");
    ClassSetup setup{*cls, people::SchoolOf(tx, cls->unit_id), *year, {}, {}, 0, {}};
    setup.school_year_start = std::atoi(year->name.substr(0, 4).c_str());
    auto level = assessment::LevelOfGrade(cls->grade);
    auto regulation = level ? assessment::RegulationFor(setup.school_year_start, *level, cls->grade) : std::nullopt;
    if (!level || !regulation) throw Error(Code::kValidation, "no regulation applies to grade " + std::to_string(cls->grade));
    setup.level = *level;
    setup.regulation = *regulation;
    std::vector<std::string> codes = schooling::ClassSubjectsTx(tx, *cls);
    for (const std::string& code : codes) {
        auto subject = schooling::FindSubject(cls->grade, code);
        if (!subject || subject->kind == schooling::SubjectKind::kTopic) continue;
        SubjectSetup s{code, subject->name, subject->scored, schooling::PeriodsIn(*subject, cls->grade), 0, {}};
        switch (setup.regulation) {
            case assessment::Regulation::kTt27:
                s.columns = Tt27Columns(code, cls->grade);
                break;
            case assessment::Regulation::kTt58:
                s.columns = Tt58Columns(s.scored, s.periods_per_year);
                break;
            case assessment::Regulation::kTt22:
                // TT22 Điều 6 khoản 3: a chuyên đề of the subject the class learns adds one ĐĐGtx.
                if (std::find(codes.begin(), codes.end(), "CD" + code) != codes.end()) s.topics = 1;
                [[fallthrough]];
            case assessment::Regulation::kTt26:
                // TT26 (amending TT58 Điều 8): ĐĐGtx 2/3/4 for ≤ 35 / 36–70 / > 70 periods, one ĐĐGgk, one ĐĐGck.
                s.columns =
                    SheetColumns(s.scored ? assessment::SubjectKind::kScored : assessment::SubjectKind::kComment,
                                 s.periods_per_year, s.topics);
                if (!s.scored) {
                    for (Column& c : s.columns) c.type = CellType::kComment;
                }
                break;
        }
        setup.subjects.push_back(std::move(s));
    }
    return setup;
}

org::Scope SheetScope(const ClassSetup& setup, std::string_view subject) {
    org::Scope scope = org::UnitScope(setup.school);
    scope.class_id = setup.cls.id;
    scope.subject = std::string(subject);
    return scope;
}

bool IsPrincipalBoard(const org::Actor& actor, const ClassSetup& setup) {
    return org::Allowed(actor, org::Permission::kScoreApprove, org::UnitScope(setup.school));
}

bool MayEnter(const org::Actor& actor, const ClassSetup& setup, std::string_view subject) {
    return org::Allowed(actor, org::Permission::kScoreEnter, SheetScope(setup, subject)) ||
           IsPrincipalBoard(actor, setup);
}

std::set<std::int64_t> RosterIds(storage::Tx& tx, const schooling::ClassInfo& cls) {
    std::set<std::int64_t> ids;
    for (const storage::Row& row : tx.Query(store::kRosterIds, {cls.unit_id, cls.id})) ids.insert(row.Int(0));
    return ids;
}

std::vector<people::Student> Roster(storage::Tx& tx, const schooling::ClassInfo& cls) {
    std::vector<std::int64_t> ids;
    for (const storage::Row& row : tx.Query(store::kRosterIds, {cls.unit_id, cls.id})) ids.push_back(row.Int(0));
    std::vector<people::Student> students = people::StudentsTx(tx, cls.unit_id, ids);
    people::SortVietnamese(students);
    return students;
}

std::vector<RosterName> RosterNames(storage::Tx& tx, const schooling::ClassInfo& cls) {
    std::vector<RosterName> out;
    for (const storage::Row& row : tx.Query(store::kRosterNames, {cls.unit_id, cls.id})) {
        out.push_back({row.Int(0), row.Text(1), row.Text(2), row.Text(3), row.Text(4), row.Text(5)});
    }
    people::SortVietnamese(out);
    return out;
}

std::set<std::int64_t> Exempt(storage::Tx& tx, const schooling::ClassInfo& cls, std::string_view subject,
                              int semester) {
    std::set<std::int64_t> out;
    for (const storage::Row& row :
         tx.Query(store::kExempt, {cls.unit_id, cls.year_id, std::int64_t{semester}, std::string(subject)})) {
        out.insert(row.Int(0));
    }
    return out;
}

std::map<std::int64_t, std::vector<Cell>> LoadCells(storage::Tx& tx, std::int64_t unit_id, std::int64_t class_id,
                                                    std::string_view subject, int semester,
                                                    const std::set<std::string>* items) {
    std::map<std::int64_t, std::vector<Cell>> cells;
    std::string sql(store::kSheetCells);
    storage::Params params{unit_id, class_id, std::string(subject), std::int64_t{semester}};
    if (items != nullptr && !items->empty()) {
        sql += " AND item IN (";
        for (const std::string& item : *items) {
            params.emplace_back(item);
            sql += (params.size() > 5 ? ", $" : "$") + std::to_string(params.size());
        }
        sql += ")";
    }
    for (const storage::Row& row : tx.Query(sql, params)) {
        Cell c;
        c.student_id = row.Int(0);
        c.item = row.Text(1);
        if (auto score = row.OptInt(2)) c.value.score = Tenths::FromTenths(static_cast<std::int32_t>(*score));
        if (auto pass = row.OptInt(3)) c.value.pass = *pass != 0;
        c.status = ParseCellStatus(row.Text(4)).value_or(CellStatus::kEntered);
        c.version = row.Int(5);
        c.updated_by = row.Int(6);
        c.updated_at = row.Int(7);
        if (auto level = row.OptInt(8)) c.value.level = static_cast<int>(*level);
        cells[c.student_id].push_back(std::move(c));
    }
    return cells;
}

std::optional<SheetState> LoadSheetState(storage::Tx& tx, std::int64_t unit_id, std::int64_t class_id,
                                         std::string_view subject, int semester) {
    auto row = tx.QueryOne(store::kSheetState, {unit_id, class_id, std::string(subject), std::int64_t{semester}});
    if (!row) return std::nullopt;
    return SheetState{row->Int(0), row->OptInt(1), row->OptInt(2)};
}

std::vector<EntryWindow> Windows(storage::Tx& tx, std::int64_t unit_id, std::int64_t year_id, int semester) {
    std::vector<EntryWindow> out;
    for (const storage::Row& row : tx.Query(store::kWindows, {unit_id, year_id, std::int64_t{semester}})) {
        auto kind = ParseItemKind(row.Text(0));
        if (!kind) continue;
        out.push_back({year_id, semester, *kind, row.Int(1), row.Int(2)});
    }
    return out;
}

std::vector<std::string> ClosedKinds(const std::vector<EntryWindow>& windows, Micros now) {
    std::vector<std::string> out;
    for (const EntryWindow& w : windows) {
        if (!WindowOpen(w, now)) out.emplace_back(ItemKindCode(w.kind));
    }
    return out;
}

std::optional<Lock> CoveringLock(storage::Tx& tx, std::int64_t unit_id, std::int64_t class_id,
                                 std::string_view subject, int semester) {
    auto row = tx.QueryOne(store::kCoveringLock, {unit_id, class_id, std::string(subject), std::int64_t{semester}});
    if (!row) return std::nullopt;
    return Lock{class_id, row->Text(0), static_cast<int>(row->Int(1)), row->Int(2), row->Int(3), row->Text(4)};
}

std::string AccountName(storage::Tx& tx, std::int64_t account_id) {
    auto row = tx.QueryOne(store::kAccountName, {account_id});
    if (!row) return "";
    std::string name = row->Text(0);
    return name.empty() ? row->Text(1) : name;
}

namespace {

std::string MarkText(assessment::Mark mark) {
    if (mark.IsScore()) return mark.score().ToString();
    if (mark.IsPass()) return "Đ";
    if (mark.IsFail()) return "CĐ";
    return "";
}

}  // namespace

const CellValue* FindValue(const std::vector<Cell>& cells, std::string_view item) {
    for (const Cell& c : cells) {
        if (c.item == item) return &c.value;
    }
    return nullptr;
}

void FillPrimaryYear(const std::vector<Cell>& year_end_cells, assessment::SubjectInput& input) {
    input.kind = assessment::SubjectKind::kPrimary;
    input.year_level = assessment::PrimaryLevel::kMissing;
    input.year_test = -1;
    if (const CellValue* level = FindValue(year_end_cells, "ck_muc"); level && level->level) {
        input.year_level = *level->level >= 2   ? assessment::PrimaryLevel::kHtt
                           : *level->level == 1 ? assessment::PrimaryLevel::kHt
                                                : assessment::PrimaryLevel::kCht;
    }
    if (const CellValue* test = FindValue(year_end_cells, "ck_kt"); test && test->score) {
        input.year_test = static_cast<std::int8_t>(test->score->tenths() / 10);
    }
}

Sheet BuildSheet(storage::Tx& tx, const ClassSetup& setup, const SubjectSetup& subject, int semester,
                 const org::Actor& actor, Micros now) {
    const schooling::ClassInfo& cls = setup.cls;
    Sheet sheet;
    sheet.unit_id = cls.unit_id;
    sheet.class_id = cls.id;
    sheet.class_name = cls.name;
    sheet.subject_code = subject.code;
    sheet.subject_name = subject.name;
    sheet.semester = semester;
    sheet.regulation = std::string(assessment::RegulationCode(setup.regulation));
    sheet.scored = subject.scored;
    sheet.periods_per_year = subject.periods_per_year;
    sheet.columns = subject.columns;
    if (auto state = LoadSheetState(tx, cls.unit_id, cls.id, subject.code, semester)) {
        sheet.version = state->version;
        sheet.confirmed_by = state->confirmed_by;
        sheet.confirmed_at = state->confirmed_at;
    }
    if (auto lock = CoveringLock(tx, cls.unit_id, cls.id, subject.code, semester)) {
        sheet.locked = true;
        sheet.lock_reason = lock->reason;
    }
    sheet.closed_items = ClosedKinds(Windows(tx, cls.unit_id, cls.year_id, semester), now);
    sheet.may_edit = MayEnter(actor, setup, subject.code) && !sheet.locked &&
                     (!sheet.confirmed_by || IsPrincipalBoard(actor, setup));

    auto cells = LoadCells(tx, cls.unit_id, cls.id, subject.code, semester);
    std::map<std::int64_t, std::vector<Cell>> first_cells;
    std::set<std::int64_t> first_exempt;
    if (semester == 2) {
        first_cells = LoadCells(tx, cls.unit_id, cls.id, subject.code, 1);
        first_exempt = Exempt(tx, cls, subject.code, 1);
    }
    std::set<std::int64_t> exempt = Exempt(tx, cls, subject.code, semester);
    std::map<std::int64_t, std::string> names;

    assessment::StudentYear year;
    year.regulation = setup.regulation;
    year.level = setup.level;
    year.grade = cls.grade;
    year.school_year_start = setup.school_year_start;
    year.subjects.resize(1);
    assessment::SubjectInput& input = year.subjects[0];
    input.code = subject.code;
    input.kind = subject.scored ? assessment::SubjectKind::kScored : assessment::SubjectKind::kComment;
    input.periods_per_year = static_cast<std::int16_t>(subject.periods_per_year);
    input.topics = static_cast<std::uint8_t>(subject.topics);
    assessment::Assessment result;
    const std::string prefix = std::string(assessment::LookUpSubject(subject.code).name) + " ";

    for (const RosterName& student : RosterNames(tx, cls)) {
        SheetRow row;
        row.student_id = student.id;
        row.student_code = student.code;
        row.full_name = student.full_name;
        row.exempt = exempt.contains(student.id);
        if (auto it = cells.find(student.id); it != cells.end()) row.cells = it->second;
        for (Cell& c : row.cells) {
            auto [name, inserted] = names.try_emplace(c.updated_by);
            if (inserted) name->second = AccountName(tx, c.updated_by);
            c.updated_by_name = name->second;
        }
        if (!row.exempt) {
            for (const Column& col : subject.columns) {
                if (col.optional) continue;
                auto found = std::find_if(row.cells.begin(), row.cells.end(),
                                          [&](const Cell& c) { return c.item == col.item; });
                if (found == row.cells.end() || found->value.Empty()) row.missing.push_back(col.item);
            }
            if (setup.regulation == assessment::Regulation::kTt27) {
                // TT27 has no semester result: the end-of-term level is the teacher's judgement (Điều 7), and the
                // year's subject level and test feed the year-end assessment (Điều 9, A12).
                if (semester == 1) {
                    if (const CellValue* level = FindValue(row.cells, "ck_muc")) row.average = level->Text();
                } else {
                    FillPrimaryYear(row.cells, input);
                    assessment::Assess(year, result);
                    row.average = std::string(assessment::PrimaryLevelCode(result.subjects[0].year_level));
                    std::vector<std::string> lines;
                    assessment::Explain(year, result, lines);
                    for (std::string& line : lines) {
                        if (line.starts_with(prefix)) row.explanation.push_back(std::move(line));
                    }
                }
                sheet.rows.push_back(std::move(row));
                continue;
            }
            assessment::SemesterMarks& current = semester == 1 ? input.hk1 : input.hk2;
            FillSemesterMarks(subject.columns, row.cells, current);
            if (semester == 2) {
                if (first_exempt.contains(student.id)) {
                    input.hk1 = assessment::SemesterMarks{};
                } else {
                    FillSemesterMarks(subject.columns, first_cells[student.id], input.hk1);
                }
            } else {
                input.hk2 = assessment::SemesterMarks{};
            }
            assessment::Assess(year, result);
            const assessment::SubjectResult& r = result.subjects[0];
            row.average = MarkText(semester == 1 ? r.hk1 : r.hk2);
            std::vector<std::string> lines;
            assessment::Explain(year, result, lines);
            for (std::string& line : lines) {
                if (line.starts_with(prefix)) row.explanation.push_back(std::move(line));
            }
        }
        sheet.rows.push_back(std::move(row));
    }
    return sheet;
}

namespace {

Correction ReadCorrection(const storage::Row& row) {
    Correction c;
    c.id = row.Int(0);
    c.unit_id = row.Int(1);
    c.class_id = row.Int(2);
    c.subject_code = row.Text(3);
    c.semester = static_cast<int>(row.Int(4));
    c.student_id = row.Int(5);
    c.item = row.Text(6);
    c.old_value = row.Text(7);
    c.new_value = row.Text(8);
    c.reason = row.Text(9);
    c.status = row.Text(10);
    c.requested_by = row.Int(11);
    c.requested_at = row.Int(12);
    c.decided_by = row.OptInt(13);
    c.decided_at = row.OptInt(14);
    c.decision_note = row.Text(15);
    std::string witnesses = row.Text(16);
    std::size_t start = 0;
    while (start < witnesses.size()) {
        std::size_t end = witnesses.find('\n', start);
        if (end == std::string::npos) end = witnesses.size();
        if (end > start) c.witnesses.push_back(witnesses.substr(start, end - start));
        start = end + 1;
    }
    return c;
}

}  // namespace

Correction LoadCorrection(storage::Tx& tx, std::int64_t id) {
    auto row = tx.QueryOne("SELECT " + std::string(store::kCorrectionColumns) +
                               " FROM gradebook_corrections WHERE id = $1",
                           {id});
    if (!row) throw Error(Code::kNotFound, "no such correction request");
    return ReadCorrection(*row);
}

std::vector<Correction> ReadCorrections(storage::Tx& tx, std::string_view sql, const storage::Params& params) {
    std::vector<Correction> out;
    for (const storage::Row& row : tx.Query(sql, params)) out.push_back(ReadCorrection(row));
    return out;
}

}  // namespace hocvu::gradebook::detail
