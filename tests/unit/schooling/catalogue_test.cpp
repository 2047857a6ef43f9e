// The GDPT 2018 catalogue shipped as data agrees with regulations.md §2, and class names sort naturally (issue 5,
// SCH-14).
#include <gtest/gtest.h>

#include "assessment/subject_catalog.hpp"
#include "schooling/catalogue.hpp"
#include "schooling/service.hpp"

namespace hocvu::schooling {
namespace {

int Periods(int grade, std::string_view code) {
    auto s = FindSubject(grade, code);
    return s ? PeriodsIn(*s, grade) : 0;
}

int CompulsoryTotal(int grade) {
    int total = 0;
    for (const CatalogueSubject& s : SubjectsOf(grade, SubjectKind::kCompulsory))
        total += PeriodsIn(s, grade);
    return total;
}

TEST(Catalogue, ThcsPeriodsPerYear) {
    // regulations.md §2.1: 1015 periods in grades 6–7, 1032 in 8–9 (Công nghệ 35 → 52).
    EXPECT_EQ(CompulsoryTotal(6), 1015);
    EXPECT_EQ(CompulsoryTotal(7), 1015);
    EXPECT_EQ(CompulsoryTotal(8), 1032);
    EXPECT_EQ(CompulsoryTotal(9), 1032);
    EXPECT_EQ(Periods(6, "TOAN"), 140);
    EXPECT_EQ(Periods(8, "CN"), 52);
    EXPECT_FALSE(FindSubject(6, "GDTC")->scored);
    EXPECT_TRUE(FindSubject(6, "GDCD")->scored);
    EXPECT_EQ(FindSubject(7, "NN2")->kind, SubjectKind::kOptional);
}

TEST(Catalogue, ThptCompulsoryElectivesAndTopics) {
    EXPECT_EQ(SubjectsOf(10, SubjectKind::kCompulsory).size(), 8u);
    EXPECT_EQ(Periods(11, "SU"), 52);
    EXPECT_EQ(Periods(12, "GDQPAN"), 35);
    EXPECT_EQ(SubjectsOf(10, SubjectKind::kElective).size(), 9u);  // TT13/2022: 4 of 9
    EXPECT_FALSE(FindSubject(10, "AMNHAC")->scored);
    EXPECT_EQ(Periods(10, "CDTOAN"), 35);
    EXPECT_FALSE(FindSubject(10, "GDCD").has_value());  // no GDCD at THPT under the 2018 programme
}

TEST(Catalogue, PrimaryGrades) {
    EXPECT_EQ(Periods(1, "TV"), 420);
    EXPECT_EQ(Periods(3, "TV"), 245);
    EXPECT_EQ(Periods(2, "NN1"), 0);
    EXPECT_EQ(Periods(2, "NN1TC"), 70);
    EXPECT_EQ(Periods(3, "NN1"), 140);
    EXPECT_EQ(Periods(4, "TNXH"), 0);
    EXPECT_EQ(Periods(4, "KH"), 70);
}

TEST(Catalogue, CodesAreTheAssessmentEngines) {
    for (const CatalogueSubject& s : Catalogue()) {
        if (s.kind == SubjectKind::kTopic || s.code == "NN1TC")
            continue;
        EXPECT_FALSE(assessment::LookUpSubject(s.code).name.empty()) << s.code;
    }
}

TEST(ClassNames, NaturalOrder) {
    EXPECT_TRUE(ClassNameLess("6A2", "6A10"));
    EXPECT_TRUE(ClassNameLess("6A1", "6A2"));
    EXPECT_FALSE(ClassNameLess("6A10", "6A2"));
    EXPECT_TRUE(ClassNameLess("9A1", "10A1"));
    EXPECT_TRUE(ClassNameLess("10A1", "10B1"));
    EXPECT_FALSE(ClassNameLess("6A1", "6A1"));
}

}  // namespace
}  // namespace hocvu::schooling
