#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "http/request.hpp"

namespace hocvu::http {

/// The built web app, read into memory at start. Hashed assets under `/assets/` are cached for a year; other
/// paths that are not files get `index.html` (the single-page app routes them).
class StaticFiles {
public:
    /// Loads every file under `root`. An empty or missing root serves a short Vietnamese page saying the web app
    /// has not been built.
    explicit StaticFiles(const std::filesystem::path& root);

    /// The response for a GET/HEAD of `path`, or nullopt when `path` is an API path (not ours to answer).
    std::optional<Response> Serve(std::string_view path) const;

    static std::string_view ContentType(std::string_view extension);

private:
    struct File {
        std::string content_type;
        std::string body;
    };
    std::unordered_map<std::string, File> files_;
};

}  // namespace hocvu::http
