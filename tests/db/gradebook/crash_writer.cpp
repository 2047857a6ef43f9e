// The child of the gradebook crash test: saves whole columns of score sheets from four threads (one sheet each,
// through gradebook::SaveScores, audit included) and prints "subject version" on stdout only after the save
// returned (the acknowledgement). Killed with SIGKILL by the parent.
#include <unistd.h>

#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "common/clock.hpp"
#include "common/ids.hpp"
#include "gradebook/queries.hpp"
#include "gradebook/service.hpp"
#include "org/service.hpp"
#include "storage/database.hpp"

int main(int argc, char** argv) {
    using namespace hocvu;
    if (argc != 4) {
        std::fprintf(stderr, "usage: gradebook_crash_writer URL PRINCIPAL_ACCOUNT_ID NODE\n");
        return 2;
    }
    storage::DatabaseConfig config;
    config.url = argv[1];
    auto db = storage::OpenDatabase(config);
    SystemClock clock;
    IdGenerator ids(clock, static_cast<std::uint32_t>(std::stoi(argv[3])));
    app::Context ctx{*db, clock, ids};
    const std::int64_t principal_id = std::stoll(argv[2]);
    org::Actor principal = db->Read([&](storage::Tx& tx) { return org::LoadActor(tx, principal_id); });
    const std::vector<std::string> subjects = {"TOAN", "VAN", "NN1", "LY"};
    std::vector<std::thread> threads;
    for (const std::string& subject : subjects) {
        threads.emplace_back([&, subject] {
            gradebook::Sheet sheet = gradebook::GetSheet(ctx, principal, 101, subject, 1);
            std::int64_t version = sheet.version;
            for (std::int64_t k = version;; ++k) {
                gradebook::SaveInput input{101, subject, 1, version, {}};
                const std::string item = "tx" + std::to_string(k % 3 + 1);
                const std::string value = std::to_string(k % 10) + "." + std::to_string(k % 7);
                for (const gradebook::SheetRow& row : sheet.rows) {
                    input.changes.push_back({row.student_id, item, value, gradebook::CellStatus::kEntered, "crash"});
                }
                gradebook::SaveOutcome out = gradebook::SaveScores(ctx, principal, input, "127.0.0.1");
                if (out.status != gradebook::SaveOutcome::Status::kSaved) _exit(4);
                version = out.version;
                std::string line = subject + " " + std::to_string(version) + " " + std::to_string(out.changed) + "\n";
                if (write(STDOUT_FILENO, line.data(), line.size()) < 0) _exit(3);
            }
        });
    }
    for (auto& t : threads) t.join();
}
