#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "http/static_files.hpp"

namespace hocvu::http {
namespace {

class StaticFilesTest : public ::testing::Test {
protected:
    void SetUp() override {
        // ctest runs each test as its own process, in parallel: each needs its own root, or one
        // test's remove_all empties the files another is reading.
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        root_ = std::filesystem::path(HOCVU_TEST_TMP) / (std::string("static_root_") + info->name());
        std::filesystem::remove_all(root_);
        std::filesystem::create_directories(root_ / "assets");
        Write("index.html", "<html>app</html>");
        Write("assets/index-abc123.js", "console.log(1)");
        Write("favicon.svg", "<svg/>");
    }
    void Write(const std::string& name, const std::string& body) { std::ofstream(root_ / name) << body; }
    std::filesystem::path root_;
};

TEST_F(StaticFilesTest, HashedAssetsAreCachedForAYear) {
    StaticFiles files(root_);
    auto r = files.Serve("/assets/index-abc123.js");
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->content_type, "text/javascript; charset=utf-8");
    EXPECT_EQ(r->headers.at(0).second, "public, max-age=31536000, immutable");
}

TEST_F(StaticFilesTest, AppRoutesFallBackToIndexWithoutLongCache) {
    StaticFiles files(root_);
    for (const char* path : {"/", "/trang-thai", "/lop/6A1/diem"}) {
        auto r = files.Serve(path);
        ASSERT_TRUE(r.has_value()) << path;
        EXPECT_EQ(r->body, "<html>app</html>") << path;
        EXPECT_EQ(r->headers.at(0).second, "no-cache") << path;
    }
}

TEST_F(StaticFilesTest, MissingAssetIs404AndApiIsNotOurs) {
    StaticFiles files(root_);
    EXPECT_EQ(files.Serve("/assets/gone.js")->status, 404);
    EXPECT_FALSE(files.Serve("/api/v1/anything").has_value());
}

TEST_F(StaticFilesTest, TraversalCannotReachOutsideTheRoot) {
    StaticFiles files(root_);
    auto r = files.Serve("/../static_files_test.cpp");
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->body, "<html>app</html>");
}

TEST_F(StaticFilesTest, UnbuiltAppSaysSoInVietnamese) {
    StaticFiles files(root_ / "missing");
    auto r = files.Serve("/");
    EXPECT_NE(r->body.find("chưa được biên dịch"), std::string::npos);
}

}  // namespace
}  // namespace hocvu::http
