#include "timetable/diagnosis.hpp"

#include <string>

#include <gtest/gtest.h>

#include "test_instances.hpp"
#include "timetable/cli/diagnosis_text.hpp"

namespace hocvu::timetable {
namespace {

Diagnosis DiagnoseQuickly(const Instance& instance) {
    DiagnoseOptions options;
    options.search_budget = 50000;
    return Diagnose(instance, options);
}

bool Mentions(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(TimetableDiagnosis, TeacherAwayAllWeekIsOverloaded) {
    const Instance instance = testing::LoadGolden("infeasible_teacher_all_week");
    const Diagnosis diagnosis = DiagnoseQuickly(instance);
    ASSERT_EQ(diagnosis.findings.size(), 1U);
    const Finding& finding = diagnosis.findings[0];
    EXPECT_EQ(finding.kind, FindingKind::kTeacherOverloaded);
    EXPECT_EQ(instance.teachers[static_cast<std::size_t>(finding.teacher)].id, "GV002");
    EXPECT_EQ(finding.available, 0);
    const std::string text = DiagnosisText(instance, diagnosis);
    EXPECT_TRUE(Mentions(text, "Võ Văn Tuấn")) << text;
    EXPECT_TRUE(Mentions(text, "6A1")) << text;
}

TEST(TimetableDiagnosis, TeacherInTwoFixedSlotsAtOnce) {
    const Instance instance = testing::LoadGolden("infeasible_fixed_clash");
    const Diagnosis diagnosis = DiagnoseQuickly(instance);
    ASSERT_FALSE(diagnosis.findings.empty());
    EXPECT_EQ(diagnosis.findings[0].kind, FindingKind::kFixedSlotsClash);
    const std::string text = DiagnosisText(instance, diagnosis);
    EXPECT_TRUE(Mentions(text, "GV010")) << text;
    EXPECT_TRUE(Mentions(text, "Thứ 2 tiết 1")) << text;
}

TEST(TimetableDiagnosis, FindsTheDayOffThatTheSplitRuleCannotMeet) {
    const Instance instance = testing::LoadGolden("infeasible_day_off_split");
    const Diagnosis diagnosis = DiagnoseQuickly(instance);
    ASSERT_EQ(diagnosis.findings.size(), 1U);
    EXPECT_TRUE(diagnosis.verified);
    EXPECT_TRUE(diagnosis.minimal);
    const Finding& finding = diagnosis.findings[0];
    EXPECT_EQ(finding.kind, FindingKind::kRequest);
    EXPECT_EQ(finding.request, (TeacherRequest{RequestKind::kDayUnavailable, 0, 2}));
    const std::string text = DiagnosisText(instance, diagnosis);
    EXPECT_TRUE(Mentions(text, "Thứ 4 của GV Nguyễn Thị Hoa (GV01)")) << text;
    EXPECT_TRUE(Mentions(text, "9A2")) << text;
}

TEST(TimetableDiagnosis, ClassWithMorePeriodsThanTheWeek) {
    Instance instance = testing::TinyInstance();
    instance.lessons[3].components.push_back({11, 1});
    instance.lessons[3].components.push_back({12, 1});
    const Diagnosis diagnosis = DiagnoseQuickly(instance);
    ASSERT_FALSE(diagnosis.findings.empty());
    EXPECT_EQ(diagnosis.findings[0].kind, FindingKind::kClassOverfull);
    EXPECT_TRUE(Mentions(DiagnosisText(instance, diagnosis), "Lớp 6A2 cần 7 tiết/tuần"));
}

TEST(TimetableDiagnosis, ClassRulesThatCannotHoldTogether) {
    Instance instance = testing::TinyInstance();
    instance.lessons[1].components = {{2, 1}, {3, 1}, {11, 1}};  // Toán 1+1+1 on different days, 2 days only
    instance.lessons[2].components = {{4, 1}};
    const Diagnosis diagnosis = DiagnoseQuickly(instance);
    ASSERT_FALSE(diagnosis.findings.empty());
    EXPECT_EQ(diagnosis.findings[0].kind, FindingKind::kClassRulesConflict);
    EXPECT_EQ(diagnosis.findings[0].class_index, 0);
}

}  // namespace
}  // namespace hocvu::timetable
