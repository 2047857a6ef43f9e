#pragma once

#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "gradebook/model.hpp"
#include "gradebook/queries.hpp"
#include "http/request.hpp"

namespace hocvu::gradebook::api {

nlohmann::json ToJson(const Sheet& sheet);
nlohmann::json ToJson(const Correction& c);
nlohmann::json ToJson(const EntryWindow& w);
nlohmann::json ToJson(const Lock& l);
nlohmann::json ToJson(const HistoryEntry& h);
nlohmann::json ToJson(const StudentResult& r);
nlohmann::json ToJson(const ProgressRow& r);

/// `?semester=1|2` (required).
int SemesterParam(const http::Request& request);

/// A problem+json response of `code` with extra members (conflicts, violations…).
http::Response ProblemWith(Code code, const std::string& detail, const nlohmann::json& extra);

}  // namespace hocvu::gradebook::api
