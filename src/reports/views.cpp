#include "reports/views.hpp"

#include <algorithm>
#include <map>

#include "assessment/explain.hpp"
#include "common/error.hpp"
#include "org/policy.hpp"
#include "org/service.hpp"
#include "people/service.hpp"
#include "reports/book.hpp"
#include "schooling/service.hpp"

namespace hocvu::reports {
namespace {

constexpr std::string_view kCurrentClass =
    "SELECT class_id FROM enrolments WHERE student_id = $1 AND status = 'active' ORDER BY started_on DESC, id DESC";
constexpr std::string_view kEnrolled =
    "SELECT 1 FROM enrolments WHERE unit_id = $1 AND class_id = $2 AND student_id = $3";
constexpr std::string_view kYears =
    "SELECT id, status FROM school_years WHERE unit_id = $1 ORDER BY starts_on DESC, id DESC";

/// The principal board's check: statistics and scores of the whole school.
void RequireBoard(const org::Actor& actor, const org::Unit& school) {
    org::Scope scope = org::UnitScope(school);
    org::Require(actor, org::Permission::kReportRead, scope);
    org::Require(actor, org::Permission::kScoreRead, scope);
}

bool IsBoard(const org::Actor& actor, const org::Unit& school) {
    org::Scope scope = org::UnitScope(school);
    return org::Allowed(actor, org::Permission::kReportRead, scope) &&
           org::Allowed(actor, org::Permission::kScoreRead, scope);
}

const detail::StudentBook& FindStudent(const detail::ClassBook& book, std::int64_t student_id) {
    for (const detail::StudentBook& s : book.students) {
        if (s.student.id == student_id)
            return s;
    }
    throw Error(Code::kNotFound, "the student is not in class " + book.setup.cls.name);
}

bool Primary(const detail::ClassBook& book) {
    return book.setup.regulation == assessment::Regulation::kTt27;
}

/// The grade sheets lay out scores by ĐĐGtx / ĐĐGgk / ĐĐGck; a TT27 sheet holds levels and tests, which the
/// gradebook's own sheet shows.
void RequireScoreSheets(const detail::ClassBook& book) {
    if (Primary(book)) {
        throw Error(Code::kValidation, "TT27 (primary) sheets hold levels and periodic tests, not scores: read them in "
                                       "the gradebook (class summary and report card cover primary classes)");
    }
}

/// TT27: the homeroom summary's value of each subject of the class ("" for a subject the student is exempt from).
std::vector<std::string> PrimaryValues(const detail::ClassBook& book,
                                       const std::vector<std::pair<std::string, std::string>>& pairs) {
    std::vector<std::string> out;
    for (const auto& subject : book.setup.subjects) {
        std::string value;
        for (const auto& [code, v] : pairs) {
            if (code == subject.code) value = v;
        }
        out.push_back(std::move(value));
    }
    return out;
}

/// Index of a TT22 level rank (3 Tốt … 0 Chưa đạt) in a best-first list; -1 when incomplete or none.
int LevelIndex(assessment::Rank rank, int levels) {
    if (rank < 0 || rank >= levels)
        return -1;
    return levels - 1 - rank;
}

void Finish(Distribution& d) {
    d.assessed = 0;
    for (std::int64_t c : d.counts)
        d.assessed += c;
    d.percent_tenths.clear();
    for (std::int64_t c : d.counts)
        d.percent_tenths.push_back(PercentTenths(c, d.assessed));
}

}  // namespace

int ScoreBand(Tenths average) {
    if (average.tenths() >= 80)
        return 0;
    if (average.tenths() >= 65)
        return 1;
    if (average.tenths() >= 50)
        return 2;
    return 3;
}

std::int64_t PercentTenths(std::int64_t count, std::int64_t total) {
    if (total <= 0)
        return 0;
    return DivideRoundHalfUp(count * 1000, total);
}

StudentGradeSheet GetStudentGradeSheet(app::Context& ctx, const org::Actor& actor, std::int64_t class_id,
                                       std::int64_t student_id) {
    return ctx.db.Read([&](storage::Tx& tx) {
        detail::ClassBook book = detail::LoadBook(tx, class_id);
        RequireBoard(actor, book.setup.school);
        RequireScoreSheets(book);
        const detail::StudentBook& s = FindStudent(book, student_id);
        StudentGradeSheet out;
        out.cls = detail::RefOf(book.setup);
        out.student = detail::RefOf(s.student);
        for (std::size_t i = 0; i < book.setup.subjects.size(); ++i) {
            const auto& subject = book.setup.subjects[i];
            const assessment::SubjectResult& r = s.result.subjects[i];
            out.subjects.push_back({detail::ColumnsOf(subject), detail::ScoresOf(subject, s, 1, r),
                                    detail::ScoresOf(subject, s, 2, r), detail::MarkText(r.year)});
        }
        for (std::size_t p = 0; p < 3; ++p) {
            out.learning[p] = std::string(assessment::LearningName(book.setup.regulation, s.result.learning[p].final));
        }
        assessment::Explain(s.year, s.result, out.explanation);
        return out;
    });
}

ClassGradeSheet GetClassGradeSheet(app::Context& ctx, const org::Actor& actor, std::int64_t class_id,
                                   std::string_view subject_code) {
    return ctx.db.Read([&](storage::Tx& tx) {
        detail::ClassBook book = detail::LoadBook(tx, class_id);
        RequireBoard(actor, book.setup.school);
        RequireScoreSheets(book);
        const auto& subject = book.setup.Subject(subject_code);
        const auto i = static_cast<std::size_t>(&subject - book.setup.subjects.data());
        ClassGradeSheet out;
        out.cls = detail::RefOf(book.setup);
        out.subject = detail::ColumnsOf(subject);
        for (const detail::StudentBook& s : book.students) {
            const assessment::SubjectResult& r = s.result.subjects[i];
            out.rows.push_back({detail::RefOf(s.student), detail::ScoresOf(subject, s, 1, r),
                                detail::ScoresOf(subject, s, 2, r), detail::MarkText(r.year)});
        }
        return out;
    });
}

ClassSummary GetClassSummary(app::Context& ctx, const org::Actor& actor, std::int64_t class_id,
                             std::string_view period_code) {
    const assessment::Period period = detail::ParsePeriod(period_code);
    return ctx.db.Read([&](storage::Tx& tx) {
        detail::ClassBook book = detail::LoadBook(tx, class_id);
        RequireBoard(actor, book.setup.school);
        detail::AddHomeroom(tx, book, period_code);
        ClassSummary out;
        out.cls = detail::RefOf(book.setup);
        out.period = std::string(period_code);
        out.has_conduct = book.has_homeroom && !Primary(book);
        if (Primary(book)) {
            out.levels = {"Hoàn thành xuất sắc", "Hoàn thành tốt", "Hoàn thành", "Chưa hoàn thành"};
        }
        for (const auto& subject : book.setup.subjects)
            out.subjects.push_back(detail::ColumnsOf(subject));
        const auto p = static_cast<std::size_t>(period);
        for (const detail::StudentBook& s : book.students) {
            ClassSummary::Row row;
            row.student = detail::RefOf(s.student);
            if (Primary(book)) {
                // TT27: the levels of the period (end of HK I, or the year) and the year-end result, from the homeroom
                // summary; no conduct.
                row.averages = PrimaryValues(book, s.homeroom->subjects);
                row.standing = detail::StandingOf(book, s, period);
                const int learning = LevelIndex(static_cast<assessment::Rank>(s.homeroom->learning_rank), 4);
                out.learning_counts[static_cast<std::size_t>(learning < 0 ? 4 : learning)] += 1;
                row.explanation = s.homeroom->explanation;
                out.rows.push_back(std::move(row));
                continue;
            }
            for (const assessment::SubjectResult& r : s.result.subjects) {
                row.averages.push_back(detail::MarkText(period == assessment::Period::kHk1   ? r.hk1
                                                        : period == assessment::Period::kHk2 ? r.hk2
                                                                                             : r.year));
            }
            row.standing = detail::StandingOf(book, s, period);
            const int learning = LevelIndex(s.result.learning[p].final, 4);
            out.learning_counts[static_cast<std::size_t>(learning < 0 ? 4 : learning)] += 1;
            if (s.homeroom) {
                const int learning_h = LevelIndex(static_cast<assessment::Rank>(s.homeroom->learning_rank), 4);
                out.learning_counts[static_cast<std::size_t>(learning < 0 ? 4 : learning)] -= 1;
                out.learning_counts[static_cast<std::size_t>(learning_h < 0 ? 4 : learning_h)] += 1;
                const int conduct = LevelIndex(static_cast<assessment::Rank>(s.homeroom->conduct_rank), 4);
                out.conduct_counts[static_cast<std::size_t>(conduct < 0 ? 4 : conduct)] += 1;
                row.explanation = s.homeroom->explanation;
            } else {
                assessment::Explain(s.year, s.result, row.explanation);
            }
            out.rows.push_back(std::move(row));
        }
        return out;
    });
}

ReportCard GetReportCard(app::Context& ctx, const org::Actor& actor, std::int64_t class_id, std::int64_t student_id,
                         std::string_view period_code) {
    const assessment::Period period = detail::ParsePeriod(period_code);
    return ctx.db.Read([&](storage::Tx& tx) {
        std::int64_t id = class_id;
        if (id == 0) {
            auto rows = tx.Query(kCurrentClass, {student_id});
            if (rows.empty())
                throw Error(Code::kNotFound, "the student is not enrolled in a class");
            id = rows.front().Int(0);
        }
        detail::ClassBook book = detail::LoadBook(tx, id);
        org::Scope scope = org::UnitScope(book.setup.school);
        scope.class_id = book.setup.cls.id;
        scope.student_id = student_id;
        if (!IsBoard(actor, book.setup.school))
            org::Require(actor, org::Permission::kScoreRead, scope);
        if (tx.Query(kEnrolled, {book.setup.cls.unit_id, book.setup.cls.id, student_id}).empty()) {
            throw Error(Code::kNotFound, "the student is not in class " + book.setup.cls.name);
        }
        detail::AddHomeroom(tx, book, period_code);
        const detail::StudentBook& s = FindStudent(book, student_id);
        ReportCard out;
        out.cls = detail::RefOf(book.setup);
        out.student = detail::RefOf(s.student);
        out.period = std::string(period_code);
        if (Primary(book)) {
            // TT27: each subject's level at the end of HK I and at the end of the year (HK II); the year-end tests and
            // ratings are in the explanation.
            std::vector<std::string> end_of_year(book.setup.subjects.size());
            if (period != assessment::Period::kHk1) {
                end_of_year = PrimaryValues(book, s.homeroom->subjects);
                detail::AddHomeroom(tx, book, "hk1");
            }
            const std::vector<std::string> hk1 = PrimaryValues(book, s.homeroom->subjects);
            if (period != assessment::Period::kHk1)
                detail::AddHomeroom(tx, book, period_code);
            for (std::size_t i = 0; i < book.setup.subjects.size(); ++i) {
                const auto& subject = book.setup.subjects[i];
                out.subjects.push_back({subject.code, subject.name, hk1[i],
                                        period == assessment::Period::kHk2 ? end_of_year[i] : "",
                                        period == assessment::Period::kYear ? end_of_year[i] : ""});
            }
        }
        for (std::size_t i = 0; i < book.setup.subjects.size() && !Primary(book); ++i) {
            const auto& subject = book.setup.subjects[i];
            const assessment::SubjectResult& r = s.result.subjects[i];
            ReportCard::Row row{subject.code, subject.name, "", "", ""};
            if (period != assessment::Period::kHk2)
                row.hk1 = detail::MarkText(r.hk1);
            if (period != assessment::Period::kHk1)
                row.hk2 = detail::MarkText(r.hk2);
            if (period == assessment::Period::kYear)
                row.year = detail::MarkText(r.year);
            out.subjects.push_back(std::move(row));
        }
        out.standing = detail::StandingOf(book, s, period);
        // The year's card carries the comment of HK II, the end of the year.
        out.homeroom_comment =
            detail::SemesterComment(tx, book, student_id, period == assessment::Period::kHk1 ? "hk1" : "hk2");
        if (s.homeroom) {
            out.explanation = s.homeroom->explanation;
        } else {
            assessment::Explain(s.year, s.result, out.explanation);
        }
        return out;
    });
}

ClassificationRates GetClassificationRates(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id,
                                           std::string_view year, std::string_view period_code) {
    const assessment::Period period = detail::ParsePeriod(period_code);
    const auto p = static_cast<std::size_t>(period);
    return ctx.db.Read([&](storage::Tx& tx) {
        org::Unit school = people::SchoolOf(tx, unit_id);
        RequireBoard(actor, school);
        std::optional<schooling::SchoolYear> found;
        if (year.empty()) {
            std::optional<std::int64_t> chosen;
            for (const storage::Row& row : tx.Query(kYears, {school.id})) {
                if (!chosen)
                    chosen = row.Int(0);
                if (row.Text(1) == "open") {
                    chosen = row.Int(0);
                    break;
                }
            }
            if (chosen)
                found = schooling::FindYearTx(tx, *chosen);
        } else if (!year.empty() &&
                   std::all_of(year.begin(), year.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
                   year.size() < 19) {
            found = schooling::FindYearTx(tx, std::stoll(std::string(year)));
        } else {
            found = schooling::FindYearByNameTx(tx, school.id, year);
        }
        if (!found || found->unit_id != school.id)
            throw Error(Code::kNotFound, "no such school year");

        ClassificationRates out;
        out.unit_id = school.id;
        out.school_name = school.name;
        out.year_name = found->name;
        out.period = std::string(period_code);
        out.scored_levels = {"Tốt", "Khá", "Đạt", "Chưa đạt"};
        out.comment_levels = {"Đạt", "Chưa đạt"};
        out.learning_levels = {"Tốt", "Khá", "Đạt", "Chưa đạt"};

        // (subject code, grade) → row; grade 0 is the whole school. Subjects keep the order they first appear in.
        std::map<std::pair<std::string, int>, ClassificationRates::SubjectRow> subjects;
        std::vector<std::string> order;
        std::map<int, ClassificationRates::GradeRow> grades;
        auto grade_row = [&](int grade) -> ClassificationRates::GradeRow& {
            auto [it, inserted] = grades.try_emplace(grade);
            if (inserted) {
                it->second.grade = grade;
                it->second.learning.counts.assign(4, 0);
                it->second.conduct.counts.assign(4, 0);
            }
            return it->second;
        };
        for (std::int64_t class_id : detail::ClassesOfYear(tx, school.id, found->id)) {
            std::optional<detail::ClassBook> loaded;
            try {
                loaded.emplace(detail::LoadBook(tx, class_id));
            } catch (const Error& e) {
                if (e.code() != Code::kValidation)
                    throw;
                auto cls = schooling::FindClassTx(tx, class_id);
                out.skipped_classes.push_back((cls ? cls->name : std::to_string(class_id)) + ": " + e.what());
                continue;
            }
            if (Primary(*loaded)) {
                // TT27 levels (Hoàn thành xuất sắc … Chưa hoàn thành) are not TT22's; they are not mixed into the rates.
                out.skipped_classes.push_back(loaded->setup.cls.name +
                                              ": TT27 (tiểu học) — xem Tổng hợp kết quả lớp");
                continue;
            }
            detail::AddHomeroom(tx, *loaded, period_code);
            const detail::ClassBook& book = *loaded;
            const int grade = book.setup.cls.grade;
            for (int g : {grade, 0}) {
                ClassificationRates::GradeRow& row = grade_row(g);
                row.classes += 1;
                row.has_conduct = row.has_conduct || book.has_homeroom;
            }
            for (const detail::StudentBook& s : book.students) {
                for (int g : {grade, 0}) {
                    ClassificationRates::GradeRow& row = grade_row(g);
                    row.students += 1;
                    const int learning =
                        LevelIndex(s.homeroom ? static_cast<assessment::Rank>(s.homeroom->learning_rank)
                                              : s.result.learning[p].final,
                                   4);
                    if (learning < 0) {
                        row.learning.incomplete += 1;
                    } else {
                        row.learning.counts[static_cast<std::size_t>(learning)] += 1;
                    }
                    if (s.homeroom) {
                        const int conduct = LevelIndex(static_cast<assessment::Rank>(s.homeroom->conduct_rank), 4);
                        if (conduct < 0) {
                            row.conduct.incomplete += 1;
                        } else {
                            row.conduct.counts[static_cast<std::size_t>(conduct)] += 1;
                        }
                    }
                }
                for (std::size_t i = 0; i < book.setup.subjects.size(); ++i) {
                    const auto& subject = book.setup.subjects[i];
                    const assessment::SubjectResult& r = s.result.subjects[i];
                    const assessment::Mark mark = period == assessment::Period::kHk1   ? r.hk1
                                                  : period == assessment::Period::kHk2 ? r.hk2
                                                                                       : r.year;
                    if (mark.IsNone())
                        continue;  // exempt or not taught in the period
                    for (int g : {grade, 0}) {
                        auto [it, inserted] = subjects.try_emplace({subject.code, g});
                        ClassificationRates::SubjectRow& row = it->second;
                        if (inserted) {
                            row.code = subject.code;
                            row.name = subject.name;
                            row.grade = g;
                            row.scored = subject.scored;
                            row.distribution.counts.assign(subject.scored ? 4 : 2, 0);
                            if (g == 0)
                                order.push_back(subject.code);
                        }
                        if (mark.IsScore()) {
                            row.distribution.counts[static_cast<std::size_t>(ScoreBand(mark.score()))] += 1;
                        } else if (mark.IsPass()) {
                            row.distribution.counts[0] += 1;
                        } else if (mark.IsFail()) {
                            row.distribution.counts[1] += 1;
                        } else {
                            row.distribution.incomplete += 1;
                        }
                    }
                }
            }
        }
        // Each subject: the whole school first, then by grade.
        for (const std::string& code : order) {
            for (auto& [key, row] : subjects) {
                if (key.first != code || key.second != 0)
                    continue;
                Finish(row.distribution);
                out.subjects.push_back(row);
            }
            for (auto& [key, row] : subjects) {
                if (key.first != code || key.second == 0)
                    continue;
                Finish(row.distribution);
                out.subjects.push_back(row);
            }
        }
        // Grades in order, then the whole school.
        for (auto& [grade, row] : grades) {
            Finish(row.learning);
            Finish(row.conduct);
            if (grade != 0)
                out.grades.push_back(row);
        }
        if (auto it = grades.find(0); it != grades.end())
            out.grades.push_back(it->second);
        return out;
    });
}

}  // namespace hocvu::reports
