#pragma once

#include <string>
#include <vector>

#include "app/context.hpp"

namespace hocvu::org {

/// One demo account to sign in with.
struct DemoLogin {
    std::string role;  ///< e.g. "principal"
    std::string username;
    std::string password;
    std::string unit;  ///< the unit's name

    /// {"role":…,"username":…,"password":…,"unit":…} on one line.
    std::string JsonLine() const;
};

/// The password of every demo account. It passes the policy and, unlike admin-issued passwords, need not be
/// changed at first sign-in. It exists only in demo data.
inline constexpr const char* kDemoPassword = "Hocvu-Demo-2026";

/// Creates the demo province (a Sở, two Phòng, THPT schools and a GDTX centre under the Sở, a TH and a THCS
/// under each Phòng) with rule-made usernames, inside the caller's transaction. Returns one login per role.
std::vector<DemoLogin> CreateDemo(storage::Tx& tx, app::Context& ctx);

/// The logins `CreateDemo` made, one per role, without touching the database.
std::vector<DemoLogin> DemoLogins();

}  // namespace hocvu::org
