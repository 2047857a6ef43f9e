// The only translation unit that includes Boost.Beast and Asio (they cost ~15 s and ~600 MiB to compile).
#include <utility>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>

#include <array>
#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>

#include "common/error.hpp"
#include "http/access_log.hpp"
#include "http/metrics.hpp"
#include "http/problem.hpp"
#include "http/server.hpp"
#include "http/static_files.hpp"

namespace hocvu::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

constexpr std::string_view kCsp =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'";

std::int64_t MicrosSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count();
}

/// What a session needs to be closed from the shutdown path while it waits for a next request.
struct SessionState {
    beast::tcp_stream* stream = nullptr;
    bool idle = true;  ///< touched only on the session's strand
};

}  // namespace

class Server::Impl {
public:
    Impl(ServerOptions options, Router& router)
        : options_(std::move(options)),
          router_(router),
          static_files_(options_.web_root),
          access_log_(options_.access_log),
          workers_(static_cast<std::size_t>(std::max(1, options_.worker_threads))),
          acceptor_(ioc_),
          signals_(ioc_, SIGINT, SIGTERM),
          shutdown_timer_(ioc_) {}

    void Listen() {
        boost::system::error_code ec;
        auto address = asio::ip::make_address(options_.host, ec);
        if (ec) {
            throw Error(Code::kUnavailable, "invalid listen address '" + options_.host + "'");
        }
        tcp::endpoint endpoint(address, options_.port);
        acceptor_.open(endpoint.protocol(), ec);
        if (!ec) acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
        if (!ec) acceptor_.bind(endpoint, ec);
        if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
        if (ec) {
            throw Error(Code::kUnavailable, "cannot listen on " + options_.host + ":" + std::to_string(options_.port) +
                                                ": " + ec.message());
        }
    }

    std::uint16_t port() const { return acceptor_.local_endpoint().port(); }

    void Run() {
        signals_.async_wait([this](const boost::system::error_code& ec, int) {
            if (!ec) BeginShutdown();
        });
        asio::co_spawn(ioc_, Accept(), asio::detached);
        std::vector<std::thread> threads;
        for (int i = 1; i < std::max(1, options_.io_threads); ++i) {
            threads.emplace_back([this] { ioc_.run(); });
        }
        ioc_.run();
        for (auto& t : threads) {
            t.join();
        }
        workers_.join();
    }

    void Stop() {
        asio::post(ioc_, [this] { BeginShutdown(); });
    }

private:
    asio::awaitable<void> Accept() {
        for (;;) {
            boost::system::error_code ec;
            tcp::socket socket =
                co_await acceptor_.async_accept(asio::make_strand(ioc_), asio::redirect_error(asio::use_awaitable, ec));
            if (ec) {
                if (stopping_) {
                    co_return;
                }
                if (ec == asio::error::no_descriptors || ec == asio::error::no_buffer_space) {
                    // Out of file descriptors: back off instead of spinning.
                    asio::steady_timer wait(ioc_, std::chrono::milliseconds(50));
                    co_await wait.async_wait(asio::redirect_error(asio::use_awaitable, ec));
                }
                continue;
            }
            socket.set_option(tcp::no_delay(true), ec);
            auto executor = socket.get_executor();
            asio::co_spawn(executor, Session(std::move(socket)), asio::detached);
        }
    }

