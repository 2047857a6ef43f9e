#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>

namespace hocvu::http {

/// Request counters and latency histograms per route, rendered in the Prometheus text format.
class Metrics {
public:
    void Observe(std::string_view route, std::string_view method, int status, std::int64_t micros);
    std::string Render() const;

    static constexpr std::array<std::int64_t, 14> kBucketsMicros = {
        500, 1000, 2500, 5000, 10000, 25000, 50000, 100000, 250000, 500000, 1000000, 2500000, 5000000, 10000000};

private:
    struct Histogram {
        std::array<std::uint64_t, kBucketsMicros.size()> buckets{};
        std::uint64_t count = 0;
        std::int64_t sum_micros = 0;
    };
    mutable std::mutex mutex_;
    std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;
    std::map<std::string, Histogram> latency_;
};

}  // namespace hocvu::http
