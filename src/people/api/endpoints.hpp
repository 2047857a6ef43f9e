#pragma once

#include "org/guard.hpp"

/// One function per endpoint of the people domain (staff and student records, guardians, staff import); each
/// parses the request, calls one service function and writes the response. Routes are listed in register.cpp.
namespace hocvu::people::api {

http::Response ListStaff(org::Call& call);
http::Response CreateStaff(org::Call& call);
http::Response GetStaff(org::Call& call);
http::Response UpdateStaff(org::Call& call);
http::Response PreviewStaffImport(org::Call& call);
http::Response CommitStaffImport(org::Call& call);

http::Response SearchStudents(org::Call& call);
http::Response CreateStudent(org::Call& call);
http::Response UpdateStudent(org::Call& call);
http::Response AddGuardian(org::Call& call);
http::Response CreateParentAccount(org::Call& call);

}  // namespace hocvu::people::api
