// OPS-5 Vietnamese order and the cleaning of people's text: dates, genders, formula-looking cells (issue 5).
#include <gtest/gtest.h>

#include <set>

#include "people/model.hpp"
#include "people/service.hpp"
#include "people/vn_text.hpp"

namespace hocvu::people {
namespace {

struct Name {
    std::string family_name, middle_name, given_name;
};

std::vector<std::string> Sorted(std::vector<Name> names) {
    SortVietnamese(names);
    std::vector<std::string> out;
    for (const Name& n : names)
        out.push_back(n.family_name + " " + n.middle_name + " " + n.given_name);
    return out;
}

TEST(VietnameseOrder, LettersWithMarksFollowTheirBaseLetter) {
    // a < ă < â, d < đ, e < ê, o < ô < ơ, u < ư; tones sort after the base letter.
    std::vector<std::string> givens = {"Đạt", "Ân", "Ăn", "An", "Dũng", "Ơn", "Ôn", "On", "Ưng", "Ung", "Ánh", "Anh"};
    std::vector<Name> names;
    for (const auto& g : givens)
        names.push_back({"Nguyễn", "Văn", g});
    std::vector<std::string> expected = {"Nguyễn Văn An", "Nguyễn Văn Anh",  "Nguyễn Văn Ánh", "Nguyễn Văn Ăn",
                                         "Nguyễn Văn Ân", "Nguyễn Văn Dũng", "Nguyễn Văn Đạt", "Nguyễn Văn On",
                                         "Nguyễn Văn Ôn", "Nguyễn Văn Ơn",   "Nguyễn Văn Ung", "Nguyễn Văn Ưng"};
    EXPECT_EQ(Sorted(names), expected);
}

TEST(VietnameseOrder, GivenNameThenFamilyThenMiddle) {
    std::vector<Name> names = {{"Trần", "Văn", "Bình"},
                               {"Lê", "Thị", "Bình"},
                               {"Lê", "Anh", "Bình"},
                               {"Vũ", "Thị", "An"},
                               {"Đỗ", "Minh", "Ân"}};
    std::vector<std::string> expected = {"Vũ Thị An", "Đỗ Minh Ân", "Lê Anh Bình", "Lê Thị Bình", "Trần Văn Bình"};
    EXPECT_EQ(Sorted(names), expected);
}

TEST(VietnameseOrder, NfdAndNfcInputCompareEqual) {
    EXPECT_EQ(CompareVietnameseNames("Ánh", "Lê", "", "A\xCC\x81nh", "Lê", ""), 0);
}

TEST(Dates, DayMonthYearAndIso) {
    EXPECT_EQ(ParseDate("05/03/2014"), "2014-03-05");
    EXPECT_EQ(ParseDate("5/3/2014"), "2014-03-05");
    EXPECT_EQ(ParseDate("05-03-2014"), "2014-03-05");
    EXPECT_EQ(ParseDate("2014-03-05"), "2014-03-05");
    EXPECT_EQ(ParseDate("29/02/2016"), "2016-02-29");
    EXPECT_EQ(ParseDate("29/02/2015"), std::nullopt);
    EXPECT_EQ(ParseDate("31/04/2014"), std::nullopt);
    EXPECT_EQ(ParseDate("12/13/1985"), std::nullopt);
    EXPECT_EQ(ParseDate("2014"), std::nullopt);
    EXPECT_EQ(ParseDate("ngày 5"), std::nullopt);
}

TEST(Genders, VietnameseAndEnglish) {
    EXPECT_EQ(ParseGender("Nam"), "male");
    EXPECT_EQ(ParseGender(" nữ "), "female");
    EXPECT_EQ(ParseGender("NỮ"), "female");
    EXPECT_EQ(ParseGender("Nu"), "female");
    EXPECT_EQ(ParseGender("female"), "female");
    EXPECT_EQ(ParseGender("Không rõ"), std::nullopt);
}

TEST(CleanText, FormulasAreNeutralisedAndControlsRemoved) {
    EXPECT_EQ(CleanText("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
    EXPECT_EQ(CleanText("+84"), "'+84");
    EXPECT_EQ(CleanText("@SUM(A1)"), "'@SUM(A1)");
    EXPECT_EQ(CleanText("  Nguyễn\tVăn \n An "), "Nguyễn Văn An");
    EXPECT_EQ(CleanText("\x01tên"), "tên");
    EXPECT_TRUE(LooksLikeFormula("=1+1"));
    EXPECT_FALSE(LooksLikeFormula("Nguyễn"));
}

TEST(Checks, StudentNamesAreSplitAndEveryProblemListed) {
    CheckedStudent ok =
        CheckStudent({"7901000001", "Đặng Thị Ánh Tuyết", "", "", "", "05/03/2014", "Nữ", "", "", "", "", ""});
    EXPECT_TRUE(ok.problems.empty());
    EXPECT_EQ(ok.clean.family_name, "Đặng");
    EXPECT_EQ(ok.clean.middle_name, "Thị Ánh");
    EXPECT_EQ(ok.clean.given_name, "Tuyết");
    EXPECT_EQ(ok.clean.birth_date, "2014-03-05");
    EXPECT_EQ(ok.clean.gender, "female");
    EXPECT_EQ(ok.clean.ethnicity, "Kinh");

    CheckedStudent bad =
        CheckStudent({"79-01", "=cmd|' /C calc'!A0", "", "", "", "31/02/2014", "?", "", "", "", "", ""});
    std::set<std::string> fields;
    for (const FieldProblem& p : bad.problems)
        fields.insert(p.field);
    EXPECT_EQ(fields,
              (std::set<std::string>{"code", "family_name", "middle_name", "given_name", "birth_date", "gender"}));
}

TEST(Checks, BirthDateInTheFutureIsRefused) {
    CheckedStudent future =
        CheckStudent({"7901000001", "Đặng Thị Ánh Tuyết", "", "", "", "05/03/2099", "Nữ", "", "", "", "", ""});
    ASSERT_EQ(future.problems.size(), 1u);
    EXPECT_EQ(future.problems[0].field, "birth_date");
    EXPECT_NE(future.problems[0].message.find("sau ngày hôm nay"), std::string::npos);
    StaffInput staff;
    staff.full_name = "Trương Thị Thu Hiền";
    staff.birth_date = "2100-01-01";
    EXPECT_EQ(CheckStaff(staff).problems.size(), 1u);
}

TEST(Checks, StaffSubjectsByCodeOrName) {
    StaffInput input;
    input.full_name = "Trương Thị Thu Hiền";
    input.phone = "+84 905 000 111";
    input.subjects = {"Toán", "tin học", "KHTN"};
    CheckedStaff checked = CheckStaff(input);
    EXPECT_TRUE(checked.problems.empty());
    EXPECT_EQ(checked.clean.subjects, (std::vector<std::string>{"TOAN", "TIN", "KHTN"}));
    EXPECT_EQ(checked.clean.phone, "0905000111");
    input.subjects = {"Thiên văn học"};
    input.email = "khong-phai-email";
    EXPECT_EQ(CheckStaff(input).problems.size(), 2u);
}

}  // namespace
}  // namespace hocvu::people
