#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace hocvu {

/// Stable error codes. The API returns `Name(code)` in problem+json `code`; tests assert the code, never the
/// wording. The HTTP status of each code is decided in one place, `http/error_mapping.cpp`.
enum class Code {
    kBadRequest,        ///< request.bad_request
    kInvalidJson,       ///< request.invalid_json
    kValidation,        ///< request.validation
    kNotFound,          ///< http.not_found
    kMethodNotAllowed,  ///< http.method_not_allowed
    kPayloadTooLarge,   ///< http.payload_too_large
    kHeadersTooLarge,   ///< http.headers_too_large
    kUnauthenticated,   ///< auth.unauthenticated
    kForbidden,         ///< auth.forbidden
    kConflict,          ///< request.conflict
    kUnavailable,       ///< server.unavailable
    kInternal,          ///< server.internal
    kDbUnreachable,     ///< storage.unreachable
    kDbSchemaNewer,     ///< storage.schema_newer
    kDbConstraint,      ///< storage.constraint
    kDbFailure,         ///< storage.failure
    kInvalidCredentials,     ///< auth.invalid_credentials
    kPasswordPolicy,         ///< auth.password_policy
    kPasswordChangeRequired, ///< auth.password_change_required
    kRateLimited,            ///< auth.rate_limited
    kCsrf,                   ///< auth.csrf
    kTotpRequired,           ///< auth.totp_required
    kTotpInvalid,            ///< auth.totp_invalid
    kStepUpRequired,         ///< auth.step_up_required
    kAccountDisabled,        ///< auth.account_disabled
    kModuleLocked,           ///< org.module_locked
    kGradebookWindowClosed,  ///< gradebook.window_closed
    kGradebookLocked,        ///< gradebook.locked
    kGradebookConflict,      ///< gradebook.conflict
    kHomeroomNotHomeroom,       ///< homeroom.not_homeroom
    kHomeroomConflict,          ///< homeroom.conflict
    kHomeroomLocked,            ///< homeroom.locked
    kHomeroomIncomplete,        ///< homeroom.incomplete
    kHomeroomUnconfirmedSheets, ///< homeroom.unconfirmed_sheets
    kHomeroomOverrideNotAllowed,  ///< homeroom.override_not_allowed
    kHomeroomNotSubmitted,      ///< homeroom.not_submitted
    kHomeroomNotApproved,       ///< homeroom.not_approved
    kHomeroomOutcomePending,    ///< homeroom.outcome_pending
};

/// The stable dotted name of a code, e.g. "http.not_found".
std::string_view Name(Code code);

/// An error that ends the current operation: not-found, forbidden, conflict, an unreachable database.
/// Expected outcomes (an invalid score, a closed window) are return values, not exceptions.
class Error : public std::runtime_error {
public:
    Error(Code code, const std::string& detail) : std::runtime_error(detail), code_(code) {}

    Code code() const { return code_; }

private:
    Code code_;
};

}  // namespace hocvu
