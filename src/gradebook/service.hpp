#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/context.hpp"
#include "gradebook/model.hpp"
#include "org/model.hpp"

/// Writes of the gradebook. Each runs in one transaction that also appends its audit entry (GB-6), checks the
/// score-entry module lock, and refuses with an outcome or a `hocvu::Error` code.
namespace hocvu::gradebook {

/// GB-1: saves a batch of cell changes in one transaction, based on `input.base_version`. The whole batch is
/// refused (nothing written) when a value is invalid, a changed cell was changed by someone else after the base
/// version (conflict naming their value), an entry window is closed (SCH-13), or the sheet is locked (SCH-11) or
/// confirmed (GB-8, for the teacher). Only the subject teacher or the principal board may save (kForbidden).
/// With `sheet_after`, a successful save also fills it with the saved sheet and its averages, as the PUT answers,
/// built on the class setup the save already read (one setup read per PUT instead of two).
SaveOutcome SaveScores(app::Context& ctx, const org::Actor& actor, const SaveInput& input,
                       std::string_view client_address, Sheet* sheet_after = nullptr);

/// SCH-13: the principal board sets (or, with `clear`, removes) a column kind's entry window for a semester.
EntryWindow SetEntryWindow(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id,
                           const EntryWindow& window, bool clear, std::string_view client_address);

/// SCH-11: locks or unlocks a sheet (subject code) or a class's book (subject "*"; semester 0 = the year).
void SetLock(app::Context& ctx, const org::Actor& actor, std::int64_t class_id, std::string_view subject,
             int semester, bool locked, std::string_view reason, std::string_view client_address);

/// GB-8: the subject teacher confirms (ký xác nhận) the sheet, which then refuses the teacher's saves; refused while
/// assessments are missing or pending (A5). `confirmed` false: the principal board reopens it.
void ConfirmSheet(app::Context& ctx, const org::Actor& actor, std::int64_t class_id, std::string_view subject,
                  int semester, bool confirmed, std::string_view client_address);

/// GB-7: a teacher asks for a change of one cell outside its entry window.
struct CorrectionInput {
    std::int64_t class_id = 0;
    std::string subject_code;
    int semester = 1;
    std::int64_t student_id = 0;
    std::string item;
    std::string new_value;
    std::string reason;
};
Correction RequestCorrection(app::Context& ctx, const org::Actor& actor, const CorrectionInput& input,
                             std::string_view client_address);

/// GB-7: the principal approves (the change is applied in the same transaction, its audit entry naming the
/// request) or rejects a pending request, with the witnesses present. An approver with an active second factor
/// steps up with a fresh TOTP code (`totp`; org::CheckStepUp): `auth.step_up_required` without one,
/// `auth.totp_invalid` for a wrong or used one (counted against the account's throttle, nothing decided).
Correction DecideCorrection(app::Context& ctx, const org::Actor& actor, std::int64_t correction_id, bool approve,
                            std::string_view note, const std::vector<std::string>& witnesses,
                            std::string_view client_address, const std::optional<std::string>& totp = std::nullopt);

}  // namespace hocvu::gradebook
