#include "assessment/explain.hpp"

#include <array>

#include "assessment/subject_catalog.hpp"
#include "assessment/subject_rules.hpp"
#include "assessment/tt22/tt22.hpp"
#include "assessment/tt27/tt27.hpp"
#include "assessment/tt58/tt58.hpp"

namespace hocvu::assessment {
namespace {

constexpr std::string_view kIncomplete = "incomplete";

constexpr std::array<std::string_view, 4> kTt22Levels = {"Chưa đạt", "Đạt", "Khá", "Tốt"};
constexpr std::array<std::string_view, 5> kTt58Levels = {"Kém", "Yếu", "Trung bình", "Khá", "Giỏi"};
constexpr std::array<std::string_view, 4> kTt27Levels = {"Chưa hoàn thành", "Hoàn thành", "Hoàn thành tốt",
                                                         "Hoàn thành xuất sắc"};
constexpr std::array<std::string_view, 4> kTt58Conduct = {"Yếu", "Trung bình", "Khá", "Tốt"};

// TT27 Điều 3: the order of the 15 ratings in the input.
constexpr std::array<std::string_view, tt27::kQualityCount> kQualityNames = {
    "phẩm chất yêu nước", "phẩm chất nhân ái", "phẩm chất chăm chỉ", "phẩm chất trung thực",
    "phẩm chất trách nhiệm", "năng lực tự chủ và tự học", "năng lực giao tiếp và hợp tác",
    "năng lực giải quyết vấn đề và sáng tạo", "năng lực ngôn ngữ", "năng lực tính toán", "năng lực khoa học",
    "năng lực công nghệ", "năng lực tin học", "năng lực thẩm mĩ", "năng lực thể chất"};

constexpr std::array<std::string_view, 3> kPeriodNames = {"HK I", "HK II", "cả năm"};

std::string V(Tenths value) { return value.ToVietnamese(); }

std::string SubjectName(const StudentYear& student, int index) {
    if (index < 0 || static_cast<std::size_t>(index) >= student.subjects.size()) {
        return "?";
    }
    const std::string& code = student.subjects[static_cast<std::size_t>(index)].code;
    const SubjectInfo info = LookUpSubject(code);
    return info.name.empty() ? code : std::string(info.name);
}

std::string PeriodName(std::size_t period) { return std::string(kPeriodNames[period]); }

bool IsTt22(const StudentYear& s) { return s.regulation == Regulation::kTt22; }

// Article citations, one place per regulation.
std::string AverageRule(const StudentYear& s) {
    switch (s.regulation) {
        case Regulation::kTt22:
            return "TT22 Điều 9 khoản 1";
        case Regulation::kTt26:
            return "TT58 Điều 10, sửa đổi bởi TT26";
        default:
            return "TT58 Điều 10";
    }
}
std::string LevelRule(const StudentYear& s) { return IsTt22(s) ? "TT22 Điều 9 khoản 2" : "TT58 Điều 13"; }

std::string Sum(std::string_view label, std::int64_t tenths) {
    return std::string(label) + Tenths::FromTenths(static_cast<std::int32_t>(tenths)).ToVietnamese();
}

void ExplainSemesterAverage(const StudentYear& s, int index, std::size_t period, const SemesterMarks& marks,
                            std::vector<std::string>& lines) {
    std::int64_t regular = 0;
    int regular_count = 0;
    std::int64_t midterm = 0;
    int midterm_count = 0;
    for (int i = 0; i < marks.regular_count; ++i) {
        if (marks.regular[i].IsScore()) {
            regular += marks.regular[i].score().tenths();
            ++regular_count;
        }
    }
    for (int i = 0; i < marks.midterm_count; ++i) {
        if (marks.midterm[i].IsScore()) {
            midterm += marks.midterm[i].score().tenths();
            ++midterm_count;
        }
    }
    const AverageParts parts = SemesterAverage(marks);
    std::string line = SubjectName(s, index) + " " + PeriodName(period) + ": ĐTBmhk = (" + Sum("", regular) +
                       " + 2 × " + Sum("", midterm) + " + 3 × " + V(marks.final.score()) + ") : (" +
                       std::to_string(regular_count) + " + " + std::to_string(2 * midterm_count) + " + 3) = " +
                       Sum("", parts.numerator_tenths) + " : " + std::to_string(parts.denominator) + " → " +
                       V(parts.value) + " (" + AverageRule(s) + "; A1 làm tròn nửa lên trên giá trị đúng)";
    lines.push_back(std::move(line));
}

void ExplainSubjects(const StudentYear& s, const Assessment& r, std::vector<std::string>& lines) {
    for (std::size_t i = 0; i < s.subjects.size(); ++i) {
        const SubjectInput& in = s.subjects[i];
        const SubjectResult& out = r.subjects[i];
        const int index = static_cast<int>(i);
        const std::string name = SubjectName(s, index);
        const std::array<const SemesterMarks*, 2> marks = {&in.hk1, &in.hk2};
        const std::array<Mark, 2> semesters = {out.hk1, out.hk2};
        for (std::size_t p = 0; p < 2; ++p) {
            const Mark m = semesters[p];
            if (m.IsScore()) {
                ExplainSemesterAverage(s, index, p, *marks[p], lines);
            } else if (m.IsPass()) {
                lines.push_back(name + " " + PeriodName(p) + ": Đạt, đủ số lần đánh giá" +
                                (IsTt22(s) ? ", tất cả Đạt (TT22 Điều 9 khoản 1)"
                                           : ", từ 2/3 số bài Đ trở lên, có bài kiểm tra học kỳ (TT58 Điều 10)"));
            } else if (m.IsFail()) {
                lines.push_back(name + " " + PeriodName(p) + ": Chưa đạt" +
                                (IsTt22(s) ? ", có lần đánh giá Chưa đạt (TT22 Điều 9 khoản 1)"
                                           : ", dưới 2/3 số bài Đ hoặc bài kiểm tra học kỳ CĐ (TT58 Điều 10)"));
            }
        }
        if (out.year.IsMissing() || out.year.IsNone()) {
            continue;
        }
        const bool one_semester = out.hk1.IsNone() || out.hk2.IsNone();
        if (one_semester) {
            lines.push_back(name + " cả năm: chỉ học " + (out.hk1.IsNone() ? "HK II" : "HK I") +
                            ", lấy kết quả học kì đó (quy ước S1, theo TT58 Điều 10)");
        } else if (out.year.IsScore()) {
            lines.push_back(name + " cả năm: ĐTBmcn = (" + V(out.hk1.score()) + " + 2 × " + V(out.hk2.score()) +
                            ") : 3 → " + V(out.year.score()) + " (" + AverageRule(s) +
                            "; A2 dùng ĐTBmhk đã làm tròn; A1)");
        } else {
            lines.push_back(name + " cả năm: " + (out.year.IsPass() ? "Đạt" : "Chưa đạt") +
                            " theo kết quả HK II (" + (IsTt22(s) ? "TT22 Điều 9 khoản 1" : "TT58 Điều 10") + ")");
        }
    }
}

std::string MissingLine(const StudentYear& s, const Missing& m) {
    const std::string who = m.subject >= 0 ? SubjectName(s, m.subject) + " " : std::string();
    const std::string period = PeriodName(static_cast<std::size_t>(m.period));
    const std::string count = std::to_string(m.count);
    std::string what;
    switch (m.item) {
        case MissingItem::kRegular:
            what = "thiếu " + count + (IsTt22(s) || s.regulation == Regulation::kTt26 ? " ĐĐGtx" : " bài KTtx");
            break;
        case MissingItem::kMidterm:
            what = std::string("thiếu ") + (IsTt22(s) || s.regulation == Regulation::kTt26 ? "ĐĐGgk" : "bài KTđk");
            break;
        case MissingItem::kFinal:
            what = std::string("thiếu ") + (IsTt22(s) || s.regulation == Regulation::kTt26 ? "ĐĐGck" : "bài KThk");
            break;
        case MissingItem::kConduct:
            what = "chưa có kết quả rèn luyện";
            break;
        case MissingItem::kAbsences:
            what = "chưa có số buổi nghỉ";
            break;
        case MissingItem::kReassessment:
            what = "chưa có kết quả kiểm tra lại";
            break;
        case MissingItem::kYearLevel:
            what = "chưa có mức đánh giá cuối năm";
            break;
        case MissingItem::kYearTest:
            what = "chưa có bài kiểm tra định kì cuối năm";
            break;
        case MissingItem::kQuality:
            what = "thiếu " + count + " mức đánh giá phẩm chất, năng lực (cần 15)";
            break;
    }
    const bool assessment = m.item == MissingItem::kRegular || m.item == MissingItem::kMidterm ||
                            m.item == MissingItem::kFinal || m.item == MissingItem::kYearTest;
    return who + period + ": " + what +
           (assessment ? " — chưa xếp loại; không tự tính 0 hay Chưa đạt (A5: kiểm tra bù hoặc quyết định của nhà trường)"
                       : " — chưa xét được (A5)");
}

std::string Top(const StudentYear& s, const LevelDecision& d) {
    if (IsTt22(s)) {
        return "mọi môn nhận xét Đạt, mọi môn điểm số từ 6,5, " + std::to_string(d.count) + " môn từ 8,0";
    }
    return "đủ mọi điều kiện loại giỏi";
}

std::string ReasonText(const StudentYear& s, const LevelDecision& d, std::string_view next) {
    std::string text = ", chưa đạt " + std::string(next) + ": ";
    switch (d.reason) {
        case LevelReason::kSubjectBelow:
            return text + SubjectName(s, d.subject) + " " + V(d.value) + " < " + V(d.threshold);
        case LevelReason::kTooFewAtLeast:
            return text + "chỉ " + std::to_string(d.count) + " môn từ " + V(d.threshold) + " (cần " +
                   std::to_string(d.needed) + ")";
        case LevelReason::kCommentFail:
            return text + SubjectName(s, d.subject) + " Chưa đạt";
        case LevelReason::kTooManyCommentFail:
            return text + std::to_string(d.count) + " môn nhận xét Chưa đạt (tối đa " + std::to_string(d.needed) +
                   ")";
        case LevelReason::kAverageBelow:
            return text + "điểm trung bình các môn " + V(d.value) + " < " + V(d.threshold);
        case LevelReason::kCoreBelow:
            if (d.subject < 0) {
                return text + "không có môn Toán, Ngữ văn" +
                       (s.regulation == Regulation::kTt26 ? std::string(", Ngoại ngữ") : std::string()) +
                       " từ " + V(d.threshold);
            }
            return text + "môn cao nhất trong Toán, Ngữ văn" +
                   (s.regulation == Regulation::kTt26 ? std::string(", Ngoại ngữ") : std::string()) + " là " +
                   SubjectName(s, d.subject) + " " + V(d.value) + " < " + V(d.threshold);
        case LevelReason::kTop:
        case LevelReason::kIncomplete:
            break;
    }
    return std::string();
}

std::string LevelLine(const StudentYear& s, const LevelDecision& d, std::string_view label) {
    const Regulation reg = s.regulation;
    std::string line = std::string(label) + ": " + std::string(LearningName(reg, d.raw));
    if (d.reason == LevelReason::kTop) {
        line += " — " + Top(s, d);
    } else if (d.raw >= 0) {
        line += ReasonText(s, d, LearningName(reg, static_cast<Rank>(d.raw + 1)));
    }
    if (!IsTt22(s)) {
        line += d.reason == LevelReason::kAverageBelow
                    ? std::string(" (A19: làm tròn trước khi so ngưỡng)")
                    : "; điểm trung bình các môn " + V(d.average) + " (A19: làm tròn trước khi so ngưỡng)";
    }
    return line + " (" + LevelRule(s) + ")";
}

std::string AdjustmentLine(const StudentYear& s, const LevelDecision& d, std::string_view label) {
    const Regulation reg = s.regulation;
    const std::string culprit = SubjectName(s, d.culprit);
    if (IsTt22(s)) {
        const bool comment = s.subjects[static_cast<std::size_t>(d.culprit)].kind == SubjectKind::kComment;
        return std::string(label) + ": điều chỉnh " + std::string(LearningName(reg, d.raw)) + " → " +
               std::string(LearningName(reg, d.final)) + ": " +
               (comment ? "nếu " + culprit + " Đạt" : "nếu không tính " + culprit) + " thì đạt " +
               std::string(LearningName(reg, d.would_be)) +
               "; bị hạ từ 2 mức trở lên chỉ do 1 môn, nâng lên mức liền kề (TT22 Điều 9 khoản 3; A3, A15" +
               (comment ? ", A4)" : ")");
    }
    if (!d.adjusted) {
        return std::string(label) + ": không điều chỉnh: điểm trung bình đạt mức " +
               std::string(LearningName(reg, d.would_be)) + " nhưng " + culprit + " kéo xuống " +
               std::string(LearningName(reg, d.raw)) +
               "; trường hợp Giỏi → Kém không có trong bảng điều chỉnh (TT58 Điều 13 khoản 6; A20)";
    }
    return std::string(label) + ": điều chỉnh " + std::string(LearningName(reg, d.raw)) + " → " +
           std::string(LearningName(reg, d.final)) + ": điểm trung bình và môn Toán/Ngữ văn" +
           (reg == Regulation::kTt26 ? std::string("/Ngoại ngữ") : std::string()) + " đạt mức " +
           std::string(LearningName(reg, d.would_be)) + ", chỉ " + culprit +
           " thấp hơn mức quy định (TT58 Điều 13 khoản 6; A20)";
}

void ExplainLearning(const StudentYear& s, const Assessment& r, std::vector<std::string>& lines) {
    const std::string word = IsTt22(s) ? "Kết quả học tập " : "Học lực ";
    for (std::size_t p = 0; p < 3; ++p) {
        const LevelDecision& d = r.learning[p];
        const std::string label = word + PeriodName(p);
        if (d.raw == kRankIncomplete) {
            lines.push_back(label + ": incomplete — còn thiếu kết quả môn học (A5)");
            continue;
        }
        if (d.raw == kRankNone) {
            continue;
        }
        lines.push_back(LevelLine(s, d, label));
        if (d.culprit >= 0) {
            lines.push_back(AdjustmentLine(s, d, label));
        }
    }
}

void ExplainConduct(const StudentYear& s, const Assessment& r, std::vector<std::string>& lines) {
    const Regulation reg = s.regulation;
    if (r.conduct[2] == kRankIncomplete) {
        lines.push_back(std::string(IsTt22(s) ? "Rèn luyện" : "Hạnh kiểm") + " cả năm: incomplete (A5)");
        return;
    }
    if (IsTt22(s)) {
        lines.push_back("Rèn luyện cả năm: HK I " + std::string(ConductName(reg, r.conduct[0])) + ", HK II " +
                        std::string(ConductName(reg, r.conduct[1])) + " → " +
                        std::string(ConductName(reg, r.conduct[2])) + " (TT22 Điều 8, bảng §1.10)");
        const auto given = static_cast<Rank>(s.conduct_year);
        if (s.conduct_year != Conduct::kMissing && given != r.conduct[2]) {
            lines.push_back("Kết quả rèn luyện cả năm nhập vào (" + std::string(ConductName(reg, given)) +
                            ") không được dùng: TT22 xác định cả năm theo bảng Điều 8");
        }
        return;
    }
    lines.push_back("Hạnh kiểm cả năm: " + std::string(ConductName(reg, r.conduct[2])) +
                    ", do GVCN xếp loại, chủ yếu căn cứ HK II (TT58 Điều 4)");
}

std::string ReassessList(const StudentYear& s, const Assessment& r) {
    std::string list;
    for (std::size_t i = 0; i < r.subjects.size(); ++i) {
        const SubjectResult& subject = r.subjects[i];
        if (!subject.reassess) {
            continue;
        }
        list += list.empty() ? "" : ", ";
        list += SubjectName(s, static_cast<int>(i)) + " (" +
                (subject.year.IsScore() ? V(subject.year.score()) : std::string("Chưa đạt")) + ")";
    }
    return list;
}

std::string AfterReassessment(const StudentYear& s, const Assessment& r) {
    std::string list;
    for (std::size_t i = 0; i < r.subjects.size(); ++i) {
        const SubjectResult& subject = r.subjects[i];
        if (!subject.reassess || subject.after_reassessment.IsNone()) {
            continue;
        }
        const Mark m = subject.after_reassessment;
        list += list.empty() ? "" : ", ";
        list += SubjectName(s, static_cast<int>(i)) + " " +
                (m.IsScore() ? V(m.score()) : std::string(m.IsPass() ? "Đạt" : "Chưa đạt"));
    }
    return list;
}

void ExplainIgnoredReassessment(const StudentYear& s, const Assessment& r, std::vector<std::string>& lines) {
    for (std::size_t i = 0; i < s.subjects.size(); ++i) {
        if (!s.subjects[i].reassessment.IsNone() && !r.subjects[i].reassess) {
            lines.push_back("Kết quả kiểm tra lại môn " + SubjectName(s, static_cast<int>(i)) +
                            " không được dùng: môn này không thuộc diện kiểm tra lại");
        }
    }
}

void ExplainOutcomeTt22(const StudentYear& s, const Assessment& r, std::vector<std::string>& lines) {
    const Regulation reg = s.regulation;
    const std::string conduct = std::string(ConductName(reg, r.conduct[2]));
    const std::string learning = std::string(LearningName(reg, r.learning[2].final));
    const std::string absences = std::to_string(s.absences);
    switch (r.outcome) {
        case Outcome::kIncomplete:
            lines.push_back("Chưa xét lên lớp: còn " + std::to_string(r.missing.size()) +
                            " mục chưa có kết quả (A5)");
            break;
        case Outcome::kPromoted:
            if (r.summer_reassessment_done) {
                lines.push_back("Lên lớp sau kiểm tra lại: " + AfterReassessment(s, r) +
                                " thay kết quả cả năm; " + LevelLine(s, r.learning_after_summer, "kết quả học tập") +
                                "; kết quả cả năm ở trên giữ nguyên (TT22 Điều 14, Điều 12; A7, A17)");
            } else if (r.summer_conduct_done) {
                lines.push_back("Lên lớp sau rèn luyện hè: rèn luyện đánh giá lại " +
                                std::string(ConductName(reg, r.conduct_after_summer)) +
                                "; rèn luyện cả năm ở trên giữ nguyên (TT22 Điều 13, Điều 12; A17)");
            } else {
                lines.push_back("Lên lớp: rèn luyện cả năm " + conduct + ", học tập cả năm " + learning +
                                " (đều từ Đạt trở lên), nghỉ " + absences + " buổi (không quá 45) (TT22 Điều 12)");
            }
            break;
        case Outcome::kRetained:
            if (r.retained_for_absences) {
                lines.push_back("Ở lại lớp: nghỉ " + absences +
                                " buổi, quá 45 buổi; không kiểm tra lại, không rèn luyện hè (TT22 Điều 12; A10, A18)");
            } else if (r.reassessment_blocked_by_conduct) {
                lines.push_back("Ở lại lớp: rèn luyện cả năm và học tập cả năm đều Chưa đạt; không đủ điều kiện "
                                "kiểm tra lại vì rèn luyện cả năm chưa từ Đạt (TT22 Điều 14; A6)");
            } else if (r.nothing_to_reassess) {
                lines.push_back("Ở lại lớp: học tập cả năm Chưa đạt nhưng không có môn nào ĐTBmcn dưới 5,0 hoặc "
                                "Chưa đạt để kiểm tra lại (TT22 Điều 14, Điều 12 khoản 3)");
            } else if (r.summer_reassessment_done) {
                lines.push_back("Ở lại lớp sau kiểm tra lại: " + AfterReassessment(s, r) + "; " +
                                LevelLine(s, r.learning_after_summer, "kết quả học tập") +
                                " (TT22 Điều 14, Điều 12; A7, A17)");
            } else {
                lines.push_back("Ở lại lớp sau rèn luyện hè: rèn luyện đánh giá lại " +
                                std::string(ConductName(reg, r.conduct_after_summer)) + " (TT22 Điều 13, Điều 12)");
            }
            break;
        case Outcome::kReassessment:
            lines.push_back("Kiểm tra lại trong hè: " + ReassessList(s, r) + "; học tập cả năm Chưa đạt, rèn luyện " +
                            conduct + "; mọi môn ĐTBmcn dưới 5,0 và môn nhận xét Chưa đạt (TT22 Điều 14; A7)");
            break;
        case Outcome::kSummerTraining:
            lines.push_back("Rèn luyện trong hè: rèn luyện cả năm Chưa đạt, học tập cả năm " + learning +
                            " (TT22 Điều 13)");
            break;
        case Outcome::kPrincipalDecision:
            break;
    }
}

void ExplainOutcomeTt58(const StudentYear& s, const Assessment& r, std::vector<std::string>& lines) {
    const Regulation reg = s.regulation;
    const std::string conduct = std::string(ConductName(reg, r.conduct[2]));
    const std::string learning = std::string(LearningName(reg, r.learning[2].final));
    const std::string absences = std::to_string(s.absences);
    switch (r.outcome) {
        case Outcome::kIncomplete:
            lines.push_back("Chưa xét lên lớp: còn " + std::to_string(r.missing.size()) +
                            " mục chưa có kết quả (A5)");
            break;
        case Outcome::kPromoted:
            if (r.summer_reassessment_done) {
                lines.push_back("Lên lớp sau kiểm tra lại: " + AfterReassessment(s, r) + "; " +
                                LevelLine(s, r.learning_after_summer, "học lực") + " (TT58 Điều 16; A17)");
            } else if (r.summer_conduct_done) {
                lines.push_back("Lên lớp sau rèn luyện hè: hạnh kiểm xếp lại " +
                                std::string(ConductName(reg, r.conduct_after_summer)) + " (TT58 Điều 17; A17)");
            } else {
                lines.push_back("Lên lớp: hạnh kiểm " + conduct + ", học lực " + learning +
                                " (từ trung bình trở lên), nghỉ " + absences + " buổi (không quá 45) (TT58 Điều 15)");
            }
            break;
        case Outcome::kRetained:
            if (r.retained_for_absences) {
                lines.push_back("Ở lại lớp: nghỉ " + absences + " buổi, quá 45 buổi (TT58 Điều 15)");
            } else if (r.learning[2].final == tt58::kKem) {
                lines.push_back("Ở lại lớp: học lực cả năm Kém (TT58 Điều 15 khoản 2)");
            } else if (r.reassessment_blocked_by_conduct) {
                lines.push_back("Ở lại lớp: học lực và hạnh kiểm cả năm đều Yếu (TT58 Điều 15 khoản 2)");
            } else if (r.summer_reassessment_done) {
                lines.push_back("Ở lại lớp sau kiểm tra lại: " + AfterReassessment(s, r) + "; " +
                                LevelLine(s, r.learning_after_summer, "học lực") + " (TT58 Điều 16; A17)");
            } else {
                lines.push_back("Ở lại lớp sau rèn luyện hè: hạnh kiểm xếp lại " +
                                std::string(ConductName(reg, r.conduct_after_summer)) + " (TT58 Điều 17)");
            }
            break;
        case Outcome::kReassessment:
            lines.push_back("Kiểm tra lại: được chọn trong các môn " + ReassessList(s, r) +
                            "; học lực cả năm Yếu, hạnh kiểm " + conduct + " (TT58 Điều 16)");
            break;
        case Outcome::kSummerTraining:
            lines.push_back("Rèn luyện hạnh kiểm trong hè: học lực " + learning +
                            ", hạnh kiểm cả năm Yếu (TT58 Điều 17)");
            break;
        case Outcome::kPrincipalDecision:
            break;
    }
}

void ExplainAwardTt22(const StudentYear& s, const Assessment& r, std::vector<std::string>& lines) {
    const Regulation reg = s.regulation;
    const std::string nine = std::to_string(r.subjects_at_least_9) + " môn ĐTBmcn từ 9,0";
    switch (r.award[2]) {
        case Award::kExcellent:
            lines.push_back("Học sinh Xuất sắc: rèn luyện Tốt, học tập Tốt, " + nine + " (cần 6) (TT22 Điều 15)");
            break;
        case Award::kGood:
            lines.push_back("Học sinh Giỏi: rèn luyện Tốt, học tập Tốt; chỉ " + nine +
                            " (cần 6) nên chưa đạt Học sinh Xuất sắc (TT22 Điều 15)");
            break;
        case Award::kIncomplete:
            lines.push_back("Danh hiệu: incomplete — còn thiếu kết quả (A5)");
            return;
        default: {
            std::string why;
            if (r.conduct[2] >= 0 && r.conduct[2] != tt22::kTot) {
                why = "rèn luyện cả năm " + std::string(ConductName(reg, r.conduct[2])) + " (cần Tốt)";
            } else {
                why = "kết quả học tập cả năm " + std::string(LearningName(reg, r.learning[2].final)) + " (cần Tốt)";
            }
            lines.push_back("Không có danh hiệu: " + why + " (TT22 Điều 15)");
            return;
        }
    }
    if (s.absences > 45) {
        lines.push_back("Khen thưởng không xét số buổi nghỉ; hiệu trưởng duyệt danh sách (A16)");
    }
}

void ExplainAwardTt58(const StudentYear& s, const Assessment& r, std::vector<std::string>& lines) {
    const Regulation reg = s.regulation;
    for (std::size_t p = 0; p < 3; ++p) {
        const std::string label = "Danh hiệu " + PeriodName(p) + ": ";
        const std::string facts = "hạnh kiểm " + std::string(ConductName(reg, r.conduct[p])) + ", học lực " +
                                  std::string(LearningName(reg, r.learning[p].final));
        switch (r.award[p]) {
            case Award::kGood:
                lines.push_back(label + "Học sinh Giỏi: " + facts + " (TT58 Điều 18 khoản 1)");
                break;
            case Award::kAdvanced:
                lines.push_back(label + "Học sinh Tiên tiến: " + facts + " (TT58 Điều 18 khoản 2)");
                break;
            case Award::kIncomplete:
                lines.push_back(label + "incomplete (A5)");
                break;
            default:
                lines.push_back(label + "không: " + facts + " (cần cả hai từ Khá; TT58 Điều 18)");
                break;
        }
    }
}

void ExplainTt27(const StudentYear& s, const Assessment& r, std::vector<std::string>& lines) {
    for (std::size_t i = 0; i < s.subjects.size(); ++i) {
        const SubjectInput& in = s.subjects[i];
        const std::string name = SubjectName(s, static_cast<int>(i));
        if (in.year_test >= 0 && !r.subjects[i].test_counts) {
            lines.push_back(name + ": bài kiểm tra cuối năm " + std::to_string(in.year_test) +
                            " không tính vào mức đánh giá: lớp " + std::to_string(s.grade) +
                            " không có bài kiểm tra định kì bắt buộc môn này (TT27 Điều 7 khoản 1; A11)");
        }
    }
    for (const Missing& m : r.missing) {
        lines.push_back(MissingLine(s, m));
    }
    const LevelDecision& d = r.learning[2];
    if (d.final == kRankIncomplete) {
        lines.push_back("Đánh giá cuối năm: incomplete (A5)");
        return;
    }
    const Regulation reg = s.regulation;
    const std::string level = std::string(LearningName(reg, d.final));
    const std::string lowest =
        r.lowest_test < 0 ? std::string()
                          : SubjectName(s, r.lowest_test_subject) + " kiểm tra " + std::to_string(r.lowest_test);
    std::string why;
    if (d.final == tt27::kHoanThanhXuatSac) {
        why = " — mọi môn Hoàn thành tốt, 15 phẩm chất, năng lực Tốt" +
              (lowest.empty() ? std::string(", không có bài kiểm tra định kì") : ", thấp nhất " + lowest + " (từ 9)");
    } else if (d.final == tt27::kHoanThanhTot) {
        why = ", chưa đạt Hoàn thành xuất sắc: " + lowest + " < 9";
    } else if (d.final == tt27::kHoanThanh) {
        if (r.first_not_htt >= 0) {
            why = ", chưa đạt Hoàn thành tốt: " + SubjectName(s, r.first_not_htt) + " Hoàn thành";
        } else if (r.first_quality_not_tot >= 0) {
            why = ", chưa đạt Hoàn thành tốt: " +
                  std::string(kQualityNames[static_cast<std::size_t>(r.first_quality_not_tot)]) + " Đạt";
        } else {
            why = ", chưa đạt Hoàn thành tốt: " + lowest + " < 7";
        }
    } else {
        if (r.first_cht >= 0) {
            why = ": " + SubjectName(s, r.first_cht) + " Chưa hoàn thành";
        } else if (r.first_quality_cc >= 0) {
            why = ": " + std::string(kQualityNames[static_cast<std::size_t>(r.first_quality_cc)]) + " Cần cố gắng";
        } else {
            why = ": " + lowest + " < 5";
        }
    }
    lines.push_back("Đánh giá cuối năm: " + level + why + " (TT27 Điều 9 khoản 2; chỉ tính kết quả cuối năm, A12)");
    if (r.outcome == Outcome::kPromoted) {
        lines.push_back(s.grade == 5 ? "Hoàn thành chương trình tiểu học (TT27 Điều 11 khoản 2)"
                                     : "Hoàn thành chương trình lớp " + std::to_string(s.grade) +
                                           " (TT27 Điều 11 khoản 1 điểm a)");
    } else {
        lines.push_back("Chưa hoàn thành chương trình lớp: giáo viên lập kế hoạch giúp đỡ, đánh giá bổ sung; hiệu "
                        "trưởng xem xét, quyết định lên lớp (TT27 Điều 11 khoản 1 điểm b, c)");
    }
    if (r.award[2] == Award::kExcellent) {
        lines.push_back("Học sinh Xuất sắc: Hoàn thành xuất sắc (TT27 Điều 13 khoản 1 điểm a)");
    } else if (r.award[2] == Award::kPrimaryOutstanding) {
        lines.push_back("Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện: Hoàn thành tốt và được tập thể "
                        "lớp công nhận thành tích nổi bật hoặc tiến bộ rõ rệt (TT27 Điều 13 khoản 1 điểm a)");
    } else if (d.final == tt27::kHoanThanhTot) {
        lines.push_back("Không có danh hiệu: Hoàn thành tốt nhưng chưa được tập thể lớp công nhận thành tích nổi "
                        "bật hoặc tiến bộ rõ rệt (TT27 Điều 13 khoản 1 điểm a)");
    }
}

}  // namespace

std::string_view RegulationCode(Regulation regulation) {
    switch (regulation) {
        case Regulation::kTt22:
            return "tt22";
        case Regulation::kTt27:
            return "tt27";
        case Regulation::kTt58:
            return "tt58";
        case Regulation::kTt26:
            return "tt26";
    }
    return "";
}

std::string_view LearningName(Regulation regulation, Rank rank) {
    if (rank == kRankIncomplete) {
        return kIncomplete;
    }
    if (rank < 0) {
        return "";
    }
    const auto index = static_cast<std::size_t>(rank);
    switch (regulation) {
        case Regulation::kTt22:
            return index < kTt22Levels.size() ? kTt22Levels[index] : "";
        case Regulation::kTt27:
            return index < kTt27Levels.size() ? kTt27Levels[index] : "";
        case Regulation::kTt58:
        case Regulation::kTt26:
            return index < kTt58Levels.size() ? kTt58Levels[index] : "";
    }
    return "";
}

std::string_view ConductName(Regulation regulation, Rank rank) {
    if (rank == kRankIncomplete) {
        return kIncomplete;
    }
    if (rank < 0 || rank > 3) {
        return "";
    }
    const auto index = static_cast<std::size_t>(rank);
    return regulation == Regulation::kTt22 ? kTt22Levels[index] : kTt58Conduct[index];
}

std::string_view AwardName(Award award) {
    switch (award) {
        case Award::kNone:
            return "";
        case Award::kIncomplete:
            return kIncomplete;
        case Award::kExcellent:
            return "Học sinh Xuất sắc";
        case Award::kGood:
            return "Học sinh Giỏi";
        case Award::kAdvanced:
            return "Học sinh Tiên tiến";
        case Award::kPrimaryOutstanding:
            return "Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện";
    }
    return "";
}

std::string_view OutcomeCode(Outcome outcome) {
    switch (outcome) {
        case Outcome::kPromoted:
            return "promoted";
        case Outcome::kRetained:
            return "retained";
        case Outcome::kReassessment:
            return "reassessment";
        case Outcome::kSummerTraining:
            return "summer_training";
        case Outcome::kPrincipalDecision:
            return "principal_decision";
        case Outcome::kIncomplete:
            return kIncomplete;
    }
    return "";
}

std::string_view PrimaryLevelCode(PrimaryLevel level) {
    switch (level) {
        case PrimaryLevel::kHtt:
            return "HTT";
        case PrimaryLevel::kHt:
            return "HT";
        case PrimaryLevel::kCht:
            return "CHT";
        case PrimaryLevel::kMissing:
            return "";
    }
    return "";
}

std::string_view MissingItemCode(MissingItem item) {
    switch (item) {
        case MissingItem::kRegular:
            return "tx";
        case MissingItem::kMidterm:
            return "gk";
        case MissingItem::kFinal:
            return "ck";
        case MissingItem::kConduct:
            return "conduct";
        case MissingItem::kAbsences:
            return "absences";
        case MissingItem::kReassessment:
            return "reassessment";
        case MissingItem::kYearLevel:
            return "year_level";
        case MissingItem::kYearTest:
            return "year_test";
        case MissingItem::kQuality:
            return "qualities";
    }
    return "";
}

std::string_view PeriodCode(Period period) {
    switch (period) {
        case Period::kHk1:
            return "hk1";
        case Period::kHk2:
            return "hk2";
        case Period::kYear:
            return "year";
    }
    return "";
}

void Explain(const StudentYear& student, const Assessment& result, std::vector<std::string>& lines) {
    if (student.regulation == Regulation::kTt27) {
        ExplainTt27(student, result, lines);
        return;
    }
    ExplainSubjects(student, result, lines);
    for (const Missing& m : result.missing) {
        lines.push_back(MissingLine(student, m));
    }
    ExplainLearning(student, result, lines);
    ExplainConduct(student, result, lines);
    ExplainIgnoredReassessment(student, result, lines);
    if (IsTt22(student)) {
        ExplainOutcomeTt22(student, result, lines);
        ExplainAwardTt22(student, result, lines);
    } else {
        ExplainOutcomeTt58(student, result, lines);
        ExplainAwardTt58(student, result, lines);
    }
}

}  // namespace hocvu::assessment
