#include "common/error.hpp"

namespace hocvu {

std::string_view Name(Code code) {
    switch (code) {
        case Code::kBadRequest: return "request.bad_request";
        case Code::kInvalidJson: return "request.invalid_json";
        case Code::kValidation: return "request.validation";
        case Code::kNotFound: return "http.not_found";
        case Code::kMethodNotAllowed: return "http.method_not_allowed";
        case Code::kPayloadTooLarge: return "http.payload_too_large";
        case Code::kHeadersTooLarge: return "http.headers_too_large";
        case Code::kUnauthenticated: return "auth.unauthenticated";
        case Code::kForbidden: return "auth.forbidden";
        case Code::kConflict: return "request.conflict";
        case Code::kUnavailable: return "server.unavailable";
        case Code::kInternal: return "server.internal";
        case Code::kDbUnreachable: return "storage.unreachable";
        case Code::kDbSchemaNewer: return "storage.schema_newer";
        case Code::kDbConstraint: return "storage.constraint";
        case Code::kDbFailure: return "storage.failure";
        case Code::kInvalidCredentials: return "auth.invalid_credentials";
        case Code::kPasswordPolicy: return "auth.password_policy";
        case Code::kPasswordChangeRequired: return "auth.password_change_required";
        case Code::kRateLimited: return "auth.rate_limited";
        case Code::kCsrf: return "auth.csrf";
        case Code::kTotpRequired: return "auth.totp_required";
        case Code::kTotpInvalid: return "auth.totp_invalid";
        case Code::kStepUpRequired: return "auth.step_up_required";
        case Code::kAccountDisabled: return "auth.account_disabled";
        case Code::kModuleLocked: return "org.module_locked";
        case Code::kGradebookWindowClosed: return "gradebook.window_closed";
        case Code::kGradebookLocked: return "gradebook.locked";
        case Code::kGradebookConflict: return "gradebook.conflict";
        case Code::kHomeroomNotHomeroom: return "homeroom.not_homeroom";
        case Code::kHomeroomConflict: return "homeroom.conflict";
        case Code::kHomeroomLocked: return "homeroom.locked";
        case Code::kHomeroomIncomplete: return "homeroom.incomplete";
        case Code::kHomeroomUnconfirmedSheets: return "homeroom.unconfirmed_sheets";
        case Code::kHomeroomOverrideNotAllowed: return "homeroom.override_not_allowed";
        case Code::kHomeroomNotSubmitted: return "homeroom.not_submitted";
        case Code::kHomeroomNotApproved: return "homeroom.not_approved";
        case Code::kHomeroomOutcomePending: return "homeroom.outcome_pending";
    }
    return "server.internal";
}

}  // namespace hocvu
