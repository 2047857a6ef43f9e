#include "http/static_files.hpp"

#include <fstream>
#include <sstream>

namespace hocvu::http {
namespace {

constexpr std::string_view kNotBuilt =
    "<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><title>Hocvu</title>"
    "<p>Ứng dụng web chưa được biên dịch. Hãy chạy <code>make run</code>.</p></html>";

}  // namespace

StaticFiles::StaticFiles(const std::filesystem::path& root) {
    std::error_code ec;
    if (root.empty() || !std::filesystem::is_directory(root, ec)) {
        return;
    }
    for (auto it = std::filesystem::recursive_directory_iterator(root, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file()) {
            continue;
        }
        std::ifstream in(it->path(), std::ios::binary);
        std::ostringstream body;
        body << in.rdbuf();
        std::string url = "/" + std::filesystem::relative(it->path(), root).generic_string();
        files_[url] = File{std::string(ContentType(it->path().extension().string())), body.str()};
    }
}

std::string_view StaticFiles::ContentType(std::string_view extension) {
    if (extension == ".html") return "text/html; charset=utf-8";
    if (extension == ".js" || extension == ".mjs") return "text/javascript; charset=utf-8";
    if (extension == ".css") return "text/css; charset=utf-8";
    if (extension == ".json" || extension == ".map") return "application/json";
    if (extension == ".svg") return "image/svg+xml";
    if (extension == ".png") return "image/png";
    if (extension == ".jpg" || extension == ".jpeg") return "image/jpeg";
    if (extension == ".ico") return "image/x-icon";
    if (extension == ".woff2") return "font/woff2";
    if (extension == ".woff") return "font/woff";
    if (extension == ".txt") return "text/plain; charset=utf-8";
    if (extension == ".webmanifest") return "application/manifest+json";
    return "application/octet-stream";
}

std::optional<Response> StaticFiles::Serve(std::string_view path) const {
    if (path.starts_with("/api/") || path == "/api") {
        return std::nullopt;
    }
    if (auto it = files_.find(std::string(path)); it != files_.end() && path != "/index.html") {
        Response r{200, it->second.content_type, it->second.body, {}};
        bool hashed = path.starts_with("/assets/");
        r.headers.emplace_back("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
        return r;
    }
    if (path.starts_with("/assets/")) {
        return Response{404, "text/plain; charset=utf-8", "Không tìm thấy tệp", {}};
    }
    auto index = files_.find("/index.html");
    Response r{200, "text/html; charset=utf-8",
               index != files_.end() ? index->second.body : std::string(kNotBuilt), {}};
    r.headers.emplace_back("Cache-Control", "no-cache");
    return r;
}

}  // namespace hocvu::http
