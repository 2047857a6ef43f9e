#pragma once

#include "http/request.hpp"
#include "org/guard.hpp"

/// The homeroom domain's HTTP endpoints (issue 7).
namespace hocvu::homeroom::api {

http::Response GetAttendance(org::Call& call);
http::Response PutAttendance(org::Call& call);
http::Response GetAttendanceTotals(org::Call& call);
http::Response GetConduct(org::Call& call);
http::Response PutConduct(org::Call& call);
http::Response GetQualities(org::Call& call);
http::Response PutQualities(org::Call& call);
http::Response GetComments(org::Call& call);
http::Response PutComments(org::Call& call);
http::Response ListRecords(org::Call& call);
http::Response AddRecord(org::Call& call);
http::Response RemoveRecord(org::Call& call);
http::Response GetSummary(org::Call& call);
http::Response GetConfirmations(org::Call& call);
http::Response Confirm(org::Call& call);
http::Response GetYearClose(org::Call& call);
http::Response PutYearClose(org::Call& call);
http::Response DecideYearClose(org::Call& call);
http::Response PutSummerResults(org::Call& call);
http::Response GetSchoolYearClose(org::Call& call);
http::Response GetStudentHomeroom(org::Call& call);

}  // namespace hocvu::homeroom::api
