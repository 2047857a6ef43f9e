#include "org/api/endpoints.hpp"
#include "org/api/json.hpp"

namespace hocvu::org::api {
namespace {

http::Response Toggle(Call& call, bool locked) {
    std::string reason;
    if (!call.request.body.empty()) reason = Text(Body(call.request), "reason", false);
    std::int64_t unit_id = PathId(call.request, "id");
    SetModuleLock(call.ctx, call.Who(), unit_id, call.request.PathParam("module"), locked, reason,
                  call.request.client_address);
    return JsonResponse(200, {{"unit_id", Id(unit_id)}, {"module", call.request.PathParam("module")}, {"locked", locked}});
}

}  // namespace

http::Response ListLocks(Call& call) {
    std::int64_t unit_id = PathId(call.request, "id");
    std::vector<ModuleLock> locks = org::ListLocks(call.ctx, call.Who(), unit_id);
    nlohmann::json items = nlohmann::json::array();
    for (std::string_view module : LockableModules()) {
        nlohmann::json item = {{"module", module}, {"locked", false}};
        for (const ModuleLock& lock : locks) {
            if (lock.module == module) {
                item = {{"module", module}, {"locked", true}, {"locked_by", Id(lock.locked_by)},
                        {"locked_at", lock.locked_at}, {"reason", lock.reason}};
            }
        }
        items.push_back(item);
    }
    return JsonResponse(200, {{"unit_id", Id(unit_id)}, {"items", items}});
}

http::Response LockModule(Call& call) { return Toggle(call, true); }
http::Response UnlockModule(Call& call) { return Toggle(call, false); }

}  // namespace hocvu::org::api
