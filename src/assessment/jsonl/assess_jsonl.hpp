#pragma once

#include <iosfwd>

namespace hocvu::assessment {

/// `hocvu assess`: reads JSON Lines student-years from `in` and writes one result line per input line to `out`,
/// as `design/assess-contract.md` specifies. Returns the process exit code: 0 when every line was processed
/// (lines with bad input get an `error` object), non-zero only when the command could not run at all.
int RunAssessJsonLines(std::istream& in, std::ostream& out);

}  // namespace hocvu::assessment
