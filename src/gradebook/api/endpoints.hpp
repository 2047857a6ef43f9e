#pragma once

#include "org/guard.hpp"

/// One function per endpoint of the gradebook; each parses the request, calls one service or query function and
/// writes the response. The routes and their permissions are listed in register.cpp.
namespace hocvu::gradebook::api {

http::Response GetScores(org::Call& call);
http::Response PutScores(org::Call& call);
http::Response GetCellHistory(org::Call& call);
http::Response ConfirmSheet(org::Call& call);
http::Response ReopenSheet(org::Call& call);
http::Response GetResults(org::Call& call);
http::Response ListWindows(org::Call& call);
http::Response SetWindow(org::Call& call);
http::Response ListLocks(org::Call& call);
http::Response SetLock(org::Call& call);
http::Response ListCorrections(org::Call& call);
http::Response RequestCorrection(org::Call& call);
http::Response DecideCorrection(org::Call& call);
http::Response GetProgress(org::Call& call);

}  // namespace hocvu::gradebook::api
