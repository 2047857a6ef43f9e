#include "province.hpp"

#include <algorithm>
#include <array>
#include "assessment/tt22/tt22.hpp"

namespace hocvu::bench {
namespace {

using assessment::Conduct;
using assessment::Mark;
using assessment::PrimaryLevel;
using assessment::QualityRating;
using assessment::SchoolLevel;
using assessment::SemesterMarks;
using assessment::StudentYear;
using assessment::SubjectInput;
using assessment::SubjectKind;

struct SubjectPlan {
    const char* code;
    SubjectKind kind;
    int periods;
    int topics;
};

// regulations.md §2.1 (grade 8) and §2.2 (THPT: compulsory subjects, 4 electives, 3 study-topic clusters).
constexpr std::array<SubjectPlan, 12> kThcs = {{{"TOAN", SubjectKind::kScored, 140, 0},
                                                {"VAN", SubjectKind::kScored, 140, 0},
                                                {"NN1", SubjectKind::kScored, 105, 0},
                                                {"GDCD", SubjectKind::kScored, 35, 0},
                                                {"LSDL", SubjectKind::kScored, 105, 0},
                                                {"KHTN", SubjectKind::kScored, 140, 0},
                                                {"CN", SubjectKind::kScored, 52, 0},
                                                {"TIN", SubjectKind::kScored, 35, 0},
                                                {"GDTC", SubjectKind::kComment, 70, 0},
                                                {"NT", SubjectKind::kComment, 70, 0},
                                                {"HDTN", SubjectKind::kComment, 105, 0},
                                                {"GDDP", SubjectKind::kComment, 35, 0}}};
constexpr std::array<SubjectPlan, 12> kThpt = {{{"TOAN", SubjectKind::kScored, 105, 0},
                                                {"VAN", SubjectKind::kScored, 105, 0},
                                                {"NN1", SubjectKind::kScored, 105, 0},
                                                {"LICHSU", SubjectKind::kScored, 52, 0},
                                                {"GDQPAN", SubjectKind::kScored, 35, 0},
                                                {"VATLI", SubjectKind::kScored, 70, 1},
                                                {"HOA", SubjectKind::kScored, 70, 1},
                                                {"SINH", SubjectKind::kScored, 70, 1},
                                                {"TINHOC", SubjectKind::kScored, 70, 0},
                                                {"GDTC", SubjectKind::kComment, 70, 0},
                                                {"HDTN", SubjectKind::kComment, 105, 0},
                                                {"GDDP", SubjectKind::kComment, 35, 0}}};

}  // namespace

int ProvinceGenerator::Score(int base) {
    std::normal_distribution<double> noise(0.0, 12.0);
    return std::clamp(base + static_cast<int>(noise(rng_)), 0, 100);
}

StudentYear ProvinceGenerator::Secondary(bool upper) {
    StudentYear student;
    student.regulation = assessment::Regulation::kTt22;
    student.level = upper ? SchoolLevel::kUpperSecondary : SchoolLevel::kLowerSecondary;
    student.grade = upper ? 10 + static_cast<int>(rng_() % 3) : 6 + static_cast<int>(rng_() % 4);
    std::normal_distribution<double> ability(72.0, 11.0);
    const int base = std::clamp(static_cast<int>(ability(rng_)), 25, 98);
    std::uniform_int_distribution<int> percent(0, 999);
    const auto& plans = upper ? kThpt : kThcs;
    student.subjects.reserve(plans.size());
    for (const SubjectPlan& plan : plans) {
        SubjectInput subject;
        subject.code = plan.code;
        subject.kind = plan.kind;
        subject.periods_per_year = static_cast<std::int16_t>(plan.periods);
        subject.topics = static_cast<std::uint8_t>(plan.topics);
        const int required = assessment::tt22::RequiredRegularCount(plan.kind, plan.periods, plan.topics);
        for (SemesterMarks* marks : {&subject.hk1, &subject.hk2}) {
            marks->taught = true;
            marks->regular_count = static_cast<std::uint8_t>(required);
            marks->midterm_count = 1;
            const auto mark = [&](bool whole) {
                if (percent(rng_) == 0 && percent(rng_) < 200) {
                    return Mark::Missing();  // 0.02 %: not entered by year end
                }
                if (plan.kind == SubjectKind::kComment) {
                    return Mark::Comment(percent(rng_) >= 4);
                }
                const int score = Score(base);
                return Mark::Score(Tenths::FromTenths(whole ? score / 10 * 10 : score / 5 * 5));
            };
            for (int i = 0; i < required; ++i) {
                marks->regular[static_cast<std::size_t>(i)] = mark(true);
            }
            marks->midterm[0] = mark(false);
            marks->final = mark(false);
        }
        if (percent(rng_) < 3) {
            subject.reassessment = plan.kind == SubjectKind::kComment ? Mark::Comment(percent(rng_) < 800)
                                                                      : Mark::Score(Tenths::FromTenths(Score(55)));
        }
        student.subjects.push_back(std::move(subject));
    }
    const auto conduct = [&]() {
        const int p = percent(rng_);
        return p < 600 ? Conduct::kVeryGood : p < 850 ? Conduct::kGood : p < 975 ? Conduct::kPass : Conduct::kWeak;
    };
    student.conduct_hk1 = conduct();
    student.conduct_hk2 = conduct();
    student.absences = percent(rng_) < 10 ? 46 + static_cast<int>(rng_() % 20) : static_cast<int>(rng_() % 12);
    return student;
}

StudentYear ProvinceGenerator::Primary() {
    StudentYear student;
    student.regulation = assessment::Regulation::kTt27;
    student.level = SchoolLevel::kPrimary;
    student.grade = 1 + static_cast<int>(rng_() % 5);
    std::uniform_int_distribution<int> percent(0, 999);
    std::vector<const char*> codes = {"TV", "TOAN", "DAODUC", "GDTC", "AMNHAC", "MITHUAT", "HDTRAINGHIEM"};
    if (student.grade <= 3) {
        codes.push_back("TNXH");
    } else {
        codes.push_back("LSDL");
        codes.push_back("KH");
    }
    if (student.grade >= 3) {
        codes.push_back("NN1");
        codes.push_back("TINCN");
    }
    student.subjects.reserve(codes.size());
    std::normal_distribution<double> ability(8.3, 1.2);
    const double base = ability(rng_);
    for (const char* code : codes) {
        SubjectInput subject;
        subject.code = code;
        subject.kind = SubjectKind::kPrimary;
        const int p = percent(rng_);
        subject.year_level = p < 650 ? PrimaryLevel::kHtt : p < 985 ? PrimaryLevel::kHt : PrimaryLevel::kCht;
        std::normal_distribution<double> test(base, 1.0);
        subject.year_test = static_cast<std::int8_t>(std::clamp(static_cast<int>(test(rng_) + 0.5), 0, 10));
        student.subjects.push_back(std::move(subject));
    }
    student.qualities.resize(15);
    for (QualityRating& rating : student.qualities) {
        const int p = percent(rng_);
        rating = p < 850 ? QualityRating::kTot : p < 995 ? QualityRating::kDat : QualityRating::kCanCoGang;
    }
    student.outstanding = percent(rng_) < 300;
    return student;
}

StudentYear ProvinceGenerator::Next() {
    const auto p = rng_() % 100;
    if (p < 45) {
        return Primary();
    }
    return Secondary(p >= 80);
}

void ProvinceGenerator::WriteJsonLine(const StudentYear& student, std::uint64_t id, std::ostream& out) {
    const auto mark = [&](Mark m) {
        if (m.IsMissing()) {
            out << "null";
        } else if (m.IsScore()) {
            out << m.score().ToString();
        } else {
            out << (m.IsPass() ? "\"Đ\"" : "\"CĐ\"");
        }
    };
    const char* level = student.level == SchoolLevel::kPrimary          ? "TH"
                        : student.level == SchoolLevel::kLowerSecondary ? "THCS"
                                                                        : "THPT";
    out << R"({"id":")" << id << R"(","regulation":"auto","school_year":"2025-2026","level":")" << level
        << R"(","grade":)" << student.grade << R"(,"subjects":[)";
    for (std::size_t i = 0; i < student.subjects.size(); ++i) {
        const SubjectInput& s = student.subjects[i];
        out << (i == 0 ? "" : ",") << R"({"code":")" << s.code << '"';
        if (s.kind == SubjectKind::kPrimary) {
            constexpr std::array<const char*, 4> kLevels = {"", "CHT", "HT", "HTT"};
            out << R"(,"kind":"tt27","year_level":")" << kLevels[static_cast<std::size_t>(s.year_level)] << '"';
            if (s.year_test >= 0) {
                out << R"(,"year_test":)" << static_cast<int>(s.year_test);
            }
            out << '}';
            continue;
        }
        out << R"(,"kind":")" << (s.kind == SubjectKind::kScored ? "score" : "comment") << R"(","periods_per_year":)"
            << s.periods_per_year;
        if (s.topics > 0) {
            out << R"(,"topics":)" << static_cast<int>(s.topics);
        }
        for (const auto& [name, marks] : {std::pair{"hk1", &s.hk1}, std::pair{"hk2", &s.hk2}}) {
            out << ",\"" << name << R"(":{"tx":[)";
            for (int t = 0; t < marks->regular_count; ++t) {
                out << (t == 0 ? "" : ",");
                mark(marks->regular[static_cast<std::size_t>(t)]);
            }
            out << R"(],"gk":)";
            mark(marks->midterm[0]);
            out << R"(,"ck":)";
            mark(marks->final);
            out << '}';
        }
        out << '}';
    }
    out << ']';
    if (student.level == SchoolLevel::kPrimary) {
        constexpr std::array<const char*, 4> kRatings = {"null", "\"C\"", "\"Đ\"", "\"T\""};
        out << R"(,"qualities":[)";
        for (std::size_t q = 0; q < student.qualities.size(); ++q) {
            out << (q == 0 ? "" : ",") << kRatings[static_cast<std::size_t>(student.qualities[q])];
        }
        out << R"(],"outstanding":)" << (student.outstanding ? "true" : "false") << "}\n";
        return;
    }
    constexpr std::array<const char*, 4> kConduct = {"Chưa đạt", "Đạt", "Khá", "Tốt"};
    out << R"(,"conduct":{"hk1":")" << kConduct[static_cast<std::size_t>(student.conduct_hk1)] << R"(","hk2":")"
        << kConduct[static_cast<std::size_t>(student.conduct_hk2)] << R"("},"absences":)" << student.absences;
    bool first = true;
    for (const SubjectInput& s : student.subjects) {
        if (s.reassessment.IsNone()) {
            continue;
        }
        out << (first ? R"(,"reassessment":{")" : R"(,")") << s.code << "\":";
        mark(s.reassessment);
        first = false;
    }
    if (!first) {
        out << '}';
    }
    out << "}\n";
}

}  // namespace hocvu::bench
