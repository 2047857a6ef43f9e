#include "http/metrics.hpp"

#include <cstdio>

namespace hocvu::http {
namespace {

std::string Escape(std::string_view label) {
    std::string out;
    for (char c : label) {
        if (c == '\\' || c == '"') {
            out.push_back('\\');
            out.push_back(c);
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::string Seconds(std::int64_t micros) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%lld.%06lld", static_cast<long long>(micros / 1000000),
                  static_cast<long long>(micros % 1000000));
    return buf;
}

}  // namespace

void Metrics::Observe(std::string_view route, std::string_view method, int status, std::int64_t micros) {
    std::lock_guard lock(mutex_);
    ++requests_[{std::string(route), std::string(method), status}];
    Histogram& h = latency_[std::string(route)];
    for (std::size_t i = 0; i < kBucketsMicros.size(); ++i) {
        if (micros <= kBucketsMicros[i]) {
            ++h.buckets[i];
        }
    }
    ++h.count;
    h.sum_micros += micros;
}

std::string Metrics::Render() const {
    std::lock_guard lock(mutex_);
    std::string out;
    out += "# HELP hocvu_http_requests_total HTTP requests by route, method and status.\n";
    out += "# TYPE hocvu_http_requests_total counter\n";
    for (const auto& [key, count] : requests_) {
        const auto& [route, method, status] = key;
        out += "hocvu_http_requests_total{route=\"" + Escape(route) + "\",method=\"" + Escape(method) +
               "\",status=\"" + std::to_string(status) + "\"} " + std::to_string(count) + "\n";
    }
    out += "# HELP hocvu_http_request_duration_seconds Time from a request read to its response written.\n";
    out += "# TYPE hocvu_http_request_duration_seconds histogram\n";
    for (const auto& [route, h] : latency_) {
        std::string label = "route=\"" + Escape(route) + "\"";
        for (std::size_t i = 0; i < kBucketsMicros.size(); ++i) {
            out += "hocvu_http_request_duration_seconds_bucket{" + label + ",le=\"" + Seconds(kBucketsMicros[i]) +
                   "\"} " + std::to_string(h.buckets[i]) + "\n";
        }
        out += "hocvu_http_request_duration_seconds_bucket{" + label + ",le=\"+Inf\"} " + std::to_string(h.count) +
               "\n";
        out += "hocvu_http_request_duration_seconds_sum{" + label + "} " + Seconds(h.sum_micros) + "\n";
        out += "hocvu_http_request_duration_seconds_count{" + label + "} " + std::to_string(h.count) + "\n";
    }
    return out;
}

}  // namespace hocvu::http
