#pragma once

#include <string>

#include "common/error.hpp"
#include "http/request.hpp"

namespace hocvu::http {

/// The HTTP status and Vietnamese title for an error code. The one place that decides them.
struct ErrorMapping {
    int status;
    const char* title;
};
ErrorMapping MapError(Code code);

/// An `application/problem+json` response: {type, title, status, code, detail}.
Response Problem(Code code, const std::string& detail = {});

}  // namespace hocvu::http
