#pragma once

#include <string>

#include "timetable/diagnosis.hpp"
#include "timetable/model.hpp"

namespace hocvu::timetable {

/// The diagnosis worded for a school, in Vietnamese, naming teachers, classes, subjects and days.
[[nodiscard]] std::string DiagnosisText(const Instance& instance, const Diagnosis& diagnosis);

}  // namespace hocvu::timetable
