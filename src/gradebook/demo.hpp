#pragma once

#include "app/context.hpp"

namespace hocvu::gradebook {

/// Demo scores for `hocvu demo`, so that the progress, results and reports pages have something to show: at THPT
/// Chu Văn An, 12A2's first semester is complete and 11A2's has its first two regular assessments and the mid-term
/// of every subject. Entered by each subject's teacher through SaveScores, as a teacher's saves are (validated,
/// audited, with history). Values are pseudo-random with a fixed seed: the same on every run. No end-to-end or API
/// test relies on these two classes' scores being empty.
void CreateDemoScores(app::Context& ctx);

}  // namespace hocvu::gradebook
