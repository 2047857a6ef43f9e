#include "homeroom/summary.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "assessment/explain.hpp"
#include "gradebook/engine_input.hpp"
#include "gradebook/store.hpp"
#include "homeroom/internal.hpp"
#include "homeroom/service.hpp"
#include "homeroom/store.hpp"

namespace hocvu::homeroom {
namespace {

assessment::Period ParsePeriod(std::string_view period) {
    if (period == "hk1") return assessment::Period::kHk1;
    if (period == "hk2") return assessment::Period::kHk2;
    if (period == "year") return assessment::Period::kYear;
    throw Error(Code::kValidation, "period is hk1, hk2 or year");
}

/// TT27 (primary): each subject's level (end of HK I for "hk1", the year-end level otherwise) and end-of-term test,
/// the period's end-of-term ratings; for "hk2" and "year" the engine's year-end level, completion, title and
/// explanation (TT27 decides at year end only: Điều 9 khoản 2). No conduct, no absence limit, no rank.
ClassSummary BuildPrimarySummary(storage::Tx& tx, const detail::ClassRef& c,
                                 const gradebook::detail::ClassSetup& setup, ClassSummary out,
                                 assessment::Period period) {
    const int semester = period == assessment::Period::kHk1 ? 1 : 2;
    // (student, item) → the end-of-term rating of the semester; (subject, student) → the end-of-term test
    std::map<std::pair<std::int64_t, std::string>, std::string> ratings;
    for (const storage::Row& row : tx.Query(store::kClassQualities, {c.cls.unit_id, c.cls.id, std::int64_t{semester}})) {
        if (row.Text(1) == "ck") ratings[{row.Int(0), row.Text(2)}] = row.Int(3) >= 2 ? "T" : row.Int(3) == 1 ? "Đ" : "C";
    }
    std::map<std::pair<std::string, std::int64_t>, std::string> tests;
    for (const storage::Row& row : tx.Query(gradebook::store::kClassCells, {c.cls.unit_id, c.cls.id})) {
        if (row.Int(1) == semester && row.Text(3) == "ck_kt" && row.OptInt(4)) {
            tests[{row.Text(0), row.Int(2)}] = Tenths::FromTenths(static_cast<std::int32_t>(*row.OptInt(4))).ToString();
        }
    }
    auto [from, to] = detail::PeriodRange(c, out.period);
    std::map<std::int64_t, int> absences = detail::MainAbsences(tx, c, from, to);
    for (const detail::Assessed& a : detail::AssessClass(tx, c, setup, false)) {
        const assessment::Assessment& r = a.result;
        SummaryRow row;
        row.student_id = a.student.id;
        row.student_code = a.student.code;
        row.full_name = a.student.full_name;
        for (std::size_t s = 0; s < a.input.subjects.size(); ++s) {
            const std::string& code = a.input.subjects[s].code;
            row.subjects.emplace_back(code, semester == 1 ? a.hk1_levels[s]
                                                          : std::string(assessment::PrimaryLevelCode(
                                                                r.subjects[s].year_level)));
            if (auto t = tests.find({code, a.student.id}); t != tests.end()) row.tests.emplace_back(code, t->second);
        }
        for (const std::string& item : gradebook::detail::QualityItems()) {
            auto it = ratings.find({a.student.id, item});
            row.qualities.emplace_back(item, it == ratings.end() ? "" : it->second);
        }
        row.outstanding = a.input.outstanding;
        auto ab = absences.find(a.student.id);
        row.absences = ab == absences.end() ? 0 : ab->second;
        if (semester == 2) {
            row.learning_rank = r.learning[2].final;
            row.learning = std::string(assessment::LearningName(assessment::Regulation::kTt27, r.learning[2].final));
            row.award = detail::AwardText(r.award[2]);
            row.outcome = std::string(assessment::OutcomeCode(r.outcome));
            row.missing = detail::MissingLines(a, std::nullopt);
            assessment::Explain(a.input, r, row.explanation);
        } else {
            for (std::size_t s = 0; s < row.subjects.size(); ++s) {
                if (row.subjects[s].second.empty()) row.missing.push_back(row.subjects[s].first + " ck_muc hk1 1");
            }
            int rated = 0;
            for (const auto& q : row.qualities) rated += q.second.empty() ? 0 : 1;
            if (rated < static_cast<int>(row.qualities.size())) {
                row.missing.push_back("qualities hk1 " + std::to_string(row.qualities.size() - rated));
            }
        }
        out.items.push_back(std::move(row));
    }
    return out;
}

}  // namespace

ClassSummary BuildClassSummary(storage::Tx& tx, std::int64_t class_id, std::string_view period_code) {
    const assessment::Period period = ParsePeriod(period_code);
    const auto p = static_cast<std::size_t>(period);
    detail::ClassRef c = detail::LoadClass(tx, class_id);
    gradebook::detail::ClassSetup setup = gradebook::detail::LoadClassSetup(tx, class_id);
    const assessment::Regulation reg = setup.regulation;
    ClassSummary out;
    out.class_id = c.cls.id;
    out.class_name = c.cls.name;
    out.year_id = c.year.id;
    out.year = c.year.name;
    out.regulation = std::string(assessment::RegulationCode(reg));
    out.period = std::string(period_code);
    for (const gradebook::detail::SubjectSetup& s : setup.subjects) out.subjects.push_back({s.code, s.name, s.scored});
    if (reg == assessment::Regulation::kTt27) return BuildPrimarySummary(tx, c, setup, std::move(out), period);
    std::vector<detail::Assessed> assessed = detail::AssessClass(tx, c, setup, false);
    std::vector<detail::Assessed> summer;
    if (period == assessment::Period::kYear) summer = detail::AssessClass(tx, c, setup, true);
    auto [from, to] = detail::PeriodRange(c, period_code);
    std::map<std::int64_t, int> absences = detail::MainAbsences(tx, c, from, to);
    std::vector<std::int64_t> sums;  // sum of the scored subjects' results of the period, in tenths (rank key)
    for (std::size_t i = 0; i < assessed.size(); ++i) {
        const detail::Assessed& a = assessed[i];
        const assessment::Assessment& r = a.result;
        SummaryRow row;
        row.student_id = a.student.id;
        row.student_code = a.student.code;
        row.full_name = a.student.full_name;
        std::int64_t sum = 0;
        for (std::size_t s = 0; s < a.input.subjects.size(); ++s) {
            const assessment::SubjectResult& sr = r.subjects[s];
            assessment::Mark mark = period == assessment::Period::kHk1   ? sr.hk1
                                    : period == assessment::Period::kHk2 ? sr.hk2
                                                                         : sr.year;
            if (mark.IsScore()) sum += mark.score().tenths();
            row.subjects.emplace_back(a.input.subjects[s].code, detail::MarkText(mark));
        }
        sums.push_back(sum);
        row.learning_rank = r.learning[p].final;
        row.conduct_rank = r.conduct[p];
        row.learning = std::string(assessment::LearningName(reg, r.learning[p].final));
        row.conduct = std::string(assessment::ConductName(reg, r.conduct[p]));
        auto ab = absences.find(a.student.id);
        row.absences = ab == absences.end() ? 0 : ab->second;
        row.award = detail::AwardText(r.award[p]);
        if (period == assessment::Period::kYear) {
            row.outcome = std::string(assessment::OutcomeCode(r.outcome));
            row.reassess_subjects = detail::ReassessSubjects(a);
            row.retained_for_absences = r.retained_for_absences;
            row.reassessment_blocked_by_conduct = r.reassessment_blocked_by_conduct;
            const detail::Assessed& after = summer[i];
            row.summer_done = after.result.summer_reassessment_done || after.result.summer_conduct_done;
            row.outcome_after_summer = std::string(assessment::OutcomeCode(after.result.outcome));
            if (after.result.summer_reassessment_done) {
                row.learning_after_summer =
                    std::string(assessment::LearningName(reg, after.result.learning_after_summer.final));
            }
            if (after.result.summer_conduct_done) {
                row.conduct_after_summer = std::string(assessment::ConductName(reg, after.result.conduct_after_summer));
            }
            row.reassessment.assign(after.reassessment_given.begin(), after.reassessment_given.end());
            assessment::Explain(after.input, after.result, row.explanation);
        } else {
            assessment::Explain(a.input, r, row.explanation);
        }
        row.missing = detail::MissingLines(a, period);
        out.items.push_back(std::move(row));
    }
    // Rank in class: learning level, then conduct level, then the sum of the scored subjects' results; equal keys
    // share a rank (1, 1, 3). A student whose learning level is incomplete has no rank (0).
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < out.items.size(); ++i) {
        if (out.items[i].learning_rank >= 0) order.push_back(i);
    }
    auto key = [&](std::size_t i) {
        return std::make_tuple(out.items[i].learning_rank, out.items[i].conduct_rank, sums[i]);
    };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(a) > key(b); });
    for (std::size_t k = 0; k < order.size(); ++k) {
        const bool tie = k > 0 && key(order[k]) == key(order[k - 1]);
        out.items[order[k]].rank = tie ? out.items[order[k - 1]].rank : static_cast<int>(k + 1);
    }
    return out;
}

std::map<std::int64_t, DecidedLine> DecidedLists(storage::Tx& tx, std::int64_t class_id) {
    std::map<std::int64_t, DecidedLine> out;
    detail::ClassRef c = detail::LoadClass(tx, class_id);
    if (!detail::Approved(detail::LoadYearClose(tx, c))) return out;
    for (const storage::Row& row : tx.Query(store::kYearCloseItems, {c.cls.unit_id, c.cls.id})) {
        const std::string final_outcome = row.Text(9);
        out[row.Int(0)] = {final_outcome.empty() ? row.Text(4) : final_outcome, row.Text(5)};
    }
    return out;
}

ClassSummary GetSummary(app::Context& ctx, const org::Actor& actor, std::int64_t class_id, std::string_view period) {
    return ctx.db.Read([&](storage::Tx& tx) {
        detail::ClassRef c = detail::LoadClass(tx, class_id);
        detail::RequireRead(actor, c);
        return BuildClassSummary(tx, class_id, period);
    });
}

}  // namespace hocvu::homeroom
