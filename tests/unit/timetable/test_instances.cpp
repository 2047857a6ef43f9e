#include "test_instances.hpp"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "timetable/cli/instance_json.hpp"

namespace hocvu::timetable::testing {

Instance LoadGolden(const std::string& name) {
    std::ifstream in(std::string(TIMETABLE_GOLDEN_DIR) + "/" + name + ".json");
    EXPECT_TRUE(in.good()) << name;
    std::ostringstream text;
    text << in.rdbuf();
    ParsedInstance parsed = ParseInstanceJson(text.str());
    EXPECT_TRUE(parsed.instance.has_value()) << parsed.error.field << " " << parsed.error.message;
    return parsed.instance.value_or(Instance{});
}

Instance TinyInstance() {
    Instance instance;
    instance.name = "tiny";
    instance.periods_per_day = 3;
    instance.days = {{"T2", "Thứ 2"}, {"T3", "Thứ 3"}};
    instance.subjects = {{"CC", "Chào cờ"}, {"TOAN", "Toán"}, {"VAN", "Ngữ văn"}, {"MT", "Mĩ thuật"}, {"KHTN", "KHTN"}};
    instance.teachers = {{"GV0", "Lê Thị An", {}, std::nullopt},
                         {"GV1", "Phạm Văn Bình", {}, std::nullopt},
                         {"GV2", "Đỗ Thị Chi", {}, std::nullopt}};
    instance.classes = {{"6A1", 6}, {"6A2", 6}};
    instance.lessons = {
        {"L1", 0, 0, 0, {{1, 1}}, 0},
        {"L2", 0, 1, 1, {{2, 2}, {3, 1}}, 1},
        {"L3", 0, 2, 2, {{4, 1}, {5, 1}}, 1},
        {"L4", 1, 0, 2, {{6, 1}}, 0},
        {"L5", 1, 3, 0, {{7, 1}, {8, 1}}, 1},
        {"L6", 1, 4, 2, {{9, 1}, {10, 1}}, 1},
    };
    instance.rules.fixed_slots = {{0, {0, 0}}};
    instance.rules.double_period_forbidden_starts = {1};
    instance.rules.subjects_not_in_last_period = {1};
    return instance;
}

Timetable ValidTinyTimetable() {
    return {{0, 0}, {1, 0}, {0, 1}, {0, 2}, {1, 2}, {0, 0}, {0, 2}, {1, 1}, {0, 1}, {1, 0}};
}

}  // namespace hocvu::timetable::testing
