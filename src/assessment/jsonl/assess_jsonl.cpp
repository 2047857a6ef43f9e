#include "assessment/jsonl/assess_jsonl.hpp"

#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "assessment/assess.hpp"
#include "assessment/explain.hpp"
#include "assessment/jsonl/json_tree.hpp"
#include "assessment/jsonl/json_writer.hpp"
#include "assessment/rollout.hpp"
#include "assessment/subject_rules.hpp"
#include "assessment/tt22/tt22.hpp"
#include "assessment/tt58/tt58.hpp"

namespace hocvu::assessment {
namespace {

using jsonl::JsonNode;
using jsonl::JsonWriter;

/// An input error of one line: the contract's `error` object.
struct InputError {
    std::string code;
    std::string message;
    std::string path;
};

/// Thrown inside the reader of one line and caught at its top; never crosses RunAssessJsonLines.
struct LineRejected {
    InputError error;
};

[[noreturn]] void Reject(std::string code, std::string message, std::string path) {
    throw LineRejected{InputError{std::move(code), std::move(message), std::move(path)}};
}

std::string Join(std::string_view path, std::string_view key) {
    return path.empty() ? std::string(key) : std::string(path) + "." + std::string(key);
}
std::string Index(std::string_view path, std::size_t i) { return std::string(path) + "[" + std::to_string(i) + "]"; }

const JsonNode* Member(const JsonNode& object, std::string_view key) {
    const JsonNode* node = object.Find(key);
    return node == nullptr || node->IsNull() ? nullptr : node;
}

const JsonNode& Required(const JsonNode& object, std::string_view key, const std::string& path) {
    const JsonNode* node = Member(object, key);
    if (node == nullptr) {
        Reject("assess.missing_field", "thiếu trường bắt buộc", Join(path, key));
    }
    return *node;
}

const std::string& StringOf(const JsonNode& node, const std::string& path) {
    if (node.type != JsonNode::Type::kString) {
        Reject("assess.bad_field", "cần một chuỗi", path);
    }
    return node.text;
}

int IntegerOf(const JsonNode& node, const std::string& path, int min, int max) {
    if (node.type != JsonNode::Type::kInteger || node.text.size() > 9 || node.text.front() == '-') {
        Reject("assess.bad_field", "cần một số nguyên từ " + std::to_string(min) + " đến " + std::to_string(max), path);
    }
    const int value = std::stoi(node.text);
    if (value < min || value > max) {
        Reject("assess.bad_field", "cần một số nguyên từ " + std::to_string(min) + " đến " + std::to_string(max), path);
    }
    return value;
}

// A score: a JSON number 0–10 with at most one decimal (trailing zeros allowed: 7.50 is 7.5). Checked on the
// number as written, never through binary floating point.
Tenths ScoreOf(const JsonNode& node, const std::string& path) {
    if (!node.IsNumber()) {
        Reject("assess.bad_score", "điểm phải là một số từ 0 đến 10, tối đa một chữ số thập phân", path);
    }
    std::string_view text = node.text;
    if (text.find('.') != std::string_view::npos) {
        while (text.size() > 1 && text.back() == '0' && text[text.size() - 2] != '.') {
            text.remove_suffix(1);
        }
    }
    const std::optional<Tenths> score = Tenths::ParseScore(text);
    if (!score) {
        Reject("assess.bad_score", "điểm phải là một số từ 0 đến 10, tối đa một chữ số thập phân: " + node.text, path);
    }
    return *score;
}

Mark CommentOf(const JsonNode& node, const std::string& path) {
    if (node.type == JsonNode::Type::kString && node.text == "Đ") {
        return Mark::Pass();
    }
    if (node.type == JsonNode::Type::kString && node.text == "CĐ") {
        return Mark::Fail();
    }
    Reject("assess.bad_comment", "kết quả nhận xét phải là \"Đ\" hoặc \"CĐ\"", path);
}

// One assessment of a subject: a score or a comment result, or null (not entered).
Mark MarkOf(const JsonNode* node, SubjectKind kind, const std::string& path) {
    if (node == nullptr || node->IsNull()) {
        return Mark::Missing();
    }
    return kind == SubjectKind::kComment ? CommentOf(*node, path) : Mark::Score(ScoreOf(*node, path));
}

struct LineContext {
    Regulation regulation = Regulation::kTt22;
};

void ReadSemester(const JsonNode& node, const SubjectInput& subject, Regulation regulation, const std::string& path,
                  SemesterMarks& marks) {
    if (node.type != JsonNode::Type::kObject) {
        Reject("assess.bad_field", "học kì phải là một đối tượng {tx, gk, ck}", path);
    }
    marks.taught = true;
    const bool tt22 = regulation == Regulation::kTt22;
    const int required = tt22 ? tt22::RequiredRegularCount(subject.kind, subject.periods_per_year, subject.topics)
                              : tt58::RequiredRegularCount(regulation, subject.periods_per_year);
    const bool exact = tt22 || tt58::RegularCountIsExact(regulation);
    const int limit = exact ? required : SemesterMarks::kMaxRegular;
    if (const JsonNode* tx = Member(node, "tx")) {
        const std::string tx_path = Join(path, "tx");
        if (tx->type != JsonNode::Type::kArray) {
            Reject("assess.bad_field", "tx phải là một mảng", tx_path);
        }
        if (tx->items.size() > static_cast<std::size_t>(limit)) {
            Reject("assess.too_many_assessments",
                   "quá số ĐĐGtx quy định (" + std::to_string(limit) + ") cho môn " + subject.code, tx_path);
        }
        for (std::size_t i = 0; i < tx->items.size(); ++i) {
            marks.regular[i] = MarkOf(&tx->items[i], subject.kind, Index(tx_path, i));
        }
        marks.regular_count = static_cast<std::uint8_t>(tx->items.size());
    }
    const std::string gk_path = Join(path, "gk");
    const JsonNode* gk = node.Find("gk");
    if (gk != nullptr && gk->type == JsonNode::Type::kArray) {
        // TT58 (2011) Điều 8: several one-period tests (KTđk); TT22 and TT26 have one ĐĐGgk.
        if (regulation != Regulation::kTt58 || gk->items.size() > SemesterMarks::kMaxMidterm) {
            Reject("assess.too_many_assessments", "chỉ có một ĐĐGgk mỗi học kì", gk_path);
        }
        for (std::size_t i = 0; i < gk->items.size(); ++i) {
            marks.midterm[i] = MarkOf(&gk->items[i], subject.kind, Index(gk_path, i));
        }
        marks.midterm_count = static_cast<std::uint8_t>(gk->items.size());
    } else {
        marks.midterm[0] = MarkOf(gk, subject.kind, gk_path);
        marks.midterm_count = 1;
    }
    marks.final = MarkOf(node.Find("ck"), subject.kind, Join(path, "ck"));
}

SubjectKind KindOf(const JsonNode& subject, Regulation regulation, const std::string& path) {
    const std::string kind_path = Join(path, "kind");
    const std::string& kind = StringOf(Required(subject, "kind", path), kind_path);
    if (regulation == Regulation::kTt27) {
        if (kind != "tt27") {
            Reject("assess.bad_field", "môn học tiểu học (TT27) có kind \"tt27\"", kind_path);
        }
        return SubjectKind::kPrimary;
    }
    if (kind == "score") {
        return SubjectKind::kScored;
    }
    if (kind == "comment") {
        return SubjectKind::kComment;
    }
    Reject("assess.bad_field", "kind phải là \"score\" hoặc \"comment\"", kind_path);
}

std::optional<PrimaryLevel> PrimaryLevelOf(const JsonNode* node, const std::string& path) {
    if (node == nullptr) {
        return std::nullopt;
    }
    const std::string& text = StringOf(*node, path);
    if (text == "HTT") {
        return PrimaryLevel::kHtt;
    }
    if (text == "HT") {
        return PrimaryLevel::kHt;
    }
    if (text == "CHT") {
        return PrimaryLevel::kCht;
    }
    Reject("assess.bad_field", "mức đạt được phải là \"HTT\", \"HT\" hoặc \"CHT\"", path);
}

void ReadPrimarySubject(const JsonNode& node, const std::string& path, SubjectInput& subject) {
    if (const auto level = PrimaryLevelOf(Member(node, "year_level"), Join(path, "year_level"))) {
        subject.year_level = *level;
    }
    if (const JsonNode* test = Member(node, "year_test")) {
        subject.year_test = static_cast<std::int8_t>(IntegerOf(*test, Join(path, "year_test"), 0, 10));
    }
    // Reported only: the year result depends on year-end values alone (TT27 Điều 9; A12).
    static_cast<void>(PrimaryLevelOf(Member(node, "hk1_level"), Join(path, "hk1_level")));
    if (const JsonNode* test = Member(node, "hk1_test")) {
        static_cast<void>(IntegerOf(*test, Join(path, "hk1_test"), 0, 10));
    }
    for (const char* key : {"mid_test", "mid_tests"}) {
        const JsonNode* mid = Member(node, key);
        if (mid == nullptr) {
            continue;
        }
        if (mid->type == JsonNode::Type::kArray) {
            for (std::size_t i = 0; i < mid->items.size(); ++i) {
                if (!mid->items[i].IsNull()) {
                    static_cast<void>(IntegerOf(mid->items[i], Index(Join(path, key), i), 0, 10));
                }
            }
        } else {
            static_cast<void>(IntegerOf(*mid, Join(path, key), 0, 10));
        }
    }
}

void ReadSubject(const JsonNode& node, Regulation regulation, const std::string& path, SubjectInput& subject) {
    if (node.type != JsonNode::Type::kObject) {
        Reject("assess.bad_field", "môn học phải là một đối tượng", path);
    }
    subject.code = StringOf(Required(node, "code", path), Join(path, "code"));
    if (subject.code.empty() || subject.code.size() > 32) {
        Reject("assess.bad_field", "mã môn học phải có từ 1 đến 32 kí tự", Join(path, "code"));
    }
    subject.kind = KindOf(node, regulation, path);
    if (subject.kind == SubjectKind::kPrimary) {
        ReadPrimarySubject(node, path, subject);
        return;
    }
    const bool periods_needed = subject.kind == SubjectKind::kScored || regulation != Regulation::kTt22;
    if (const JsonNode* periods = Member(node, "periods_per_year")) {
        subject.periods_per_year = static_cast<std::int16_t>(IntegerOf(*periods, Join(path, "periods_per_year"), 1, 999));
    } else if (periods_needed) {
        Reject("assess.missing_field", "cần số tiết/năm để biết số ĐĐGtx", Join(path, "periods_per_year"));
    }
    if (const JsonNode* topics = Member(node, "topics")) {
        subject.topics = static_cast<std::uint8_t>(IntegerOf(*topics, Join(path, "topics"), 0, 4));
    }
    const JsonNode* hk1 = Member(node, "hk1");
    const JsonNode* hk2 = Member(node, "hk2");
    if (hk1 == nullptr && hk2 == nullptr) {
        Reject("assess.missing_field", "môn học cần ít nhất một học kì (hk1 hoặc hk2)", path);
    }
    if (hk1 != nullptr) {
        ReadSemester(*hk1, subject, regulation, Join(path, "hk1"), subject.hk1);
    }
    if (hk2 != nullptr) {
        ReadSemester(*hk2, subject, regulation, Join(path, "hk2"), subject.hk2);
    }
}

Conduct ConductOf(const JsonNode* node, Regulation regulation, const std::string& path) {
    if (node == nullptr) {
        return Conduct::kMissing;
    }
    const std::string& text = StringOf(*node, path);
    if (text == "Tốt") {
        return Conduct::kVeryGood;
    }
    if (text == "Khá") {
        return Conduct::kGood;
    }
    if (regulation == Regulation::kTt22) {
        if (text == "Đạt") {
            return Conduct::kPass;
        }
        if (text == "Chưa đạt") {
            return Conduct::kWeak;
        }
        Reject("assess.bad_conduct", "kết quả rèn luyện TT22: \"Tốt\", \"Khá\", \"Đạt\" hoặc \"Chưa đạt\"", path);
    }
    if (text == "Trung bình") {
        return Conduct::kPass;
    }
    if (text == "Yếu") {
        return Conduct::kWeak;
    }
    Reject("assess.bad_conduct", "hạnh kiểm TT58/TT26: \"Tốt\", \"Khá\", \"Trung bình\" hoặc \"Yếu\"", path);
}

void ReadPrimaryStudent(const JsonNode& root, StudentYear& student) {
    if (const JsonNode* qualities = Member(root, "qualities")) {
        if (qualities->type != JsonNode::Type::kArray || qualities->items.size() > 15) {
            Reject("assess.bad_field", "qualities là mảng 15 mức \"T\", \"Đ\" hoặc \"C\"", "qualities");
        }
        for (std::size_t i = 0; i < qualities->items.size(); ++i) {
            const JsonNode& item = qualities->items[i];
            if (item.IsNull()) {
                student.qualities.push_back(QualityRating::kMissing);
            } else if (item.type == JsonNode::Type::kString && item.text == "T") {
                student.qualities.push_back(QualityRating::kTot);
            } else if (item.type == JsonNode::Type::kString && item.text == "Đ") {
                student.qualities.push_back(QualityRating::kDat);
            } else if (item.type == JsonNode::Type::kString && item.text == "C") {
                student.qualities.push_back(QualityRating::kCanCoGang);
            } else {
                Reject("assess.bad_field", "mức phẩm chất, năng lực phải là \"T\", \"Đ\" hoặc \"C\"",
                       Index("qualities", i));
            }
        }
    }
    if (const JsonNode* outstanding = Member(root, "outstanding")) {
        if (outstanding->type != JsonNode::Type::kBool) {
            Reject("assess.bad_field", "outstanding là true hoặc false", "outstanding");
        }
        student.outstanding = outstanding->boolean;
    }
}

Regulation ResolveRegulation(const JsonNode& root, StudentYear& student) {
    const JsonNode* level_node = &Required(root, "level", "");
    const std::string& level = StringOf(*level_node, "level");
    if (level == "TH") {
        student.level = SchoolLevel::kPrimary;
    } else if (level == "THCS") {
        student.level = SchoolLevel::kLowerSecondary;
    } else if (level == "THPT") {
        student.level = SchoolLevel::kUpperSecondary;
    } else {
        Reject("assess.bad_field", "level phải là \"TH\", \"THCS\" hoặc \"THPT\"", "level");
    }
    student.grade = IntegerOf(Required(root, "grade", ""), "grade", 1, 12);
    if (LevelOfGrade(student.grade) != student.level) {
        Reject("assess.bad_grade", "lớp " + std::to_string(student.grade) + " không thuộc cấp " + level, "grade");
    }
    const JsonNode* year_node = Member(root, "school_year");
    if (year_node != nullptr) {
        const std::string& year = StringOf(*year_node, "school_year");
        const bool shape = year.size() == 9 && year[4] == '-' &&
                           year.find_first_not_of("0123456789", 0) == 4 &&
                           year.find_first_not_of("0123456789", 5) == std::string::npos;
        if (!shape || std::stoi(year.substr(5)) != std::stoi(year.substr(0, 4)) + 1) {
            Reject("assess.bad_field", "school_year có dạng \"2025-2026\"", "school_year");
        }
        student.school_year_start = std::stoi(year.substr(0, 4));
    }
    const JsonNode* regulation_node = Member(root, "regulation");
    const std::string regulation = regulation_node == nullptr ? "auto" : StringOf(*regulation_node, "regulation");
    if (regulation == "auto") {
        if (year_node == nullptr) {
            Reject("assess.missing_field", "regulation \"auto\" cần school_year", "school_year");
        }
        const std::optional<Regulation> chosen = RegulationFor(student.school_year_start, student.level, student.grade);
        if (!chosen) {
            Reject("assess.bad_regulation",
                   "không có quy định được hỗ trợ cho lớp " + std::to_string(student.grade) + " năm học " +
                       year_node->text + " (trước TT27/TT58)",
                   "regulation");
        }
        return *chosen;
    }
    Regulation chosen = Regulation::kTt22;
    if (regulation == "tt22") {
        chosen = Regulation::kTt22;
    } else if (regulation == "tt27") {
        chosen = Regulation::kTt27;
    } else if (regulation == "tt58") {
        chosen = Regulation::kTt58;
    } else if (regulation == "tt26") {
        chosen = Regulation::kTt26;
    } else {
        Reject("assess.bad_regulation", "regulation phải là auto, tt22, tt27, tt58 hoặc tt26", "regulation");
    }
    if ((chosen == Regulation::kTt27) != (student.level == SchoolLevel::kPrimary)) {
        Reject("assess.bad_regulation", "TT27 chỉ dành cho tiểu học; TT22, TT58, TT26 cho THCS, THPT", "regulation");
    }
    return chosen;
}

void ReadReassessment(const JsonNode& root, StudentYear& student) {
    const JsonNode* reassessment = Member(root, "reassessment");
    if (reassessment == nullptr) {
        return;
    }
    if (reassessment->type != JsonNode::Type::kObject) {
        Reject("assess.bad_field", "reassessment là đối tượng {mã môn: kết quả}", "reassessment");
    }
    for (const auto& [code, value] : reassessment->members) {
        const std::string path = Join("reassessment", code);
        SubjectInput* subject = nullptr;
        for (SubjectInput& candidate : student.subjects) {
            subject = candidate.code == code ? &candidate : subject;
        }
        if (subject == nullptr) {
            Reject("assess.unknown_subject", "không có môn " + code + " trong subjects", path);
        }
        if (!value.IsNull()) {
            subject->reassessment = MarkOf(&value, subject->kind, path);
        }
    }
}

StudentYear ReadStudentYear(const JsonNode& root) {
    StudentYear student;
    student.regulation = ResolveRegulation(root, student);
    const JsonNode& subjects = Required(root, "subjects", "");
    if (subjects.type != JsonNode::Type::kArray || subjects.items.empty()) {
        Reject("assess.bad_field", "subjects là mảng môn học không rỗng", "subjects");
    }
    if (subjects.items.size() > static_cast<std::size_t>(kMaxSubjects)) {
        Reject("assess.too_many_subjects", "tối đa " + std::to_string(kMaxSubjects) + " môn", "subjects");
    }
    student.subjects.resize(subjects.items.size());
    for (std::size_t i = 0; i < subjects.items.size(); ++i) {
        const std::string path = Index("subjects", i);
        ReadSubject(subjects.items[i], student.regulation, path, student.subjects[i]);
        for (std::size_t j = 0; j < i; ++j) {
            if (student.subjects[j].code == student.subjects[i].code) {
                Reject("assess.duplicate_subject", "môn " + student.subjects[i].code + " xuất hiện hai lần",
                       Join(path, "code"));
            }
        }
    }
    if (student.regulation == Regulation::kTt27) {
        ReadPrimaryStudent(root, student);
        return student;
    }
    if (const JsonNode* conduct = Member(root, "conduct")) {
        if (conduct->type != JsonNode::Type::kObject) {
            Reject("assess.bad_field", "conduct là đối tượng {hk1, hk2, year}", "conduct");
        }
        student.conduct_hk1 = ConductOf(Member(*conduct, "hk1"), student.regulation, "conduct.hk1");
        student.conduct_hk2 = ConductOf(Member(*conduct, "hk2"), student.regulation, "conduct.hk2");
        student.conduct_year = ConductOf(Member(*conduct, "year"), student.regulation, "conduct.year");
    }
    if (const JsonNode* absences = Member(root, "absences")) {
        student.absences = IntegerOf(*absences, "absences", 0, 366);
    }
    ReadReassessment(root, student);
    student.summer_conduct = ConductOf(Member(root, "summer_conduct"), student.regulation, "summer_conduct");
    return student;
}

// The id is echoed back as given (a string or a number), null otherwise.
void WriteId(const JsonNode* root, JsonWriter& w) {
    const JsonNode* id = root == nullptr ? nullptr : root->Find("id");
    w.Key("id");
    if (id != nullptr && id->type == JsonNode::Type::kString) {
        w.Value(id->text);
    } else if (id != nullptr && id->IsNumber()) {
        w.RawNumber(id->text);
    } else {
        w.Null();
    }
}

void WriteMark(Mark mark, JsonWriter& w) {
    if (mark.IsNone()) {
        w.Null();
    } else if (mark.IsMissing()) {
        w.Value("incomplete");
    } else if (mark.IsScore()) {
        w.Value(mark.score().ToString());
    } else {
        w.Value(mark.IsPass() ? "Đ" : "CĐ");
    }
}

void WriteIntegerList(const JsonNode& node, JsonWriter& w) {
    if (node.type != JsonNode::Type::kArray) {
        w.RawNumber(node.text);
        return;
    }
    w.BeginArray();
    for (const JsonNode& item : node.items) {
        item.IsNull() ? w.Null() : w.RawNumber(item.text);
    }
    w.EndArray();
}

// TT27 subject: the year-end level and test decide; the semester values given are reported back.
void WritePrimarySubject(const JsonNode& input, const SubjectInput& subject, JsonWriter& w) {
    w.BeginObject();
    w.Key("code");
    w.Value(subject.code);
    if (const JsonNode* hk1 = Member(input, "hk1_level")) {
        w.Key("hk1");
        w.Value(hk1->text);
    }
    w.Key("year");
    w.ValueOrNull(PrimaryLevelCode(subject.year_level));
    if (const JsonNode* test = Member(input, "hk1_test")) {
        w.Key("hk1_test");
        w.RawNumber(test->text);
    }
    for (const char* key : {"mid_test", "mid_tests"}) {
        if (const JsonNode* mid = Member(input, key)) {
            w.Key(key);
            WriteIntegerList(*mid, w);
        }
    }
    if (subject.year_test >= 0) {
        w.Key("year_test");
        w.Value(subject.year_test);
    }
    w.EndObject();
}

void WriteResult(const JsonNode& root, const StudentYear& student, const Assessment& result,
                 std::vector<std::string>& lines, JsonWriter& w) {
    const Regulation reg = result.regulation;
    w.BeginObject();
    WriteId(&root, w);
    w.Key("regulation");
    w.Value(RegulationCode(reg));
    w.Key("subjects");
    w.BeginArray();
    const JsonNode& input_subjects = *root.Find("subjects");
    for (std::size_t i = 0; i < student.subjects.size(); ++i) {
        const SubjectResult& r = result.subjects[i];
        if (reg == Regulation::kTt27) {
            WritePrimarySubject(input_subjects.items[i], student.subjects[i], w);
            continue;
        }
        w.BeginObject();
        w.Key("code");
        w.Value(student.subjects[i].code);
        w.Key("hk1");
        WriteMark(r.hk1, w);
        w.Key("hk2");
        WriteMark(r.hk2, w);
        w.Key("year");
        WriteMark(r.year, w);
        w.EndObject();
    }
    w.EndArray();
    w.Key("learning");
    w.BeginObject();
    if (reg != Regulation::kTt27) {
        w.Key("hk1");
        w.ValueOrNull(LearningName(reg, result.learning[0].final));
        w.Key("hk2");
        w.ValueOrNull(LearningName(reg, result.learning[1].final));
    }
    w.Key("year");
    w.ValueOrNull(LearningName(reg, result.learning[2].final));
    w.EndObject();
    w.Key("conduct");
    if (reg == Regulation::kTt27) {
        w.Null();
    } else {
        w.BeginObject();
        w.Key("year");
        w.ValueOrNull(ConductName(reg, result.conduct[2]));
        w.EndObject();
    }
    w.Key("outcome");
    w.Value(OutcomeCode(result.outcome));
    w.Key("reassess");
    w.BeginArray();
    for (std::size_t i = 0; i < student.subjects.size(); ++i) {
        if (result.subjects[i].reassess) {
            w.Value(student.subjects[i].code);
        }
    }
    w.EndArray();
    w.Key("award");
    w.ValueOrNull(AwardName(result.award[2]));
    if (reg == Regulation::kTt58 || reg == Regulation::kTt26) {
        w.Key("award_hk1");
        w.ValueOrNull(AwardName(result.award[0]));
        w.Key("award_hk2");
        w.ValueOrNull(AwardName(result.award[1]));
    }
    if (!result.missing.empty()) {
        w.Key("missing");
        w.BeginArray();
        for (const Missing& m : result.missing) {
            w.BeginObject();
            w.Key("code");
            w.Value(m.subject >= 0 ? std::string_view(student.subjects[static_cast<std::size_t>(m.subject)].code)
                                   : MissingItemCode(m.item));
            w.Key("period");
            w.Value(PeriodCode(m.period));
            w.Key("item");
            w.Value(MissingItemCode(m.item));
            w.Key("count");
            w.Value(m.count);
            w.EndObject();
        }
        w.EndArray();
    }
    if (result.summer_reassessment_done || result.summer_conduct_done) {
        // A17: the year-end results above stay as recorded; the summer results are reported beside them.
        w.Key("after_summer");
        w.BeginObject();
        if (result.summer_reassessment_done) {
            w.Key("subjects");
            w.BeginArray();
            for (std::size_t i = 0; i < student.subjects.size(); ++i) {
                if (!result.subjects[i].after_reassessment.IsNone()) {
                    w.BeginObject();
                    w.Key("code");
                    w.Value(student.subjects[i].code);
                    w.Key("year");
                    WriteMark(result.subjects[i].after_reassessment, w);
                    w.EndObject();
                }
            }
            w.EndArray();
            w.Key("learning");
            w.ValueOrNull(LearningName(reg, result.learning_after_summer.final));
        }
        if (result.summer_conduct_done) {
            w.Key("conduct");
            w.ValueOrNull(ConductName(reg, result.conduct_after_summer));
        }
        w.EndObject();
    }
    lines.clear();
    Explain(student, result, lines);
    w.Key("explain");
    w.BeginArray();
    for (const std::string& line : lines) {
        w.Value(line);
    }
    w.EndArray();
    w.EndObject();
}

void WriteError(const JsonNode* root, const InputError& error, JsonWriter& w) {
    w.BeginObject();
    WriteId(root, w);
    w.Key("error");
    w.BeginObject();
    w.Key("code");
    w.Value(error.code);
    w.Key("message");
    w.Value(error.message);
    w.Key("path");
    w.Value(error.path);
    w.EndObject();
    w.EndObject();
}

}  // namespace

int RunAssessJsonLines(std::istream& in, std::ostream& out) {
    std::string line;
    std::string parse_error;
    std::string output;
    JsonNode root;
    Assessment result;
    std::vector<std::string> lines;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        output.clear();
        JsonWriter writer(output);
        if (!jsonl::ParseJsonLine(line, root, parse_error)) {
            WriteError(nullptr, InputError{"assess.bad_json", parse_error, ""}, writer);
        } else if (root.type != JsonNode::Type::kObject) {
            WriteError(nullptr, InputError{"assess.bad_json", "mỗi dòng là một đối tượng JSON", ""}, writer);
        } else {
            try {
                const StudentYear student = ReadStudentYear(root);
                Assess(student, result);
                WriteResult(root, student, result, lines, writer);
            } catch (const LineRejected& rejected) {
                output.clear();
                JsonWriter error_writer(output);
                WriteError(&root, rejected.error, error_writer);
            }
        }
        output += '\n';
        out.write(output.data(), static_cast<std::streamsize>(output.size()));
        if (!out) {
            return 2;
        }
    }
    out.flush();
    return in.bad() || !out ? 2 : 0;
}

}  // namespace hocvu::assessment
