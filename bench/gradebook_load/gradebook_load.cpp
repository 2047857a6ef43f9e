// Many teachers saving concurrently (issue 6): each client owns one class × subject sheet of 45 students and saves
// one assessment column for the whole class per save (the usual way a test's scores go in), through
// gradebook::SaveScores — validation, conflict check, cells, the audit entry and the cell history in one durable
// transaction. Prints durable saves per second and the p50/p99 latency of a save.
//
// Usage: see kUsage below.
//
// By default a save is timed as the API's PUT …/scores does it: SaveScores, which then reads the saved sheet with
// every student's averages computed by the assessment engine (the response the teacher's grid shows).
#include <sys/resource.h>
#include <unistd.h>

#include <cstdlib>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "app/context.hpp"
#include "common/clock.hpp"
#include "common/ids.hpp"
#include "gradebook/queries.hpp"
#include "gradebook/service.hpp"
#include "org/demo.hpp"
#include "org/service.hpp"
#include "people/service.hpp"
#include "schooling/demo.hpp"
#include "schooling/service.hpp"
#include "storage/migrations.hpp"

namespace {

using namespace hocvu;
using Steady = std::chrono::steady_clock;

constexpr const char* kUsage =
    "usage: gradebook_load [--db sqlite:PATH|postgresql://URL] [--clients 64] [--seconds 10] [--students 45]\n"
    "                      [--rate SAVES_PER_SECOND] [--bare] [--schema VERSION]\n"
    "  --db       the database (default: a new SQLite file in the temporary directory; a PostgreSQL URL must\n"
    "             name an empty database or schema)\n"
    "  --rate     open-loop arrivals: the clients together start this many saves per second on a fixed\n"
    "             schedule, and a save's latency counts from its scheduled start (a save that starts late\n"
    "             because its client was still busy is charged the wait); default: each client saves again as\n"
    "             soon as its last save returned (closed loop, latency = clients / throughput)\n"
    "  --bare     time SaveScores alone, without reading the sheet back as the PUT does\n"
    "  --schema   apply the migrations up to VERSION only (to measure a schema change against the one before)\n"
    "Prints saves/s, p50/p99 latency, the process's CPU time per save (user + system, setup excluded) and the\n"
    "load average at the end.\n";

/// CPU seconds of each thread of this process (Linux /proc), by thread id.
std::map<int, double> ThreadCpuSeconds() {
    std::map<int, double> out;
    const double tick = static_cast<double>(sysconf(_SC_CLK_TCK));
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/task")) {
        std::ifstream stat(entry.path() / "stat");
        std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
        // Fields after the command name, which is in parentheses: state is field 3, utime 14, stime 15.
        const std::size_t close = text.rfind(')');
        if (close == std::string::npos) continue;
        std::istringstream fields(text.substr(close + 2));
        std::string field;
        double ticks = 0;
        for (int n = 3; n <= 15 && fields >> field; ++n) {
            if (n >= 14) ticks += std::stod(field);
        }
        out[std::stoi(entry.path().filename().string())] = ticks / tick;
    }
    return out;
}

double CpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

struct Options {
    std::string db;
    int clients = 64;
    int seconds = 10;
    int students = 45;
    double rate = 0;  ///< saves per second over all clients; 0: each client saves again as soon as it can
    bool bare = false;  ///< time SaveScores alone, without the sheet the PUT returns
    int schema = 0;     ///< the last migration to apply; 0: all
};

/// The demo data, with every class of Chu Văn An and Lê Đình Chinh filled up to `students`.
void Prepare(storage::Database& db, app::Context& ctx, int students) {
    db.Write([&](storage::Tx& tx) {
        org::CreateDemo(tx, ctx);
        schooling::CreateDemoSchoolYear(tx, ctx);
        std::vector<std::int64_t> classes;
        for (const storage::Row& row : tx.Query("SELECT id FROM classes")) classes.push_back(row.Int(0));
        const char* givens[] = {"An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khoa", "Lan", "Minh", "Nam", "Oanh",
                                "Phúc", "Quân", "Sơn", "Tâm"};
        const char* middles[] = {"Văn", "Thị", "Minh", "Ngọc", "Đức", "Thu", "Quốc"};
        int serial = 0;
        for (std::int64_t class_id : classes) {
            schooling::ClassInfo cls = *schooling::FindClassTx(tx, class_id);
            auto have = tx.QueryOne("SELECT COUNT(*) FROM enrolments WHERE class_id = $1 AND status = 'active'",
                                    {class_id})
                            ->Int(0);
            for (std::int64_t i = have; i < students; ++i) {
                people::StudentInput s;
                s.code = "BENCH" + std::to_string(++serial);
                s.family_name = "Nguyễn";
                s.middle_name = middles[serial % 7];
                s.given_name = givens[serial % 15];
                s.full_name = s.family_name + " " + s.middle_name + " " + s.given_name;
                s.birth_date = "2012-01-01";
                s.gender = "male";
                s.ethnicity = "Kinh";
                people::CheckedStudent checked = people::CheckStudent(s);
                people::ThrowIfProblems(checked.problems);
                people::Student student = people::InsertStudentTx(tx, ctx, cls.unit_id, checked.clean);
                schooling::EnrolTx(tx, ctx, cls, student.id, "2026-09-05");
            }
        }
    });
}

