#pragma once

#include <string>

#include "common/clock.hpp"

namespace hocvu {

/// The calendar date in Vietnam (UTC+7: one time zone, no daylight saving) at `at`, as YYYY-MM-DD.
std::string VietnamDate(Micros at);

}  // namespace hocvu
