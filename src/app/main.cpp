#include <sys/resource.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>

#include "app/context.hpp"
#include "app/demo.hpp"
#include "audit/chain.hpp"
#include "common/error.hpp"
#include "http/server.hpp"
#include "gradebook/register.hpp"
#include "homeroom/register.hpp"
#include "org/register.hpp"
#include "people/register.hpp"
#include "reports/register.hpp"
#include "schooling/register.hpp"
#include "storage/migrations.hpp"
#include "system/register.hpp"
#include "assessment/jsonl/assess_jsonl.hpp"
#include "timetable/cli/solve_command.hpp"

namespace hocvu::app {
namespace {

struct CommonOptions {
    std::string data_dir = "./var";
    std::string db_url;
};

/// Refuses a data directory that cannot hold the database, with the reason, before SQLite says something vaguer.
void PrepareDataDir(const std::string& dir) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
        throw Error(Code::kDbUnreachable, "cannot create data directory " + dir + ": " + ec.message());
    }
    if (access(dir.c_str(), W_OK | X_OK) != 0) {
        throw Error(Code::kDbUnreachable, "data directory " + dir + " is not writable: " + std::strerror(errno));
    }
}

std::unique_ptr<storage::Database> Open(const CommonOptions& options) {
    storage::DatabaseConfig config;
    config.url = options.db_url;
    if (config.url.empty()) {
        if (const char* env = std::getenv("HOCVU_DB"); env != nullptr) {
            config.url = env;
        }
    }
    if (config.url.empty() || config.url.starts_with("sqlite:")) {
        if (config.url.empty()) {
            PrepareDataDir(options.data_dir);
        }
        config.sqlite_path = (std::filesystem::path(options.data_dir) / "hocvu.sqlite3").string();
    }
    return storage::OpenDatabase(config);
}

