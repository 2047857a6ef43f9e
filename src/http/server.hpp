#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "http/router.hpp"

namespace hocvu::http {

struct ServerOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;
    int io_threads = 2;
    int worker_threads = 8;  ///< blocking work: database, password hashing, rendering
    std::size_t max_header_bytes = 16 * 1024;
    std::size_t max_body_bytes = 8 * 1024 * 1024;
    int header_timeout_seconds = 15;  ///< idle keep-alive and slow headers
    int body_timeout_seconds = 60;
    int shutdown_grace_seconds = 20;
    std::filesystem::path web_root;
    std::string access_log = "stderr";  ///< "off", "stdout", "stderr" or a file path
};

/// The HTTP server: Boost.Beast with C++20 coroutines on a few I/O threads; handlers run on a worker pool.
class Server {
public:
    Server(ServerOptions options, Router& router);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    /// Binds the listening socket. Throws `hocvu::Error{kUnavailable}` with the reason when it cannot.
    void Listen();
    /// The bound port (useful with port 0).
    std::uint16_t port() const;
    /// Serves until SIGTERM/SIGINT or `Stop()`, then lets requests in flight finish and returns.
    void Run();
    /// Starts a graceful shutdown; safe from any thread.
    void Stop();

private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace hocvu::http
