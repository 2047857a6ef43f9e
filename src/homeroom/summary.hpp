#pragma once

#include <cstdint>
#include <map>
#include <string>
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

/// A student's line of a class's year-close lists as the principal approved them (GB-4).
struct DecidedLine {
    std::string outcome;  ///< the final outcome ("promoted", "retained"), or the decided one while the summer decides
    std::string award;    ///< the award as approved ("" none)
};

/// The approved lists of a class by student id; empty while the lists are not approved. The year's class summary
/// gives the engine's words; the principal board's year views show what was decided once it is (the principal's
/// decision for a TT27 student, the homeroom teacher's approved overrides, the outcome after the summer).
std::map<std::int64_t, DecidedLine> DecidedLists(storage::Tx& tx, std::int64_t class_id);

}  // namespace hocvu::homeroom
