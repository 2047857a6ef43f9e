#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace hocvu::http {

struct AccessEntry {
    std::string_view remote;
    std::string_view method;
    std::string_view target;
    std::string_view route;
    int status;
    std::size_t bytes;
    std::int64_t micros;
};

/// One JSON line per request.
class AccessLog {
public:
    /// `destination`: "off", "stdout", "stderr" or a file path.
    explicit AccessLog(const std::string& destination);
    ~AccessLog();
    void Write(const AccessEntry& entry);

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace hocvu::http
