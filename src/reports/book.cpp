#include "reports/book.hpp"

#include "assessment/assess.hpp"
#include "assessment/explain.hpp"
#include "common/error.hpp"
#include "gradebook/engine_input.hpp"
#include "gradebook/rules.hpp"
#include "gradebook/store.hpp"
#include "homeroom/summary.hpp"

namespace hocvu::reports::detail {
namespace {

constexpr std::string_view kSemesterComment =
    "SELECT text FROM homeroom_comments WHERE unit_id = $1 AND class_id = $2 AND student_id = $3 AND "
    "kind = 'semester' AND period = $4 AND subject_code = ''";
constexpr std::string_view kClassesOfYear =
    "SELECT id FROM classes WHERE unit_id = $1 AND year_id = $2 ORDER BY grade, name, id";

}  // namespace

ClassBook LoadBook(storage::Tx& tx, std::int64_t class_id) {
    ClassBook book{gradebook::detail::LoadClassSetup(tx, class_id), {}, false};
    const gradebook::detail::ClassSetup& setup = book.setup;
    // The views lay out TT22 sheets (ĐĐGtx, one ĐĐGgk, ĐĐGck) and TT27 levels and tests (from the homeroom summary);
    // TT58/TT26 years are not covered yet.
    if (setup.regulation != assessment::Regulation::kTt22 && setup.regulation != assessment::Regulation::kTt27) {
        throw Error(Code::kValidation, "the principal board's views cover TT22 and TT27 classes only so far");
    }
    std::map<std::int64_t, std::size_t> index;
    for (gradebook::detail::StudentInput& in : gradebook::detail::ClassInputs(tx, setup)) {
        index[in.student.id] = book.students.size();
        StudentBook s;
        s.student = std::move(in.student);
        s.year = std::move(in.year);
        book.students.push_back(std::move(s));
    }
    // The stored cells and exemptions as the sheets show them (the engine's input above is built from the same rows).
    for (const storage::Row& row : tx.Query(gradebook::store::kClassCells, {setup.cls.unit_id, setup.cls.id})) {
        auto it = index.find(row.Int(2));
        const int semester = static_cast<int>(row.Int(1));
        if (it == index.end() || (semester != 1 && semester != 2))
            continue;  // a student who left the class
        gradebook::Cell c;
        c.student_id = row.Int(2);
        c.item = row.Text(3);
        if (auto score = row.OptInt(4))
            c.value.score = Tenths::FromTenths(static_cast<std::int32_t>(*score));
        if (auto pass = row.OptInt(5))
            c.value.pass = *pass != 0;
        if (auto level = row.OptInt(6))
            c.value.level = static_cast<int>(*level);
        book.students[it->second].cells[row.Text(0)][static_cast<std::size_t>(semester - 1)].push_back(std::move(c));
    }
    for (const storage::Row& row :
         tx.Query(gradebook::store::kYearExemptions, {setup.cls.unit_id, setup.cls.year_id})) {
        auto it = index.find(row.Int(0));
        if (it != index.end())
            book.students[it->second].exempt.insert({row.Text(2), static_cast<int>(row.Int(1))});
    }
    for (StudentBook& s : book.students)
        assessment::Assess(s.year, s.result);
    return book;
}

std::vector<std::int64_t> ClassesOfYear(storage::Tx& tx, std::int64_t unit_id, std::int64_t year_id) {
    std::vector<std::int64_t> ids;
    for (const storage::Row& row : tx.Query(kClassesOfYear, {unit_id, year_id}))
        ids.push_back(row.Int(0));
    return ids;
}

ClassRef RefOf(const gradebook::detail::ClassSetup& setup) {
    return {setup.cls.id,
            setup.cls.unit_id,
            setup.cls.name,
            setup.cls.grade,
            setup.year.name,
            setup.school.name,
            setup.cls.homeroom_name,
            std::string(assessment::RegulationCode(setup.regulation))};
}

StudentRef RefOf(const people::Student& student) {
    return {student.id, student.code, student.full_name, student.birth_date, student.gender};
}

SubjectColumns ColumnsOf(const gradebook::detail::SubjectSetup& subject) {
    SubjectColumns out{subject.code, subject.name, subject.scored, {}};
    for (const gradebook::Column& c : subject.columns) {
        if (c.kind == gradebook::ItemKind::kRegular)
            out.regular_labels.push_back(c.label);
    }
    return out;
}

std::string MarkText(assessment::Mark mark) {
    if (mark.IsScore())
        return mark.score().ToString();
    if (mark.IsPass())
        return "Đ";
    if (mark.IsFail())
        return "CĐ";
    return "";
}

SemesterScores ScoresOf(const gradebook::detail::SubjectSetup& subject, const StudentBook& student, int semester,
                        const assessment::SubjectResult& result) {
    SemesterScores out;
    out.exempt = student.exempt.contains({subject.code, semester});
    const std::vector<gradebook::Cell>* cells = nullptr;
    if (auto it = student.cells.find(subject.code); it != student.cells.end()) {
        cells = &it->second[static_cast<std::size_t>(semester - 1)];
    }
    auto value = [&](const std::string& item) -> std::string {
        if (out.exempt || cells == nullptr)
            return "";
        for (const gradebook::Cell& c : *cells) {
            if (c.item == item)
                return c.value.Text();
        }
        return "";
    };
    for (const gradebook::Column& c : subject.columns) {
        switch (c.kind) {
            case gradebook::ItemKind::kRegular:
                out.regular.push_back(value(c.item));
                break;
            case gradebook::ItemKind::kMidterm:
                out.midterm = value(c.item);
                break;
            case gradebook::ItemKind::kFinal:
                out.final_ = value(c.item);
                break;
        }
    }
    out.average = out.exempt ? "" : MarkText(semester == 1 ? result.hk1 : result.hk2);
    return out;
}

assessment::Period ParsePeriod(std::string_view code) {
    if (code == "hk1")
        return assessment::Period::kHk1;
    if (code == "hk2")
        return assessment::Period::kHk2;
    if (code == "year")
        return assessment::Period::kYear;
    throw Error(Code::kValidation, "period is hk1, hk2 or year");
}

void AddHomeroom(storage::Tx& tx, ClassBook& book, std::string_view period) {
    homeroom::ClassSummary summary = homeroom::BuildClassSummary(tx, book.setup.cls.id, period);
    std::map<std::int64_t, homeroom::SummaryRow*> rows;
    for (homeroom::SummaryRow& row : summary.items)
        rows[row.student_id] = &row;
    // Once the year's lists are approved, the year's outcome and award are what was decided (GB-4), not the engine's
    // proposal: e.g. the principal's decision on a primary student who has not completed the programme.
    if (period == "year") {
        for (const auto& [student_id, line] : homeroom::DecidedLists(tx, book.setup.cls.id)) {
            auto it = rows.find(student_id);
            if (it == rows.end())
                continue;
            it->second->outcome = line.outcome;
            it->second->award = line.award;
        }
    }
    for (StudentBook& s : book.students) {
        auto it = rows.find(s.student.id);
        if (it != rows.end())
            s.homeroom = std::move(*it->second);
    }
    book.has_homeroom = true;
}

std::string SemesterComment(storage::Tx& tx, const ClassBook& book, std::int64_t student_id,
                            std::string_view semester) {
    auto row =
        tx.QueryOne(kSemesterComment, {book.setup.cls.unit_id, book.setup.cls.id, student_id, std::string(semester)});
    return row ? row->Text(0) : "";
}

StudentStanding StandingOf(const ClassBook& book, const StudentBook& student, assessment::Period period) {
    const auto p = static_cast<std::size_t>(period);
    StudentStanding out;
    out.learning = std::string(assessment::LearningName(book.setup.regulation, student.result.learning[p].final));
    if (student.homeroom) {
        const homeroom::SummaryRow& h = *student.homeroom;
        out.learning = h.learning;
        out.conduct = h.conduct == "incomplete" ? "" : h.conduct;
        out.absences = h.absences;
        if (period == assessment::Period::kYear)
            out.outcome = h.outcome;
        out.award = h.award == "incomplete" ? "" : h.award;
        out.rank = h.rank;
    }
    return out;
}

}  // namespace hocvu::reports::detail
