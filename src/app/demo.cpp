#include "app/demo.hpp"

#include <ctime>
#include <string>

#include "gradebook/demo.hpp"
#include "homeroom/demo.hpp"
#include "schooling/demo.hpp"

namespace hocvu::app {
namespace {

constexpr std::string_view kFind = "SELECT value FROM settings WHERE key = 'demo_created_at'";
constexpr std::string_view kMark =
    "INSERT INTO settings (key, value, updated_at) VALUES ('demo_created_at', $1, $2)";

std::string IsoTime(Micros micros) {
    std::time_t seconds = static_cast<std::time_t>(micros / 1000000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace

DemoReport CreateDemoData(Context& context) {
    DemoReport report = context.db.Write([&](storage::Tx& tx) {
        DemoReport report;
        if (auto row = tx.QueryOne(kFind)) {
            report.created_at = row->Text(0);
            report.logins = org::DemoLogins();
            return report;
        }
        report.created = true;
        report.created_at = IsoTime(context.clock.Now());
        report.logins = org::CreateDemo(tx, context);
        schooling::CreateDemoSchoolYear(tx, context);
        homeroom::CreateDemo(tx, context);
        tx.Exec(kMark, {report.created_at, context.clock.Now()});
        return report;
    });
    // Scores go in as teachers' saves, each its own transaction with its audit entry (after the accounts exist).
    if (report.created)
        gradebook::CreateDemoScores(context);
    return report;
}

}  // namespace hocvu::app
