#include <algorithm>
#include <string>

#include "org/audit.hpp"
#include "org/policy.hpp"
#include "org/service.hpp"
#include "org/store.hpp"

namespace hocvu::org {

std::vector<ModuleLock> ListLocks(app::Context& ctx, const Actor& actor, std::int64_t unit_id) {
    return ctx.db.Read([&](storage::Tx& tx) {
        auto unit = store::FindUnit(tx, unit_id);
        if (!unit) throw Error(Code::kNotFound, "no such unit");
        Require(actor, Permission::kLockRead, UnitScope(*unit));
        std::vector<ModuleLock> locks;
        for (const storage::Row& row : tx.Query(store::kListLocks, {unit_id})) {
            locks.push_back({row.Text(0), row.Int(1), row.Int(2), row.Text(3)});
        }
        return locks;
    });
}

void SetModuleLock(app::Context& ctx, const Actor& actor, std::int64_t unit_id, std::string_view module, bool locked,
                   std::string_view reason, std::string_view client_address) {
    const auto& modules = LockableModules();
    if (std::find(modules.begin(), modules.end(), module) == modules.end()) {
        throw Error(Code::kNotFound, "no such module: " + std::string(module));
    }
    if (reason.size() > 500) throw Error(Code::kValidation, "the reason has at most 500 bytes");
    ctx.db.Write([&](storage::Tx& tx) {
        auto unit = store::FindUnit(tx, unit_id);
        if (!unit) throw Error(Code::kNotFound, "no such unit");
        Require(actor, Permission::kLockManage, UnitScope(*unit));
        bool was_locked = tx.QueryOne(store::kFindLock, {unit_id, std::string(module)}).has_value();
        if (locked && !was_locked) {
            tx.Exec(store::kInsertLock, {unit_id, std::string(module), actor.account_id, ctx.clock.Now(),
                                         std::string(reason)});
        } else if (!locked && was_locked) {
            tx.Exec(store::kDeleteLock, {unit_id, std::string(module)});
        }
        AppendAudit(tx, ctx.ids, ctx.clock,
                    {unit_id, actor.account_id, locked ? "org.module_locked" : "org.module_unlocked",
                     "unit:" + std::to_string(unit_id), std::string(client_address),
                     {{"module", std::string(module)}, {"reason", std::string(reason)},
                      {"changed", was_locked != locked ? "true" : "false"}}});
    });
}

void EnsureUnlocked(storage::Tx& tx, std::int64_t unit_id, std::string_view module) {
    if (tx.QueryOne(store::kFindLock, {unit_id, std::string(module)})) {
        throw Error(Code::kModuleLocked, "the module '" + std::string(module) + "' is locked for this unit");
    }
}

}  // namespace hocvu::org
