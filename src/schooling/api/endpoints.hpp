#pragma once

#include "org/guard.hpp"

/// One function per endpoint of the schooling domain; each parses the request, calls one service function and
/// writes the response. Routes and what they require are listed in register.cpp.
namespace hocvu::schooling::api {

http::Response ListYears(org::Call& call);
http::Response CreateYear(org::Call& call);
http::Response GetCurriculum(org::Call& call);
http::Response SetGradeOptionalSubjects(org::Call& call);
http::Response GetCatalogue(org::Call& call);

http::Response ListClasses(org::Call& call);
http::Response CreateClass(org::Call& call);
http::Response GetClass(org::Call& call);
http::Response SetClassElectives(org::Call& call);

http::Response ListTeaching(org::Call& call);
http::Response AssignTeaching(org::Call& call);
http::Response RemoveTeaching(org::Call& call);
http::Response AssignHomeroom(org::Call& call);
http::Response RemoveHomeroom(org::Call& call);

http::Response ClassStudents(org::Call& call);
http::Response Enrol(org::Call& call);
http::Response GetStudent(org::Call& call);

http::Response TransferClass(org::Call& call);
http::Response Leave(org::Call& call);
http::Response Admit(org::Call& call);
http::Response AddExemption(org::Call& call);
http::Response RemoveExemption(org::Call& call);
http::Response CarryOver(org::Call& call);

http::Response PreviewStudentImport(org::Call& call);
http::Response CommitStudentImport(org::Call& call);

}  // namespace hocvu::schooling::api
