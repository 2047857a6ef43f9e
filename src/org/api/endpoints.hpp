#pragma once

#include "org/guard.hpp"

/// One function per endpoint of the org domain; each parses the request, calls one service function and
/// writes the response. The routes and their permissions are listed in register.cpp.
namespace hocvu::org::api {

http::Response Login(Call& call);
http::Response Logout(Call& call);
http::Response Me(Call& call);
http::Response ChangeOwnPassword(Call& call);
http::Response EnrolTotp(Call& call);
http::Response ConfirmTotp(Call& call);

http::Response ListUnits(Call& call);
http::Response CreateUnit(Call& call);
http::Response GetUnit(Call& call);
http::Response UpdateUnit(Call& call);
http::Response ListChildren(Call& call);

http::Response ListAccounts(Call& call);
http::Response CreateAccount(Call& call);
http::Response GetAccount(Call& call);
http::Response DisableAccount(Call& call);
http::Response EnableAccount(Call& call);
http::Response ResetPassword(Call& call);

http::Response ListGrants(Call& call);
http::Response AddGrant(Call& call);
http::Response RemoveGrant(Call& call);

http::Response ListLocks(Call& call);
http::Response LockModule(Call& call);
http::Response UnlockModule(Call& call);

}  // namespace hocvu::org::api
