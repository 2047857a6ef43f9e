#pragma once

#include <cstdint>
#include <mutex>

#include "common/clock.hpp"

namespace hocvu {

/// Makes 64-bit ids that are time-ordered and tagged with the node that made them, so any server process can
/// create rows without a central sequence. Layout: 41 bits of milliseconds since 2024-01-01 UTC, 10 bits of
/// node id, 12 bits of sequence within the millisecond.
class IdGenerator {
public:
    IdGenerator(const Clock& clock, std::uint32_t node);

    /// A new id, strictly greater than every id this generator returned before.
    std::int64_t Next();

    static constexpr std::int64_t kEpochMillis = 1704067200000;  // 2024-01-01T00:00:00Z
    static constexpr std::uint32_t kMaxNode = 1023;

private:
    const Clock& clock_;
    std::uint32_t node_;
    std::mutex mutex_;
    std::int64_t last_millis_ = 0;
    std::uint32_t sequence_ = 0;
};

}  // namespace hocvu
