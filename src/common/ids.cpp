#include "common/ids.hpp"

#include <stdexcept>

namespace hocvu {

IdGenerator::IdGenerator(const Clock& clock, std::uint32_t node) : clock_(clock), node_(node) {
    if (node > kMaxNode) {
        throw std::invalid_argument("node id must be at most 1023");
    }
}

std::int64_t IdGenerator::Next() {
    std::lock_guard lock(mutex_);
    std::int64_t millis = clock_.Now() / 1000 - kEpochMillis;
    if (millis < last_millis_) {
        millis = last_millis_;  // the wall clock stepped back: stay monotonic
    }
    if (millis == last_millis_) {
        if (++sequence_ > 0xFFF) {
            ++millis;  // borrow the next millisecond rather than repeat an id
            sequence_ = 0;
        }
    } else {
        sequence_ = 0;
    }
    last_millis_ = millis;
    return (millis << 22) | (static_cast<std::int64_t>(node_) << 12) | sequence_;
}

}  // namespace hocvu
