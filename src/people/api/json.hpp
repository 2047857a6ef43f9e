#pragma once

#include <nlohmann/json.hpp>

#include "people/model.hpp"

/// JSON shapes of the people domain, shared with schooling's endpoints.
namespace hocvu::people::api {

nlohmann::json ToJson(const Student& student);
nlohmann::json ToJson(const Guardian& guardian);
nlohmann::json ToJson(const StaffMember& staff);
nlohmann::json ToJson(const std::vector<FieldProblem>& problems);

StudentInput StudentFrom(const nlohmann::json& body);
GuardianInput GuardianFrom(const nlohmann::json& body);
StaffInput StaffFrom(const nlohmann::json& body);

}  // namespace hocvu::people::api

namespace hocvu::people {
struct ImportReport;
}
namespace hocvu::people::api {
/// An import report; `created` rows are listed with `created_keys` as their keys.
nlohmann::json ToJson(const ImportReport& report, const std::vector<std::string>& created_keys);
}  // namespace hocvu::people::api
