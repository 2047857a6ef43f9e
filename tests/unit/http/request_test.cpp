#include <gtest/gtest.h>

#include "http/request.hpp"

namespace hocvu::http {
namespace {

TEST(PercentDecodeTest, DecodesEscapesAndPlus) {
    EXPECT_EQ(PercentDecode("Nguy%E1%BB%85n+V%C4%83n", true), "Nguyễn Văn");
    EXPECT_EQ(PercentDecode("a+b", false), "a+b");
    EXPECT_EQ(PercentDecode("100%25", false), "100%");
}

TEST(PercentDecodeTest, RejectsMalformedEscapes) {
    EXPECT_FALSE(PercentDecode("%", false).has_value());
    EXPECT_FALSE(PercentDecode("%4", false).has_value());
    EXPECT_FALSE(PercentDecode("%zz", false).has_value());
    EXPECT_FALSE(PercentDecode("ab%", false).has_value());
}

TEST(RequestTest, QueryParametersAreDecoded) {
    Request request;
    request.query_string = "semester=2&name=Chu+V%C4%83n+An&empty=&flag";
    EXPECT_EQ(request.Query("semester"), "2");
    EXPECT_EQ(request.Query("name"), "Chu Văn An");
    EXPECT_EQ(request.Query("empty"), "");
    EXPECT_EQ(request.Query("flag"), "");
    EXPECT_FALSE(request.Query("missing").has_value());
}

TEST(RequestTest, HeadersAreLookedUpByLowerCaseName) {
    Request request;
    request.headers = {{"x-csrf-token", "abc"}, {"cookie", "a=1"}};
    EXPECT_EQ(request.Header("x-csrf-token"), "abc");
    EXPECT_EQ(request.Header("authorization"), "");
}

}  // namespace
}  // namespace hocvu::http
