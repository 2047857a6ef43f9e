#pragma once

#include <nlohmann/json.hpp>

#include "schooling/model.hpp"
#include "schooling/service.hpp"

namespace hocvu::schooling::api {

nlohmann::json ToJson(const SchoolYear& year);
nlohmann::json ToJson(const ClassInfo& cls);
nlohmann::json ToJson(const CurriculumEntry& entry);
nlohmann::json ToJson(const TeachingAssignment& a);
nlohmann::json ToJson(const Enrolment& e);
nlohmann::json ToJson(const Exemption& x);
nlohmann::json ToJson(const StudentProfile& p);
nlohmann::json ToJson(const CarryOverSummary& s);

/// A list of strings under `key` (absent: empty); throws kValidation for another shape.
std::vector<std::string> Strings(const nlohmann::json& body, const char* key);

}  // namespace hocvu::schooling::api
