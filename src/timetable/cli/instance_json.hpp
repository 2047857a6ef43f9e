#pragma once

#include <optional>
#include <string>

#include "timetable/model.hpp"

namespace hocvu::timetable {

/// A `tkb-instance/1` document that could not be read: the JSON path of the offending field and why.
struct InstanceError {
    std::string field;    ///< e.g. "lessons[12].teacher"
    std::string message;  ///< e.g. "unknown teacher id \"GV999\""
};

/// Result of parsing: the instance, or the first error found.
struct ParsedInstance {
    std::optional<Instance> instance;
    InstanceError error;
};

/// Parses and validates a `tkb-instance/1` JSON text (ids resolved, indices in range, durations fit a day).
[[nodiscard]] ParsedInstance ParseInstanceJson(const std::string& text);

}  // namespace hocvu::timetable
