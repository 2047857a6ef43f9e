#include "http/access_log.hpp"

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <chrono>

#include "common/json_text.hpp"

namespace hocvu::http {
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
