#pragma once

#include "app/context.hpp"
#include "storage/database.hpp"

namespace hocvu::schooling {

/// The demo school year 2026-2027, inside the caller's transaction and after the org demo: THCS Lê Đình Chinh
/// (6A1…9A2) and THPT Chu Văn An (10A1…12A2) with semesters, curriculum, teachers with accounts, homeroom and
/// teaching assignments covering every class × subject, and 30 students per class with guardians. Class 6A1 of Lê
/// Đình Chinh has id 201 and 10A1 of Chu Văn An id 101, and Nguyễn Hoàng Nam (id 9001, in 10A1) has the demo
/// parent Bùi Thị Mai as guardian, as the org demo's grants expect.
void CreateDemoSchoolYear(storage::Tx& tx, app::Context& ctx);

}  // namespace hocvu::schooling
