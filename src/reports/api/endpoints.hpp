#pragma once

#include <string>
#include <string_view>

#include "http/request.hpp"
#include "org/guard.hpp"

/// One function per endpoint of the reports domain. Each answers JSON, or the .xlsx export when the request asks
/// for it (`?format=xlsx` or an Accept header naming the .xlsx type). The routes are listed in register.cpp.
namespace hocvu::reports::api {

http::Response GetStudentGradeSheet(org::Call& call);
http::Response GetClassGradeSheet(org::Call& call);
http::Response GetClassSummary(org::Call& call);
http::Response GetYearClassification(org::Call& call);
http::Response GetReportCard(org::Call& call);
http::Response GetClassificationRates(org::Call& call);

/// Whether the request asks for the .xlsx export; throws kValidation for an unknown `format`.
bool WantsXlsx(const http::Request& request);

/// `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded name>` (RFC 6266, RFC 5987).
std::string ContentDisposition(std::string_view file_name);

}  // namespace hocvu::reports::api
