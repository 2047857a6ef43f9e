#include "http/access_log.hpp"

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <chrono>

namespace hocvu::http {
namespace {

void AppendJsonString(std::string& out, std::string_view text) {
    out.push_back('"');
    for (unsigned char c : text) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out.push_back(static_cast<char>(c));
                }
        }
    }
    out.push_back('"');
}

}  // namespace

struct AccessLog::State {
    std::shared_ptr<spdlog::logger> logger;
};

AccessLog::AccessLog(const std::string& destination) : state_(std::make_unique<State>()) {
    if (destination == "off") {
        return;
    }
    spdlog::sink_ptr sink;
    if (destination == "stdout") {
        sink = std::make_shared<spdlog::sinks::stdout_sink_mt>();
    } else if (destination == "stderr") {
        sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
    } else {
        sink = std::make_shared<spdlog::sinks::basic_file_sink_mt>(destination);
    }
    state_->logger = std::make_shared<spdlog::logger>("access", sink);
    state_->logger->set_pattern("%v");
    state_->logger->flush_on(spdlog::level::info);
}

AccessLog::~AccessLog() = default;

void AccessLog::Write(const AccessEntry& e) {
    if (!state_->logger) {
        return;
    }
    auto now = std::chrono::duration_cast<std::chrono::microseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
                   .count();
    std::string line = "{\"ts_us\":" + std::to_string(now) + ",\"remote\":";
    AppendJsonString(line, e.remote);
    line += ",\"method\":";
    AppendJsonString(line, e.method);
    line += ",\"target\":";
    AppendJsonString(line, e.target);
    line += ",\"route\":";
    AppendJsonString(line, e.route);
    line += ",\"status\":" + std::to_string(e.status) + ",\"bytes\":" + std::to_string(e.bytes) +
            ",\"duration_us\":" + std::to_string(e.micros) + "}";
    state_->logger->info(line);
}

}  // namespace hocvu::http
