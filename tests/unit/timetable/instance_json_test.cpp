#include "timetable/cli/instance_json.hpp"

#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_instances.hpp"

namespace hocvu::timetable {
namespace {

nlohmann::json MinimalDocument() {
    return nlohmann::json::parse(R"({
      "schema": "tkb-instance/1", "name": "mini", "periods_per_day": 5,
      "days": [{"id": "T2", "name": "Thứ 2"}, {"id": "T3", "name": "Thứ 3"}],
      "subjects": [{"id": "TOAN", "name": "Toán"}],
      "teachers": [{"id": "GV1", "name": "Nguyễn Thị Hoa", "unavailable": [[1, 4]], "max_days": null}],
      "classes": [{"id": "9A2", "grade": 9}],
      "lessons": [{"id": "L1", "class": "9A2", "subject": "TOAN", "teacher": "GV1",
                   "components": [{"id": 1, "duration": 2}, {"id": 2, "duration": 1}], "min_days_between": 1}],
      "rules": {"fixed_slots": [], "class_no_gaps": true, "class_start_first_period": true,
                "split_components_different_days": true, "double_period_forbidden_starts": [1],
                "subjects_not_in_last_period": ["TOAN"], "teacher_max_periods_per_day": 4},
      "soft": {"teacher_gap": 2, "teacher_single_period_day": 3}
    })");
}

InstanceError ErrorOf(const nlohmann::json& document) {
    const ParsedInstance parsed = ParseInstanceJson(document.dump());
    EXPECT_FALSE(parsed.instance.has_value());
    return parsed.error;
}

TEST(TimetableInstanceJson, ParsesEveryField) {
    const ParsedInstance parsed = ParseInstanceJson(MinimalDocument().dump());
    ASSERT_TRUE(parsed.instance.has_value()) << parsed.error.field << " " << parsed.error.message;
    const Instance& instance = *parsed.instance;
    EXPECT_EQ(instance.days.size(), 2U);
    EXPECT_EQ(instance.teachers[0].unavailable, (std::vector<Slot>{{1, 4}}));
    EXPECT_EQ(instance.lessons[0].components[0].duration, 2);
    EXPECT_EQ(instance.rules.subjects_not_in_last_period, std::vector<int>{0});
    EXPECT_EQ(instance.rules.teacher_max_periods_per_day, 4);
    EXPECT_FALSE(instance.rules.teacher_max_gaps_per_week.has_value());
    EXPECT_EQ(instance.soft.teacher_gap, 2);
    EXPECT_EQ(instance.soft.teacher_single_period_day, 3);
    EXPECT_EQ(instance.ComponentCount(), 2);
}

TEST(TimetableInstanceJson, ParsesGeneratedInstances) {
    const Instance instance = testing::LoadGolden("thpt_6c_s2");
    EXPECT_EQ(instance.classes.size(), 6U);
    EXPECT_EQ(instance.rules.fixed_slots.size(), 2U);
}

TEST(TimetableInstanceJson, RejectsInvalidJson) { EXPECT_EQ(ParseInstanceJson("{\"schema\": ").error.field, "(root)"); }

TEST(TimetableInstanceJson, NamesTheBadField) {
    nlohmann::json d = MinimalDocument();
    d["schema"] = "tkb-instance/2";
    EXPECT_EQ(ErrorOf(d).field, "schema");

    d = MinimalDocument();
    d.erase("periods_per_day");
    EXPECT_EQ(ErrorOf(d).field, "periods_per_day");

    d = MinimalDocument();
    d["lessons"][0]["teacher"] = "GV999";
    const InstanceError unknown = ErrorOf(d);
    EXPECT_EQ(unknown.field, "lessons[0].teacher");
    EXPECT_NE(unknown.message.find("GV999"), std::string::npos);

    d = MinimalDocument();
    d["lessons"][0]["components"][1]["duration"] = 6;
    EXPECT_EQ(ErrorOf(d).field, "lessons[0].components[1].duration");

    d = MinimalDocument();
    d["lessons"][0]["components"][1]["id"] = 1;
    EXPECT_EQ(ErrorOf(d).field, "lessons[0].components[1].id");

    d = MinimalDocument();
    d["teachers"][0]["unavailable"][0] = nlohmann::json::array({2, 0});
    EXPECT_EQ(ErrorOf(d).field, "teachers[0].unavailable[0][0]");

    d = MinimalDocument();
    d["classes"].push_back({{"id", "9A2"}});
    EXPECT_EQ(ErrorOf(d).field, "classes[1].id");

    d = MinimalDocument();
    d["rules"]["class_no_gaps"] = "yes";
    EXPECT_EQ(ErrorOf(d).field, "rules.class_no_gaps");

    d = MinimalDocument();
    d["days"] = nlohmann::json::array();
    EXPECT_EQ(ErrorOf(d).field, "days");
}

}  // namespace
}  // namespace hocvu::timetable
