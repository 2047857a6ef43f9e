#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "http/request.hpp"
#include "org/guard.hpp"
#include "org/model.hpp"
#include "org/service.hpp"

namespace hocvu::org::api {

/// Ids are 63-bit, beyond JavaScript's safe integers, so they travel as decimal strings.
std::string Id(std::int64_t id);
nlohmann::json OptId(const std::optional<std::int64_t>& id);

nlohmann::json ToJson(const Unit& unit);
nlohmann::json ToJson(const Account& account);
nlohmann::json ToJson(const Grant& grant);
/// The signed-in person as `GET /api/v1/me` and the sign-in response show them.
nlohmann::json UserJson(app::Context& ctx, const Actor& actor);

/// The request body as a JSON object; throws kInvalidJson / kValidation.
nlohmann::json Body(const http::Request& request);
std::string Text(const nlohmann::json& body, const char* key, bool required = true);
std::optional<std::string> OptText(const nlohmann::json& body, const char* key);
/// An id given as a decimal string or a number.
std::optional<std::int64_t> OptIdField(const nlohmann::json& body, const char* key);
std::int64_t IdField(const nlohmann::json& body, const char* key);
/// A query parameter holding an id.
std::optional<std::int64_t> QueryId(const http::Request& request, const char* key);

http::Response JsonResponse(int status, const nlohmann::json& body);

}  // namespace hocvu::org::api
