#include "system/status.hpp"

#include "storage/migrations.hpp"

namespace hocvu::system {
namespace {

constexpr std::string_view kSchemaVersion = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
constexpr std::string_view kDemoCreated = "SELECT value FROM settings WHERE key = 'demo_created_at'";

}  // namespace

SystemStatus ReadStatus(storage::Database& db) {
    SystemStatus status;
    status.version = HOCVU_VERSION;
    status.db = std::string(storage::EngineName(db.engine()));
    auto migrations = storage::BuiltinMigrations();
    status.schema_known = migrations.empty() ? 0 : migrations.back().version;
    db.Read([&](storage::Tx& tx) {
        status.schema_version = static_cast<int>(tx.QueryOne(kSchemaVersion)->Int(0));
        if (auto row = tx.QueryOne(kDemoCreated)) {
            status.demo_created_at = row->Text(0);
        }
    });
    return status;
}

bool DatabaseAnswers(storage::Database& db) {
    try {
        return db.Read([](storage::Tx& tx) { return tx.QueryOne("SELECT 1")->Int(0) == 1; });
    } catch (const std::exception&) {
        return false;
    }
}

}  // namespace hocvu::system
