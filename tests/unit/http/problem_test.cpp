#include <gtest/gtest.h>

#include "http/problem.hpp"

namespace hocvu::http {
namespace {

TEST(ProblemTest, CarriesStableCodeStatusAndVietnameseTitle) {
    Response r = Problem(Code::kNotFound, "không có đường dẫn /x");
    EXPECT_EQ(r.status, 404);
    EXPECT_EQ(r.content_type, "application/problem+json");
    EXPECT_NE(r.body.find("\"code\":\"http.not_found\""), std::string::npos);
    EXPECT_NE(r.body.find("\"title\":\"Không tìm thấy\""), std::string::npos);
    EXPECT_NE(r.body.find("\"status\":404"), std::string::npos);
}

TEST(ProblemTest, StatusesOfLimitCodes) {
    EXPECT_EQ(MapError(Code::kPayloadTooLarge).status, 413);
    EXPECT_EQ(MapError(Code::kHeadersTooLarge).status, 431);
    EXPECT_EQ(MapError(Code::kConflict).status, 409);
    EXPECT_EQ(MapError(Code::kForbidden).status, 403);
}

TEST(ProblemTest, InvalidUtf8InDetailDoesNotBreakTheResponse) {
    Response r = Problem(Code::kBadRequest, std::string("bad \xff byte"));
    EXPECT_EQ(r.status, 400);
    EXPECT_NE(r.body.find("bad"), std::string::npos);
}

}  // namespace
}  // namespace hocvu::http