std::int64_t PrincipalOf(storage::Database& db, const std::string& school) {
    return db.Read([&](storage::Tx& tx) {
        return tx.QueryOne("SELECT g.account_id FROM grants g JOIN units u ON u.id = g.unit_id WHERE "
                           "g.role = 'principal' AND u.code = $1",
                           {school})
            ->Int(0);
    });
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; i += 2) {
        std::string key = argv[i];
        if (key == "--help" || key == "-h") {
            std::fputs(kUsage, stdout);
            return 0;
        }
        if (key == "--bare") {
            options.bare = true;
            --i;
            continue;
        }
        if (i + 1 >= argc) {
            std::fprintf(stderr, "option %s needs a value\n", key.c_str());
            return 2;
        }
        std::string value = argv[i + 1];
        if (key == "--db") options.db = value;
        else if (key == "--clients") options.clients = std::stoi(value);
        else if (key == "--seconds") options.seconds = std::stoi(value);
        else if (key == "--students") options.students = std::stoi(value);
        else if (key == "--rate") options.rate = std::stod(value);
        else if (key == "--schema") options.schema = std::stoi(value);
        else {
            std::fprintf(stderr, "unknown option %s\n%s", key.c_str(), kUsage);
            return 2;
        }
    }
    std::filesystem::path dir;
    storage::DatabaseConfig config;
    if (options.db.empty()) {
        dir = std::filesystem::temp_directory_path() / ("hocvu-gbload-" + std::to_string(::getpid()));
        std::filesystem::create_directories(dir);
        options.db = "sqlite:" + (dir / "load.sqlite3").string();
    }
    config.url = options.db;
    config.postgres_connections = std::max(8, options.clients);
    auto db = storage::OpenDatabase(config);
    SystemClock clock;
    IdGenerator ids(clock, 7);
    app::Context ctx{*db, clock, ids};
    auto migrations = storage::BuiltinMigrations();
    if (options.schema > 0) {
        auto end = std::find_if(migrations.begin(), migrations.end(),
                                [&](const storage::Migration& m) { return m.version > options.schema; });
        migrations = migrations.first(static_cast<std::size_t>(end - migrations.begin()));
    }
    storage::Migrate(*db, clock, migrations);
    Prepare(*db, ctx, options.students);

    // One sheet per client: (class, subject) pairs of both schools, written by the school's principal.
    struct Job {
        org::Actor actor;
        std::int64_t class_id;
        std::string subject;
        std::vector<std::int64_t> students;
        std::vector<std::string> items;
    };
    std::vector<Job> jobs;
    std::vector<std::pair<std::int64_t, std::string>> sheets;
    db->Read([&](storage::Tx& tx) {
        for (const storage::Row& row : tx.Query("SELECT DISTINCT class_id, subject_code FROM teaching_assignments "
                                                "WHERE subject_code IN ('TOAN', 'VAN', 'NN1', 'LSDL', 'KHTN', 'LY', "
                                                "'HOA', 'SINH', 'TIN', 'GDCD', 'CN', 'SU') ORDER BY class_id, "
                                                "subject_code")) {
            sheets.emplace_back(row.Int(0), row.Text(1));
        }
    });
    if (static_cast<int>(sheets.size()) < options.clients) {
        std::fprintf(stderr, "only %zu sheets for %d clients\n", sheets.size(), options.clients);
        return 1;
    }
    const std::int64_t principals[2] = {PrincipalOf(*db, "thptchuvanan"), PrincipalOf(*db, "thcsledinhchinh")};
    std::vector<org::Actor> actors;
    for (std::int64_t p : principals) {
        actors.push_back(db->Read([&](storage::Tx& tx) { return org::LoadActor(tx, p); }));
    }
    for (std::size_t i = 0; i < sheets.size() && static_cast<int>(jobs.size()) < options.clients; ++i) {
        auto [class_id, subject] = sheets[i];
        Job job;
        for (const org::Actor& a : actors) {
            try {
                gradebook::Sheet sheet = gradebook::GetSheet(ctx, a, class_id, subject, 1);
                job.actor = a;
                for (const auto& row : sheet.rows) job.students.push_back(row.student_id);
                for (const auto& col : sheet.columns) job.items.push_back(col.item);
                break;
            } catch (const Error&) {
            }
        }
        if (job.items.empty()) {
            std::fprintf(stderr, "skipping class %lld %s: no sheet with columns\n", static_cast<long long>(class_id),
                         subject.c_str());
            continue;
        }
        job.class_id = class_id;
        job.subject = subject;
        jobs.push_back(std::move(job));
    }
    if (static_cast<int>(jobs.size()) < options.clients) {
        std::fprintf(stderr, "only %zu usable sheets for %d clients\n", jobs.size(), options.clients);
        return 1;
    }

    std::atomic<bool> stop{false};
    std::atomic<std::int64_t> failures{0};
    std::vector<std::vector<double>> latencies(jobs.size());
    std::vector<std::thread> threads;
    const double cpu_start = CpuSeconds();
    const std::map<int, double> threads_start = ThreadCpuSeconds();
    const auto start = Steady::now();
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        threads.emplace_back([&, i] {
            Job& job = jobs[i];
            std::int64_t version = 0;
            // Paced clients start evenly spread over one period and save once per period.
            const auto period = options.rate > 0 ? std::chrono::duration<double>(jobs.size() / options.rate)
                                                 : std::chrono::duration<double>(0);
            auto next = start + std::chrono::duration_cast<Steady::duration>(period * (static_cast<double>(i) /
                                                                                     static_cast<double>(jobs.size())));
            for (std::int64_t k = 0; !stop.load(std::memory_order_relaxed); ++k) {
                Steady::time_point scheduled{};
                if (options.rate > 0) {
                    std::this_thread::sleep_until(next);
                    scheduled = next;
                    next += std::chrono::duration_cast<Steady::duration>(period);
                }
                gradebook::SaveInput input{job.class_id, job.subject, 1, version, {}};
                const std::string& item = job.items[static_cast<std::size_t>(k) % job.items.size()];
                const std::string value = std::to_string(k % 10) + "." + std::to_string((k / 10) % 10);
                for (std::int64_t s : job.students) {
                    input.changes.push_back({s, item, value, gradebook::CellStatus::kEntered, ""});
                }
                // Open loop: the latency of a save counts from when it was due, not from when its client got to it.
                const auto t0 = options.rate > 0 ? scheduled : Steady::now();
                gradebook::Sheet sheet;
                gradebook::SaveOutcome out =
                    gradebook::SaveScores(ctx, job.actor, input, "127.0.0.1", options.bare ? nullptr : &sheet);
                if (out.status != gradebook::SaveOutcome::Status::kSaved) {
                    ++failures;
                    continue;
                }
                if (!options.bare && sheet.rows.size() != job.students.size()) ++failures;
                auto t1 = Steady::now();
                version = out.version;
                latencies[i].push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
            }
        });
    }
    std::this_thread::sleep_for(std::chrono::seconds(options.seconds));
    stop = true;
    for (auto& t : threads) t.join();
    // The busiest thread that existed before the clients started: on SQLite, the one writer thread.
    double busiest = 0;
    for (const auto& [tid, seconds] : ThreadCpuSeconds()) {
        if (auto it = threads_start.find(tid); it != threads_start.end()) {
            busiest = std::max(busiest, seconds - it->second);
        }
    }
    const double elapsed = std::chrono::duration<double>(Steady::now() - start).count();
    const double cpu = CpuSeconds() - cpu_start;
    double load[3] = {0, 0, 0};
    if (getloadavg(load, 3) < 0) load[0] = load[1] = load[2] = -1;
    std::vector<double> all;
    for (const auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
    std::sort(all.begin(), all.end());
    auto pct = [&](double p) { return all.empty() ? 0.0 : all[static_cast<std::size_t>(p * (all.size() - 1))]; };
    std::printf("schema=%d engine=%s mode=%s clients=%d rate=%s students=%d seconds=%.1f saves=%zu failures=%lld saves_per_s=%.0f "
                "p50_ms=%.1f p99_ms=%.1f cells_per_s=%.0f cpu_ms_per_save=%.3f busiest_thread_ms_per_save=%.3f cores_used=%.2f load=%.2f,%.2f,%.2f\n",
                migrations.empty() ? 0 : migrations.back().version,
                std::string(storage::EngineName(db->engine())).c_str(), options.bare ? "save" : "save+sheet",
                options.clients,
                options.rate > 0 ? std::to_string(static_cast<int>(options.rate)).c_str() : "max", options.students, elapsed,
                all.size(), static_cast<long long>(failures.load()), static_cast<double>(all.size()) / elapsed,
                pct(0.50), pct(0.99), static_cast<double>(all.size()) * options.students / elapsed,
                all.empty() ? 0.0 : cpu * 1000.0 / static_cast<double>(all.size()),
                all.empty() ? 0.0 : busiest * 1000.0 / static_cast<double>(all.size()), cpu / elapsed, load[0], load[1],
                load[2]);
    db.reset();
    if (!dir.empty()) std::filesystem::remove_all(dir);
    return failures.load() == 0 ? 0 : 1;
}
