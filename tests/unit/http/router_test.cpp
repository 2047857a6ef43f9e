#include <gtest/gtest.h>

#include "http/router.hpp"

namespace hocvu::http {
namespace {

Response Named(std::string name) { return Response{200, "text/plain", std::move(name), {}}; }

class RouterTest : public ::testing::Test {
protected:
    void SetUp() override {
        router_.Add("GET", "/api/v1/classes/{class_id}/subjects/{subject_code}/scores",
                    [](Request&) { return Named("get-scores"); });
        router_.Add("PUT", "/api/v1/classes/{class_id}/subjects/{subject_code}/scores",
                    [](Request&) { return Named("put-scores"); });
        router_.Add("GET", "/api/v1/classes/summary", [](Request&) { return Named("summary"); });
    }
    Router router_;
};

TEST_F(RouterTest, MatchesPathParameters) {
    Fields params;
    auto match = router_.Find("PUT", "/api/v1/classes/42/subjects/TOAN/scores", params);
    ASSERT_NE(match.handler, nullptr);
    Request request;
    EXPECT_EQ((*match.handler)(request).body, "put-scores");
    EXPECT_EQ(match.route, "/api/v1/classes/{class_id}/subjects/{subject_code}/scores");
    request.path_params = params;
    EXPECT_EQ(request.PathParam("class_id"), "42");
    EXPECT_EQ(request.PathParam("subject_code"), "TOAN");
}

TEST_F(RouterTest, LiteralSegmentsMustMatchExactly) {
    Fields params;
    EXPECT_EQ(router_.Find("GET", "/api/v1/classes/42/subjects/TOAN/grades", params).handler, nullptr);
    EXPECT_EQ(router_.Find("GET", "/api/v1/classes/42/subjects/TOAN", params).handler, nullptr);
    EXPECT_EQ(router_.Find("GET", "/api/v1/classes/42/subjects/TOAN/scores/x", params).handler, nullptr);
}

TEST_F(RouterTest, KnownPathWithOtherMethodIsReportedFor405) {
    Fields params;
    auto match = router_.Find("DELETE", "/api/v1/classes/summary", params);
    EXPECT_EQ(match.handler, nullptr);
    EXPECT_TRUE(match.path_known);
    auto unknown = router_.Find("GET", "/api/v1/nope", params);
    EXPECT_FALSE(unknown.path_known);
}

TEST_F(RouterTest, HeadIsServedByGet) {
    Fields params;
    EXPECT_NE(router_.Find("HEAD", "/api/v1/classes/summary", params).handler, nullptr);
}

TEST_F(RouterTest, DescribeListsEveryRoute) {
    auto routes = router_.Describe();
    ASSERT_EQ(routes.size(), 3u);
    EXPECT_EQ(routes[2], "GET /api/v1/classes/summary");
}

}  // namespace
}  // namespace hocvu::http
