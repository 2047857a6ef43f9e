#pragma once

#include "app/context.hpp"
#include "storage/database.hpp"

namespace hocvu::homeroom {

/// Demo homeroom data, inside the caller's transaction and after the demo school year: the roll-calls of every
/// demo class over the last four weeks of school days before today (a few excused, unexcused and late marks each
/// day) and the first semester's conduct drafts of 10A1 and 6A1 with comments, so the pages are not empty. Nothing
/// when today is outside the demo year. Deterministic.
void CreateDemo(storage::Tx& tx, app::Context& ctx);

}  // namespace hocvu::homeroom
