#pragma once

#include <optional>

#include "assessment/model.hpp"

namespace hocvu::assessment {

/// The regulation that governs a grade in a school year (`regulation: auto`), from the roll-out tables:
/// TT22/2021 Điều 21 (THCS/THPT), TT27/2020 Điều 2 (TH), TT26/2020 in force from 11/10/2020 (RolloutTt26FromYear).
/// `school_year_start` is 2025 for 2025-2026. Returns nothing when none of the supported regulations applies
/// (primary grades before TT27, years before TT58/2011).
[[nodiscard]] std::optional<Regulation> RegulationFor(int school_year_start, SchoolLevel level, int grade);

/// The school level a grade belongs to: TH 1–5, THCS 6–9, THPT 10–12.
[[nodiscard]] std::optional<SchoolLevel> LevelOfGrade(int grade);

}  // namespace hocvu::assessment
