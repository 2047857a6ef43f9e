#pragma once

#include <atomic>
#include <cstdint>

namespace hocvu {

/// Microseconds since the Unix epoch, UTC: the unit of every stored time.
using Micros = std::int64_t;

/// The source of "now". Entry windows, session expiry and retries take a `Clock&` so tests can move time.
class Clock {
public:
    virtual ~Clock() = default;
    virtual Micros Now() const = 0;
};

/// The real wall clock.
class SystemClock final : public Clock {
public:
    Micros Now() const override;
};

/// A clock that only moves when told to; for tests.
class FakeClock final : public Clock {
public:
    explicit FakeClock(Micros start) : now_(start) {}
    Micros Now() const override { return now_.load(); }
    void Advance(Micros delta) { now_ += delta; }
    void Set(Micros now) { now_ = now; }

private:
    std::atomic<Micros> now_;
};

}  // namespace hocvu
