#include <gtest/gtest.h>

#include "http/metrics.hpp"

namespace hocvu::http {
namespace {

TEST(MetricsTest, CountsAndHistogramInPrometheusFormat) {
    Metrics metrics;
    metrics.Observe("/healthz", "GET", 200, 700);
    metrics.Observe("/healthz", "GET", 200, 30000);
    metrics.Observe("/healthz", "GET", 503, 2000);
    std::string text = metrics.Render();
    EXPECT_NE(text.find("hocvu_http_requests_total{route=\"/healthz\",method=\"GET\",status=\"200\"} 2\n"),
              std::string::npos);
    EXPECT_NE(text.find("hocvu_http_requests_total{route=\"/healthz\",method=\"GET\",status=\"503\"} 1\n"),
              std::string::npos);
    // 700 µs is above the 0.5 ms bucket, within 1 ms; 2 ms within 2.5 ms; 30 ms within 50 ms.
    EXPECT_NE(text.find("le=\"0.000500\"} 0\n"), std::string::npos);
    EXPECT_NE(text.find("le=\"0.001000\"} 1\n"), std::string::npos);
    EXPECT_NE(text.find("le=\"0.002500\"} 2\n"), std::string::npos);
    EXPECT_NE(text.find("le=\"0.050000\"} 3\n"), std::string::npos);
    EXPECT_NE(text.find("le=\"+Inf\"} 3\n"), std::string::npos);
    EXPECT_NE(text.find("hocvu_http_request_duration_seconds_sum{route=\"/healthz\"} 0.032700\n"), std::string::npos);
    EXPECT_NE(text.find("hocvu_http_request_duration_seconds_count{route=\"/healthz\"} 3\n"), std::string::npos);
}

TEST(MetricsTest, LabelsAreEscaped) {
    Metrics metrics;
    metrics.Observe("/a\"b", "GET", 200, 1);
    EXPECT_NE(metrics.Render().find("route=\"/a\\\"b\""), std::string::npos);
}

}  // namespace
}  // namespace hocvu::http
