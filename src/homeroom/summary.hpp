#pragma once

#include <cstdint>
#include <string_view>

#include "homeroom/model.hpp"
#include "storage/database.hpp"

/// The class summary as other domains use it (GB-5 principal-board views and exports): computed in the caller's
/// transaction with no permission check — the caller checks (e.g. report.read on the school).
namespace hocvu::homeroom {

/// Every student's subject averages (the gradebook's cells through the engine), learning and conduct levels,
/// absences (A10), and for "year" the outcome, award, re-assessment subjects, rank and the result after the summer
/// (A17), with the engine's explanation lines. `period`: "hk1", "hk2" or "year" (kValidation otherwise); kNotFound
/// for an unknown class; kValidation for a class whose regulation the gradebook does not shape (TT22 only so far).
ClassSummary BuildClassSummary(storage::Tx& tx, std::int64_t class_id, std::string_view period);

}  // namespace hocvu::homeroom