    asio::awaitable<void> Session(tcp::socket socket) {
        boost::system::error_code ec;
        std::string remote;
        auto endpoint = socket.remote_endpoint(ec);
        if (!ec) {
            remote = endpoint.address().to_string();
        }
        beast::tcp_stream stream(std::move(socket));
        auto state = std::make_shared<SessionState>();
        state->stream = &stream;
        Register(state);
        beast::flat_buffer buffer;
        for (;;) {
            bhttp::request_parser<bhttp::string_body> parser;
            parser.header_limit(static_cast<std::uint32_t>(options_.max_header_bytes));
            parser.body_limit(options_.max_body_bytes);

            state->idle = true;
            if (stopping_) {
                break;
            }
            stream.expires_after(std::chrono::seconds(options_.header_timeout_seconds));
            co_await bhttp::async_read_header(stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
            state->idle = false;
            auto start = std::chrono::steady_clock::now();
            if (!ec && parser.content_length() && *parser.content_length() > options_.max_body_bytes) {
                ec = bhttp::error::body_limit;
            }
            if (!ec) {
                stream.expires_after(std::chrono::seconds(options_.body_timeout_seconds));
                co_await bhttp::async_read(stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
            }
            if (ec == bhttp::error::header_limit || ec == bhttp::error::body_limit) {
                Code code = ec == bhttp::error::header_limit ? Code::kHeadersTooLarge : Code::kPayloadTooLarge;
                Response response = Problem(code);
                co_await Write(stream, response, 11, false, ec);
                access_log_.Write({remote, "-", "-", "limit", response.status, response.body.size(), MicrosSince(start)});
                co_await LingeringClose(stream);
                break;
            }
            if (ec) {
                break;  // closed, timed out, or unparseable: nothing to answer
            }
            bhttp::request<bhttp::string_body> message = parser.release();
            Request request = ToRequest(message, remote);
            bool keep_alive = message.keep_alive() && !stopping_;

            std::string route;
            Response response = co_await Dispatch(request, route);
            if (request.method == "HEAD") {
                response.headers.emplace_back("Content-Length", std::to_string(response.body.size()));
            }
            co_await Write(stream, response, message.version(), keep_alive && !stopping_, ec,
                           request.method == "HEAD");
            std::int64_t micros = MicrosSince(start);
            metrics_.Observe(route, request.method, response.status, micros);
            access_log_.Write(
                {remote, request.method, request.target, route, response.status, response.body.size(), micros});
            if (ec || !keep_alive || stopping_) {
                break;
            }
        }
        stream.socket().shutdown(tcp::socket::shutdown_send, ec);
        stream.close();
        Unregister(state);
    }

    /// After refusing a request whose body we did not read, drain what the client is still sending for a moment
    /// before closing: closing at once would reset the connection and the client would never see the 413.
    static asio::awaitable<void> LingeringClose(beast::tcp_stream& stream) {
        boost::system::error_code ec;
        stream.socket().shutdown(tcp::socket::shutdown_send, ec);
        std::array<char, 64 * 1024> sink{};
        std::size_t drained = 0;
        constexpr std::size_t kMaxDrain = 64 * 1024 * 1024;
        stream.expires_after(std::chrono::seconds(3));
        while (!ec && drained < kMaxDrain) {
            drained += co_await stream.async_read_some(asio::buffer(sink), asio::redirect_error(asio::use_awaitable, ec));
        }
    }

    asio::awaitable<Response> Dispatch(Request& request, std::string& route) {
        if (request.path == "/healthz" || request.path == "/metrics" || request.path.starts_with("/api/")) {
            Fields params;
            Router::Match match;
            const Handler* handler = nullptr;
            Handler builtin;
            if (request.path == "/metrics" && request.method == "GET") {
                builtin = [this](Request&) {
                    return Response{200, "text/plain; version=0.0.4; charset=utf-8", metrics_.Render(), {}};
                };
                handler = &builtin;
                route = "/metrics";
            } else {
                match = router_.Find(request.method, request.path, params);
                handler = match.handler;
                route = match.handler != nullptr ? std::string(match.route) : "unmatched";
            }
            if (handler == nullptr) {
                bool known = match.path_known || request.path == "/metrics";
                co_return known ? Problem(Code::kMethodNotAllowed, request.method + " " + request.path)
                                : Problem(Code::kNotFound, "không có đường dẫn " + request.path);
            }
            request.path_params = std::move(params);
            co_return co_await asio::co_spawn(workers_, RunOnWorker(handler, &request), asio::use_awaitable);
        }
        route = "static";
        if (request.method != "GET" && request.method != "HEAD") {
            co_return Problem(Code::kMethodNotAllowed, request.method + " " + request.path);
        }
        co_return *static_files_.Serve(request.path);
    }

    static asio::awaitable<Response> RunOnWorker(const Handler* handler, Request* request) {
        co_return RunHandler(*handler, *request);
    }

    /// The one place where exceptions from handlers become responses.
    static Response RunHandler(const Handler& handler, Request& request) {
        try {
            return handler(request);
        } catch (const Error& e) {
            return Problem(e.code(), e.what());
        } catch (const std::exception& e) {
            std::fprintf(stderr, "{\"level\":\"error\",\"msg\":\"unhandled exception\",\"what\":\"%s\"}\n", e.what());
            return Problem(Code::kInternal);
        }
    }

    static Request ToRequest(const bhttp::request<bhttp::string_body>& message, const std::string& remote) {
        Request request;
        request.method = std::string(message.method_string());
        request.target = std::string(message.target());
        std::string_view target = message.target();
        std::size_t q = target.find('?');
        auto decoded = PercentDecode(target.substr(0, q), false);
        request.path = decoded ? *decoded : std::string(target.substr(0, q));
        if (q != std::string_view::npos) {
            request.query_string = std::string(target.substr(q + 1));
        }
        for (const auto& field : message) {
            std::string name(field.name_string());
            for (char& c : name) {
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            }
            request.headers.emplace_back(std::move(name), std::string(field.value()));
        }
        request.body = message.body();
        request.client_address = remote;
        return request;
    }

    asio::awaitable<void> Write(beast::tcp_stream& stream, const Response& response, unsigned version, bool keep_alive,
                                boost::system::error_code& ec, bool head = false) {
        bhttp::response<bhttp::string_body> out;
        out.version(version);
        out.result(static_cast<unsigned>(response.status));
        out.set(bhttp::field::server, "hocvu");
        out.set(bhttp::field::content_type, response.content_type);
        out.set("X-Content-Type-Options", "nosniff");
        out.set("Content-Security-Policy", kCsp);
        out.set("X-Frame-Options", "DENY");
        out.set("Referrer-Policy", "no-referrer");
        out.set("Cross-Origin-Opener-Policy", "same-origin");
        bool has_cache_control = false;
        for (const auto& [name, value] : response.headers) {
            has_cache_control = has_cache_control || name == "Cache-Control";
            if (name != "Content-Length") {
                out.insert(name, value);
            }
        }
        if (!has_cache_control) {
            out.set(bhttp::field::cache_control, "no-store");
        }
        out.keep_alive(keep_alive);
        if (head) {
            out.content_length(response.body.size());
        } else {
            out.body() = response.body;
            out.prepare_payload();
        }
        stream.expires_after(std::chrono::seconds(options_.body_timeout_seconds));
        if (head) {
            bhttp::response_serializer<bhttp::string_body> serializer(out);
            co_await bhttp::async_write_header(stream, serializer, asio::redirect_error(asio::use_awaitable, ec));
        } else {
            co_await bhttp::async_write(stream, out, asio::redirect_error(asio::use_awaitable, ec));
        }
    }

    void Register(const std::shared_ptr<SessionState>& state) {
        std::lock_guard lock(sessions_mutex_);
        sessions_.insert(state);
    }

    void Unregister(const std::shared_ptr<SessionState>& state) {
        std::lock_guard lock(sessions_mutex_);
        sessions_.erase(state);
        if (stopping_ && sessions_.empty()) {
            FinishShutdown();
        }
    }

    /// Stops accepting, closes idle keep-alive connections, and lets requests in flight finish; the process
    /// stops when the last session ends or the grace period runs out.
    void BeginShutdown() {
        if (stopping_.exchange(true)) {
            return;
        }
        boost::system::error_code ec;
        acceptor_.close(ec);
        signals_.cancel(ec);
        std::lock_guard lock(sessions_mutex_);
        for (const auto& state : sessions_) {
            asio::post(state->stream->get_executor(), [state] {
                if (state->idle) {
                    state->stream->cancel();
                }
            });
        }
        if (sessions_.empty()) {
            FinishShutdown();
            return;
        }
        shutdown_timer_.expires_after(std::chrono::seconds(options_.shutdown_grace_seconds));
        shutdown_timer_.async_wait([this](const boost::system::error_code& e) {
            if (!e) ioc_.stop();
        });
    }

    void FinishShutdown() {
        asio::post(ioc_, [this] {
            boost::system::error_code ec;
            shutdown_timer_.cancel();
            ioc_.stop();
        });
    }

    ServerOptions options_;
    Router& router_;
    StaticFiles static_files_;
    AccessLog access_log_;
    Metrics metrics_;
    asio::io_context ioc_;
    asio::thread_pool workers_;
    tcp::acceptor acceptor_;
    asio::signal_set signals_;
    asio::steady_timer shutdown_timer_;
    std::atomic<bool> stopping_{false};
    std::mutex sessions_mutex_;
    std::set<std::shared_ptr<SessionState>> sessions_;
};

Server::Server(ServerOptions options, Router& router) : impl_(std::make_unique<Impl>(std::move(options), router)) {}
Server::~Server() = default;
void Server::Listen() { impl_->Listen(); }
std::uint16_t Server::port() const { return impl_->port(); }
void Server::Run() { impl_->Run(); }
void Server::Stop() { impl_->Stop(); }

}  // namespace hocvu::http
