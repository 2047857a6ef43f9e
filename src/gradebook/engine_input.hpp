#pragma once

#include <string>
#include <vector>

#include "assessment/model.hpp"
#include "gradebook/setup.hpp"
#include "people/model.hpp"
#include "storage/database.hpp"

/// The one place where a class's stored results become the engine's input (gradebook results, the homeroom
/// summary, the year-close lists, the principal-board views). Not part of the domain's interface.
namespace hocvu::gradebook::detail {

/// One enrolled student's year as the engine reads it from the gradebook.
struct StudentInput {
    people::Student student;
    /// The subjects (in `setup.subjects` order; TT27 drops a subject the student is exempt from), regulation,
    /// grade and year. TT22/TT58: both semesters' cells (an exempt semester is empty). TT27: the year-end level
    /// and test (ck_muc, ck_kt of semester 2), the 15 year-end quality and competence ratings (`qualities`) and the
    /// class's recognition (`outstanding`). Conduct, absences and summer results are the homeroom's to add.
    assessment::StudentYear year;
    /// TT27: each subject's end-of-HK I level ("T", "H", "C", "") — the engine decides at year end only.
    std::vector<std::string> hk1_levels;
};

/// TT27 Điều 3 / Điều 7 khoản 2: the codes of the 15 ratings, in the engine's order (5 phẩm chất, 3 năng lực chung,
/// 7 năng lực đặc thù).
const std::vector<std::string>& QualityItems();
/// TT27 Điều 13 khoản 1 điểm a: the item under which the class's recognition of an outstanding achievement or
/// clear progress is stored beside the ratings.
inline constexpr std::string_view kOutstandingItem = "tieu_bieu";

/// The class's enrolled students (Vietnamese order) with their engine input.
std::vector<StudentInput> ClassInputs(storage::Tx& tx, const ClassSetup& setup);

}  // namespace hocvu::gradebook::detail
