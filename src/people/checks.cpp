#include <algorithm>

#include "assessment/subject_catalog.hpp"
#include "common/error.hpp"
#include "common/vietnam_date.hpp"
#include "org/usernames.hpp"
#include "org/vn_text.hpp"
#include "people/service.hpp"
#include "people/vn_text.hpp"

namespace hocvu::people {
namespace {

constexpr std::size_t kMaxText = 200;

bool BadNameChar(char c) {
    return (c >= '0' && c <= '9') || std::string_view("=+@<>{}[]\"\\;|/_#$%^&*!?~`").find(c) != std::string_view::npos;
}

void CheckNamePart(std::vector<FieldProblem>& problems, const char* field, const std::string& value, bool required) {
    if (value.empty()) {
        if (required)
            problems.push_back({field, "thiếu tên"});
        return;
    }
    if (value.size() > 100)
        problems.push_back({field, "tên quá dài (tối đa 100 byte)"});
    if (std::any_of(value.begin(), value.end(), BadNameChar))
        problems.push_back({field, "tên chứa ký tự không hợp lệ"});
}

/// Fills the name parts from the full name when they are not given, and the full name from the parts.
void SplitNames(std::string& full, std::string& family, std::string& middle, std::string& given) {
    family = CleanText(family);
    middle = CleanText(middle);
    given = CleanText(given);
    full = CleanText(full);
    if (given.empty() && !full.empty()) {
        org::PersonName parts = org::SplitFullName(full);
        family = parts.family;
        middle = parts.middle;
        given = parts.given;
    }
    full = org::CollapseSpaces(family + " " + middle + " " + given);
}

void CheckLength(std::vector<FieldProblem>& problems, const char* field, const std::string& value) {
    if (value.size() > kMaxText)
        problems.push_back({field, "quá dài (tối đa 200 byte)"});
}

std::string CleanPhone(std::string_view text) {
    std::string digits;
    for (char c : text) {
        if (c >= '0' && c <= '9')
            digits.push_back(c);
        else if (c == '+' && digits.empty())
            digits.push_back(c);
        else if (c != ' ' && c != '.' && c != '-' && c != '(' && c != ')' && c != '\'')
            return "!";
    }
    if (digits.starts_with("+84"))
        digits = "0" + digits.substr(3);
    return digits;
}

void CheckPhone(std::vector<FieldProblem>& problems, const char* field, std::string& phone) {
    if (phone.empty())
        return;
    std::string clean = CleanPhone(phone);
    if (clean == "!" || clean.size() < 9 || clean.size() > 11 || clean.front() != '0') {
        problems.push_back({field, "số điện thoại không hợp lệ"});
        return;
    }
    phone = clean;
}

void CheckEmail(std::vector<FieldProblem>& problems, const char* field, std::string& email) {
    email = CleanText(email);
    if (email.empty())
        return;
    auto at = email.find('@');
    if (at == std::string::npos || at == 0 || email.find('.', at) == std::string::npos ||
        email.find(' ') != std::string::npos || email.size() > 120 || email.front() == '\'') {
        problems.push_back({field, "địa chỉ e-mail không hợp lệ"});
    }
}

void CheckDate(std::vector<FieldProblem>& problems, const char* field, std::string& date, bool required) {
    if (date.empty()) {
        if (required)
            problems.push_back({field, "thiếu ngày sinh"});
        return;
    }
    auto parsed = ParseDate(date);
    if (!parsed) {
        problems.push_back({field, "ngày không hợp lệ (cần dd/mm/yyyy): " + date});
        return;
    }
    // ISO dates compare as text. A birth date after today (in Vietnam, UTC+7) is a typing slip, e.g. 2099 for 2009.
    if (*parsed > VietnamDate(SystemClock().Now())) {
        problems.push_back({field, "ngày sinh sau ngày hôm nay: " + date});
        return;
    }
    date = *parsed;
}

void CheckGender(std::vector<FieldProblem>& problems, std::string& gender, bool required) {
    gender = CleanText(gender);
    if (gender.empty()) {
        if (required)
            problems.push_back({"gender", "thiếu giới tính"});
        return;
    }
    auto parsed = ParseGender(gender);
    if (!parsed) {
        problems.push_back({"gender", "giới tính phải là Nam hoặc Nữ"});
        return;
    }
    gender = *parsed;
}

/// The canonical codes of the 2018 programme, as the assessment catalogue and the schooling catalogue name them.
constexpr std::string_view kSubjectCodes[] = {"TOAN",   "VAN", "NN1",    "NN2",  "GDCD",   "LSDL",    "KHTN",
                                              "CN",     "TIN", "GDTC",   "NT",   "AMNHAC", "MITHUAT", "HDTN",
                                              "GDDP",   "LY",  "HOA",    "SINH", "SU",     "DIA",     "GDKTPL",
                                              "GDQPAN", "TV",  "DAODUC", "TNXH", "KH",     "TINCN",   "TIENGDANTOC"};

}  // namespace

std::optional<std::string> SubjectCodeOf(std::string_view text) {
    std::string t = org::CollapseSpaces(text);
    std::string upper;
    for (char c : t)
        upper.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    if (!upper.empty() && !assessment::LookUpSubject(upper).name.empty())
        return upper;
    std::string folded = org::FoldAscii(t);
    if (folded.empty())
        return std::nullopt;
    for (std::string_view code : kSubjectCodes) {
        if (org::FoldAscii(assessment::LookUpSubject(code).name) == folded)
            return std::string(code);
    }
    if (folded == "tieng anh" || folded == "ngoai ngu")
        return "NN1";
    if (folded == "the duc")
        return "GDTC";
    if (folded == "van" || folded == "ngu van")
        return "VAN";
    return std::nullopt;
}

CheckedStudent CheckStudent(const StudentInput& input) {
    CheckedStudent out{input, {}};
    StudentInput& s = out.clean;
    auto& p = out.problems;
    s.code = CleanText(s.code);
    if (s.code.empty()) {
        p.push_back({"code", "thiếu mã học sinh"});
    } else if (s.code.size() > 20 || !std::all_of(s.code.begin(), s.code.end(), [](char c) {
                   return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
               })) {
        p.push_back({"code", "mã học sinh chỉ gồm chữ và số, tối đa 20 ký tự"});
    }
    SplitNames(s.full_name, s.family_name, s.middle_name, s.given_name);
    CheckNamePart(p, "family_name", s.family_name, false);
    CheckNamePart(p, "middle_name", s.middle_name, false);
    CheckNamePart(p, "given_name", s.given_name, true);
    s.birth_date = CleanText(s.birth_date);
    CheckDate(p, "birth_date", s.birth_date, true);
    CheckGender(p, s.gender, true);
    for (auto* field : {&s.ethnicity, &s.birthplace, &s.address, &s.priority, &s.policy})
        *field = CleanText(*field);
    CheckLength(p, "ethnicity", s.ethnicity);
    CheckLength(p, "birthplace", s.birthplace);
    CheckLength(p, "address", s.address);
    CheckLength(p, "priority", s.priority);
    CheckLength(p, "policy", s.policy);
    if (s.ethnicity.empty())
        s.ethnicity = "Kinh";
    return out;
}

CheckedStaff CheckStaff(const StaffInput& input) {
    CheckedStaff out{input, {}};
    StaffInput& s = out.clean;
    auto& p = out.problems;
    SplitNames(s.full_name, s.family_name, s.middle_name, s.given_name);
    CheckNamePart(p, "family_name", s.family_name, false);
    CheckNamePart(p, "middle_name", s.middle_name, false);
    CheckNamePart(p, "given_name", s.given_name, true);
    s.birth_date = CleanText(s.birth_date);
    CheckDate(p, "birth_date", s.birth_date, false);
    CheckGender(p, s.gender, false);
    CheckPhone(p, "phone", s.phone);
    CheckEmail(p, "email", s.email);
    for (auto* field : {&s.ethnicity, &s.position, &s.qualification, &s.professional_rank})
        *field = CleanText(*field);
    CheckLength(p, "position", s.position);
    CheckLength(p, "qualification", s.qualification);
    CheckLength(p, "professional_rank", s.professional_rank);
    for (std::string& code : s.subjects) {
        auto known = SubjectCodeOf(code);
        if (!known) {
            p.push_back({"subjects", "môn học không có trong chương trình: " + CleanText(code)});
        } else {
            code = *known;
        }
    }
    if (s.position.empty())
        s.position = "Giáo viên";
    if (s.ethnicity.empty())
        s.ethnicity = "Kinh";
    return out;
}

std::vector<FieldProblem> CheckGuardian(GuardianInput& g) {
    std::vector<FieldProblem> p;
    g.full_name = CleanText(g.full_name);
    g.relation = CleanText(g.relation);
    CheckNamePart(p, "guardian.full_name", g.full_name, true);
    CheckLength(p, "guardian.relation", g.relation);
    CheckPhone(p, "guardian.phone", g.phone);
    CheckEmail(p, "guardian.email", g.email);
    return p;
}

void ThrowIfProblems(const std::vector<FieldProblem>& problems) {
    if (!problems.empty())
        throw Error(Code::kValidation, problems.front().field + ": " + problems.front().message);
}

}  // namespace hocvu::people