void RaiseFileLimit() {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

void AddCommon(CLI::App* command, CommonOptions& options) {
    command->add_option("--data", options.data_dir, "data directory, holds the SQLite file")
        ->capture_default_str();
    command->add_option("--db", options.db_url, "database URL (postgresql://…); default: env HOCVU_DB, else SQLite");
}

/// The domains, each adding its own routes.
void RegisterDomains(http::Router& router, Context& context) {
    org::Register(router, context);
    people::Register(router, context);
    schooling::Register(router, context);
    gradebook::Register(router, context);
    homeroom::Register(router, context);
    reports::Register(router, context);
    system::Register(router, context);
}

int Serve(const CommonOptions& common, const std::string& listen, const std::string& web_root,
          const std::string& access_log, int workers, int header_timeout) {
    http::ServerOptions options;
    auto colon = listen.rfind(':');
    if (colon == std::string::npos) {
        throw Error(Code::kBadRequest, "--listen must be HOST:PORT, got '" + listen + "'");
    }
    options.host = listen.substr(0, colon);
    try {
        int port = std::stoi(listen.substr(colon + 1));
        if (port < 0 || port > 65535) throw std::out_of_range("port");
        options.port = static_cast<std::uint16_t>(port);
    } catch (const std::exception&) {
        throw Error(Code::kBadRequest, "--listen has an invalid port: '" + listen + "'");
    }
    options.web_root = web_root;
    options.access_log = access_log;
    options.worker_threads = workers;
    options.header_timeout_seconds = header_timeout;
    RaiseFileLimit();

    SystemClock clock;
    IdGenerator ids(clock, 0);
    auto db = Open(common);
    auto report = storage::Migrate(*db, clock);
    Context context{*db, clock, ids};
    http::Router router;
    RegisterDomains(router, context);

    http::Server server(options, router);
    server.Listen();
    std::fprintf(stderr,
                 "{\"level\":\"info\",\"msg\":\"serving\",\"url\":\"http://%s:%u/\",\"db\":\"%s\",\"schema\":%d}\n",
                 options.host.c_str(), server.port(), std::string(storage::EngineName(db->engine())).c_str(),
                 report.to_version);
    std::printf("Hocvu %s đang chạy tại http://%s:%u/\n", HOCVU_VERSION, options.host.c_str(), server.port());
    std::fflush(stdout);
    server.Run();
    std::fprintf(stderr, "{\"level\":\"info\",\"msg\":\"stopped\"}\n");
    return 0;
}

int Main(int argc, char** argv) {
    CLI::App cli{"Hocvu: education management for Vietnamese schools and education authorities", "hocvu"};
    cli.require_subcommand(1);
    CommonOptions common;

    auto* version = cli.add_subcommand("version", "print the version");

    auto* migrate = cli.add_subcommand("migrate", "apply pending database migrations");
    AddCommon(migrate, common);

    auto* demo = cli.add_subcommand("demo", "create the demonstration data (once)");
    AddCommon(demo, common);
    bool demo_accounts = false;
    demo->add_flag("--accounts", demo_accounts, "print one JSON line per demo role: role, username, password, unit");

    auto* audit_cmd = cli.add_subcommand("audit", "the audit trail");
    audit_cmd->require_subcommand(1);
    auto* audit_verify = audit_cmd->add_subcommand("verify", "recompute the hash chains; non-zero exit on a break");
    AddCommon(audit_verify, common);
    std::int64_t audit_unit = 0;
    audit_verify->add_option("--unit", audit_unit, "only this unit's chain");

    auto* routes = cli.add_subcommand("routes", "list the HTTP routes, one 'METHOD /path' a line");
    AddCommon(routes, common);

    auto* serve = cli.add_subcommand("serve", "migrate, then serve the API and the web app");
    AddCommon(serve, common);
    std::string listen = "127.0.0.1:8080";
    std::string web_root = "web/dist";
    std::string access_log = "stderr";
    int workers = 8;
    int header_timeout = 15;
    serve->add_option("--listen", listen, "HOST:PORT to listen on")->capture_default_str();
    serve->add_option("--web-root", web_root, "folder of the built web app")->capture_default_str();
    serve->add_option("--access-log", access_log, "off, stdout, stderr or a file")->capture_default_str();
    serve->add_option("--workers", workers, "threads for blocking work")->check(CLI::Range(1, 256))->capture_default_str();
    serve->add_option("--header-timeout", header_timeout, "seconds a client has to send a request's headers")
        ->check(CLI::Range(1, 3600))
        ->capture_default_str();

    cli.add_subcommand("assess", "run student-years (JSON Lines on stdin) through the assessment engine");
    auto* timetable = cli.add_subcommand("timetable", "weekly timetables");
    timetable->require_subcommand(1);
    auto* solve = timetable->add_subcommand("solve", "build a timetable for a tkb-instance/1 file");
    timetable::SolveCommandOptions solve_options;
    solve->add_option("instance", solve_options.instance_path, "instance file (JSON)")->required();
    solve->add_option("--time-limit", solve_options.time_limit_seconds, "seconds")->capture_default_str();
    solve->add_option("--seed", solve_options.seed, "random seed")->capture_default_str();
    solve->add_option("--out", solve_options.out_path, "solution file (default: standard output)");
    solve->add_option("--threads", solve_options.threads, "solver threads")->capture_default_str();

    try {
        cli.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return cli.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return cli.exit(e);
    } catch (const CLI::ParseError& e) {
        std::fprintf(stderr, "hocvu: %s (see 'hocvu --help')\n", e.what());
        return 2;
    }

    try {
        if (version->parsed()) {
            std::printf("hocvu %s\n", HOCVU_VERSION);
            return 0;
        }
        if (migrate->parsed()) {
            SystemClock clock;
            auto db = Open(common);
            auto report = storage::Migrate(*db, clock);
            std::printf("schema version %d -> %d (%zu applied)\n", report.from_version, report.to_version,
                        report.applied.size());
            return 0;
        }
        if (demo->parsed()) {
            SystemClock clock;
            IdGenerator ids(clock, 0);
            auto db = Open(common);
            storage::Migrate(*db, clock);
            Context context{*db, clock, ids};
            DemoReport report = CreateDemoData(context);
            if (demo_accounts) {
                for (const auto& login : report.logins) std::printf("%s\n", login.JsonLine().c_str());
                return 0;
            }
            std::printf(report.created ? "demo data created at %s\n" : "demo data already present (created %s)\n",
                        report.created_at.c_str());
            std::printf("Tài khoản demo (vai trò, tên đăng nhập, mật khẩu):\n");
            for (const auto& login : report.logins) {
                std::printf("  %-18s %-28s %s  (%s)\n", login.role.c_str(), login.username.c_str(),
                            login.password.c_str(), login.unit.c_str());
            }
            return 0;
        }
        if (audit_verify->parsed()) {
            auto db = Open(common);
            SystemClock clock;
            storage::Migrate(*db, clock);
            auto units = audit::Verify(*db, audit_unit != 0 ? std::optional<std::int64_t>(audit_unit) : std::nullopt);
            int broken = 0;
            std::int64_t entries = 0;
            for (const auto& v : units) {
                entries += v.entries;
                if (v.ok) {
                    continue;
                }
                ++broken;
                std::printf("unit %lld: BROKEN at entry %s (seq %s): %s\n", static_cast<long long>(v.unit_id),
                            v.first_broken_id ? std::to_string(*v.first_broken_id).c_str() : "-",
                            v.first_broken_seq ? std::to_string(*v.first_broken_seq).c_str() : "-",
                            v.reason.c_str());
            }
            std::printf("%zu chains, %lld entries, %d broken\n", units.size(), static_cast<long long>(entries),
                        broken);
            return broken == 0 ? 0 : 1;
        }
        if (routes->parsed()) {
            SystemClock clock;
            IdGenerator ids(clock, 0);
            auto db = Open(common);
            storage::Migrate(*db, clock);
            Context context{*db, clock, ids};
            http::Router router;
            RegisterDomains(router, context);
            for (const std::string& route : router.Describe()) {
                std::printf("%s\n", route.c_str());
            }
            return 0;
        }
        if (serve->parsed()) {
            return Serve(common, listen, web_root, access_log, workers, header_timeout);
        }
        if (cli.got_subcommand("assess")) {
            std::ios::sync_with_stdio(false);
            return assessment::RunAssessJsonLines(std::cin, std::cout);
        }
        if (solve->parsed()) {
            return timetable::RunSolveCommand(solve_options);
        }
    } catch (const Error& e) {
        std::fprintf(stderr, "hocvu: %s [%s]\n", e.what(), std::string(Name(e.code())).c_str());
        return 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "hocvu: %s\n", e.what());
        return 1;
    }
    return 0;
}

}  // namespace
}  // namespace hocvu::app

int main(int argc, char** argv) { return hocvu::app::Main(argc, argv); }
