#pragma once

#include <string>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "org/audit.hpp"
#include "org/policy.hpp"
#include "org/service.hpp"
#include "org/vn_text.hpp"
#include "people/service.hpp"
#include "people/vn_text.hpp"
#include "schooling/service.hpp"
#include "schooling/store.hpp"

/// Helpers shared by the schooling services; not part of the domain's interface.
namespace hocvu::schooling::detail {

/// The school of `unit_id` after checking `permission` on it.
inline org::Unit RequireOnSchool(storage::Tx& tx, const org::Actor& actor, org::Permission permission,
                                 std::int64_t unit_id) {
    org::Unit school = people::SchoolOf(tx, unit_id);
    org::Require(actor, permission, org::UnitScope(school));
    return school;
}

inline ClassInfo LoadClass(storage::Tx& tx, std::int64_t class_id) {
    auto c = FindClassTx(tx, class_id);
    if (!c)
        throw Error(Code::kNotFound, "no such class");
    return *c;
}

inline people::Student LoadStudent(storage::Tx& tx, std::int64_t student_id) {
    auto s = people::FindStudentTx(tx, student_id);
    if (!s)
        throw Error(Code::kNotFound, "no such student");
    return *s;
}

/// Today in UTC+7 (Vietnam has one time zone and no daylight saving), YYYY-MM-DD.
std::string Today(const Clock& clock);

/// `date` as YYYY-MM-DD (dd/mm/yyyy accepted), or today when empty; throws kValidation otherwise.
std::string DateOrToday(const Clock& clock, std::string_view date);

inline void Audit(storage::Tx& tx, app::Context& ctx, const org::Actor& actor, std::int64_t unit_id, std::string action,
                  std::string target, std::string_view client_address,
                  std::vector<std::pair<std::string, std::string>> details = {}) {
    org::AppendAudit(tx, ctx.ids, ctx.clock,
                     {unit_id, actor.account_id, std::move(action), std::move(target), std::string(client_address),
                      std::move(details)});
}

/// The active enrolment of a student in a year (or in any year when `year_id` is empty).
std::optional<Enrolment> ActiveEnrolment(storage::Tx& tx, std::int64_t student_id,
                                         std::optional<std::int64_t> year_id = {});

}  // namespace hocvu::schooling::detail
