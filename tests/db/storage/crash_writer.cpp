// The child of the crash test: writes continuously from several threads and prints each sequence number on
// stdout only after its Write returned (the acknowledgement). Killed with SIGKILL by the parent.
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "storage/database.hpp"

int main(int argc, char** argv) {
    using hocvu::storage::Tx;
    if (argc != 3) {
        std::fprintf(stderr, "usage: crash_writer sqlite:PATH|postgresql://… START_SEQ\n");
        return 2;
    }
    hocvu::storage::DatabaseConfig config;
    config.url = argv[1];
    auto db = hocvu::storage::OpenDatabase(config);
    std::atomic<std::int64_t> next{std::stoll(argv[2])};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (;;) {
                std::int64_t seq = next++;
                db->Write([&](Tx& tx) {
                    // Three statements that must land together: a ledger line and a transfer between accounts.
                    tx.Exec("INSERT INTO crash_ledger (seq, amount, note) VALUES ($1, $2, $3)",
                            {seq, seq % 97, std::string(200, 'x')});
                    tx.Exec("UPDATE crash_accounts SET balance = balance - $1 WHERE id = 1", {seq % 97});
                    tx.Exec("UPDATE crash_accounts SET balance = balance + $1 WHERE id = 2", {seq % 97});
                });
                std::string line = std::to_string(seq) + "\n";
                if (write(STDOUT_FILENO, line.data(), line.size()) < 0) {
                    _exit(3);
                }
            }
        });
    }
    for (auto& t : threads) t.join();
}
