#include "timetable/cli/instance_json.hpp"

#include <cstddef>
#include <map>
#include <set>
#include <utility>

#include <nlohmann/json.hpp>

namespace hocvu::timetable {

namespace {

using nlohmann::json;

constexpr int kMaxPeriodsPerDay = 16;

struct FieldError {
    std::string field;
    std::string message;
};

std::string Join(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }

std::string At(const std::string& path, std::size_t index) { return path + "[" + std::to_string(index) + "]"; }

const json& Require(const json& object, const std::string& path, const std::string& key) {
    if (!object.is_object()) {
        throw FieldError{path.empty() ? "(root)" : path, "must be a JSON object"};
    }
    const auto it = object.find(key);
    if (it == object.end()) {
        throw FieldError{Join(path, key), "is missing"};
    }
    return *it;
}

const json* Optional(const json& object, const std::string& key) {
    const auto it = object.find(key);
    return it == object.end() || it->is_null() ? nullptr : &*it;
}

std::string String(const json& value, const std::string& field) {
    if (!value.is_string()) {
        throw FieldError{field, "must be a string"};
    }
    return value.get<std::string>();
}

int Int(const json& value, const std::string& field, int min, int max) {
    if (!value.is_number_integer()) {
        throw FieldError{field, "must be an integer"};
    }
    const long long v = value.get<long long>();
    if (v < min || v > max) {
        throw FieldError{field, "must be between " + std::to_string(min) + " and " + std::to_string(max) +
                                    " (got " + std::to_string(v) + ")"};
    }
    return static_cast<int>(v);
}

bool Bool(const json& object, const std::string& path, const std::string& key) {
    const json* value = Optional(object, key);
    if (value == nullptr) {
        return false;
    }
    if (!value->is_boolean()) {
        throw FieldError{Join(path, key), "must be true or false"};
    }
    return value->get<bool>();
}

const json& Array(const json& value, const std::string& field) {
    if (!value.is_array()) {
        throw FieldError{field, "must be an array"};
    }
    return value;
}

std::optional<int> OptionalInt(const json& object, const std::string& path, const std::string& key, int min, int max) {
    const json* value = Optional(object, key);
    if (value == nullptr) {
        return std::nullopt;
    }
    return Int(*value, Join(path, key), min, max);
}

std::map<std::string, int> IndexIds(const json& list, const std::string& path) {
    std::map<std::string, int> index;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string id = String(Require(list[i], At(path, i), "id"), Join(At(path, i), "id"));
        if (id.empty()) {
            throw FieldError{Join(At(path, i), "id"), "must not be empty"};
        }
        if (!index.emplace(id, static_cast<int>(i)).second) {
            throw FieldError{Join(At(path, i), "id"), "duplicate id \"" + id + "\""};
        }
    }
    return index;
}

int Resolve(const std::map<std::string, int>& index, const json& value, const std::string& field, const char* what) {
    const std::string id = String(value, field);
    const auto it = index.find(id);
    if (it == index.end()) {
        throw FieldError{field, std::string("unknown ") + what + " id \"" + id + "\""};
    }
    return it->second;
}

Instance Build(const json& root) {
    Instance instance;
    const std::string schema = String(Require(root, "", "schema"), "schema");
    if (schema != "tkb-instance/1") {
        throw FieldError{"schema", "must be \"tkb-instance/1\" (got \"" + schema + "\")"};
    }
    if (const json* name = Optional(root, "name")) {
        instance.name = String(*name, "name");
    }
    instance.periods_per_day = Int(Require(root, "", "periods_per_day"), "periods_per_day", 1, kMaxPeriodsPerDay);
    const int periods = instance.periods_per_day;

    const json& days = Array(Require(root, "", "days"), "days");
    if (days.empty()) {
        throw FieldError{"days", "must list at least one day"};
    }
    IndexIds(days, "days");
    for (std::size_t i = 0; i < days.size(); ++i) {
        const std::string path = At("days", i);
        Day day{String(Require(days[i], path, "id"), Join(path, "id")), ""};
        const json* name = Optional(days[i], "name");
        day.name = name != nullptr ? String(*name, Join(path, "name")) : day.id;
        instance.days.push_back(day);
    }
    const int day_count = static_cast<int>(instance.days.size());

    const json& subjects = Array(Require(root, "", "subjects"), "subjects");
    const std::map<std::string, int> subject_index = IndexIds(subjects, "subjects");
    for (std::size_t i = 0; i < subjects.size(); ++i) {
        const std::string path = At("subjects", i);
        Subject subject{String(Require(subjects[i], path, "id"), Join(path, "id")), ""};
        const json* name = Optional(subjects[i], "name");
        subject.name = name != nullptr ? String(*name, Join(path, "name")) : subject.id;
        instance.subjects.push_back(subject);
    }

    const json& teachers = Array(Require(root, "", "teachers"), "teachers");
    const std::map<std::string, int> teacher_index = IndexIds(teachers, "teachers");
    for (std::size_t i = 0; i < teachers.size(); ++i) {
        const std::string path = At("teachers", i);
        const json& t = teachers[i];
        Teacher teacher;
        teacher.id = String(Require(t, path, "id"), Join(path, "id"));
        const json* name = Optional(t, "name");
        teacher.name = name != nullptr ? String(*name, Join(path, "name")) : teacher.id;
        if (const json* unavailable = Optional(t, "unavailable")) {
            const std::string upath = Join(path, "unavailable");
            Array(*unavailable, upath);
            for (std::size_t k = 0; k < unavailable->size(); ++k) {
                const json& pair = (*unavailable)[k];
                const std::string ppath = At(upath, k);
                if (!pair.is_array() || pair.size() != 2) {
                    throw FieldError{ppath, "must be a [day, period] pair"};
                }
                teacher.unavailable.push_back(
                    Slot{Int(pair[0], ppath + "[0]", 0, day_count - 1), Int(pair[1], ppath + "[1]", 0, periods - 1)});
            }
        }
        teacher.max_days = OptionalInt(t, path, "max_days", 0, day_count);
        instance.teachers.push_back(teacher);
    }

    const json& classes = Array(Require(root, "", "classes"), "classes");
    const std::map<std::string, int> class_index = IndexIds(classes, "classes");
    for (std::size_t i = 0; i < classes.size(); ++i) {
        const std::string path = At("classes", i);
        SchoolClass school_class;
        school_class.id = String(Require(classes[i], path, "id"), Join(path, "id"));
        school_class.grade = OptionalInt(classes[i], path, "grade", 0, 100).value_or(0);
        instance.classes.push_back(school_class);
    }

    const json& lessons = Array(Require(root, "", "lessons"), "lessons");
    std::set<int> component_ids;
    for (std::size_t i = 0; i < lessons.size(); ++i) {
        const std::string path = At("lessons", i);
        const json& l = lessons[i];
        Lesson lesson;
        lesson.id = String(Require(l, path, "id"), Join(path, "id"));
        lesson.class_index = Resolve(class_index, Require(l, path, "class"), Join(path, "class"), "class");
        lesson.subject_index = Resolve(subject_index, Require(l, path, "subject"), Join(path, "subject"), "subject");
        lesson.teacher_index = Resolve(teacher_index, Require(l, path, "teacher"), Join(path, "teacher"), "teacher");
        lesson.min_days_between = OptionalInt(l, path, "min_days_between", 0, day_count).value_or(0);
        const std::string cpath = Join(path, "components");
        const json& components = Array(Require(l, path, "components"), cpath);
        if (components.empty()) {
            throw FieldError{cpath, "must list at least one component"};
        }
        for (std::size_t k = 0; k < components.size(); ++k) {
            const std::string kpath = At(cpath, k);
            Component component;
            component.id = Int(Require(components[k], kpath, "id"), Join(kpath, "id"), 0, 1 << 30);
            component.duration = Int(Require(components[k], kpath, "duration"), Join(kpath, "duration"), 1, periods);
            if (!component_ids.insert(component.id).second) {
                throw FieldError{Join(kpath, "id"), "duplicate component id " + std::to_string(component.id)};
            }
            lesson.components.push_back(component);
        }
        instance.lessons.push_back(std::move(lesson));
    }

    const json& rules = Require(root, "", "rules");
    if (!rules.is_object()) {
        throw FieldError{"rules", "must be a JSON object"};
    }
    Rules& r = instance.rules;
    if (const json* fixed = Optional(rules, "fixed_slots")) {
        Array(*fixed, "rules.fixed_slots");
        for (std::size_t i = 0; i < fixed->size(); ++i) {
            const std::string path = At("rules.fixed_slots", i);
            const json& f = (*fixed)[i];
            const std::string subject = String(Require(f, path, "subject"), Join(path, "subject"));
            const int day = Int(Require(f, path, "day"), Join(path, "day"), 0, day_count - 1);
            const int period = Int(Require(f, path, "period"), Join(path, "period"), 0, periods - 1);
            const auto it = subject_index.find(subject);
            if (it != subject_index.end()) {
                r.fixed_slots.push_back(FixedSlot{it->second, Slot{day, period}});
            }
        }
    }
    r.class_no_gaps = Bool(rules, "rules", "class_no_gaps");
    r.class_start_first_period = Bool(rules, "rules", "class_start_first_period");
    r.split_components_different_days = Bool(rules, "rules", "split_components_different_days");
    if (const json* starts = Optional(rules, "double_period_forbidden_starts")) {
        Array(*starts, "rules.double_period_forbidden_starts");
        for (std::size_t i = 0; i < starts->size(); ++i) {
            r.double_period_forbidden_starts.push_back(
                Int((*starts)[i], At("rules.double_period_forbidden_starts", i), 0, periods - 1));
        }
    }
    if (const json* not_last = Optional(rules, "subjects_not_in_last_period")) {
        Array(*not_last, "rules.subjects_not_in_last_period");
        for (std::size_t i = 0; i < not_last->size(); ++i) {
            const std::string subject = String((*not_last)[i], At("rules.subjects_not_in_last_period", i));
            const auto it = subject_index.find(subject);
            if (it != subject_index.end()) {
                r.subjects_not_in_last_period.push_back(it->second);
            }
        }
    }
    r.teacher_max_periods_per_day = OptionalInt(rules, "rules", "teacher_max_periods_per_day", 0, periods);
    r.teacher_max_gaps_per_week = OptionalInt(rules, "rules", "teacher_max_gaps_per_week", 0, day_count * periods);
    r.teacher_max_gaps_per_day = OptionalInt(rules, "rules", "teacher_max_gaps_per_day", 0, periods);
    r.teacher_min_periods_per_teaching_day =
        OptionalInt(rules, "rules", "teacher_min_periods_per_teaching_day", 0, periods);

    if (const json* soft = Optional(root, "soft")) {
        if (!soft->is_object()) {
            throw FieldError{"soft", "must be a JSON object"};
        }
        instance.soft.teacher_gap = OptionalInt(*soft, "soft", "teacher_gap", 0, 1000000).value_or(1);
        instance.soft.teacher_single_period_day =
            OptionalInt(*soft, "soft", "teacher_single_period_day", 0, 1000000).value_or(1);
    }
    return instance;
}

}  // namespace

ParsedInstance ParseInstanceJson(const std::string& text) {
    ParsedInstance parsed;
    const json root = json::parse(text, nullptr, false);
    if (root.is_discarded()) {
        parsed.error = InstanceError{"(root)", "is not valid JSON"};
        return parsed;
    }
    try {
        parsed.instance = Build(root);
    } catch (const FieldError& error) {
        parsed.error = InstanceError{error.field, error.message};
    }
    return parsed;
}

}  // namespace hocvu::timetable
