#pragma once

#include <string>

#include "timetable/model.hpp"

namespace hocvu::timetable::testing {

/// Reads and parses tests/golden/timetable/<name>.json; fails the test on a parse error.
Instance LoadGolden(const std::string& name);

/// Two classes over 2 days × 3 periods, small enough to place by hand (see ValidTinyTimetable).
Instance TinyInstance();

/// A timetable of TinyInstance meeting every hard rule: 2 teacher gaps and 2 single-period days.
Timetable ValidTinyTimetable();

}  // namespace hocvu::timetable::testing
