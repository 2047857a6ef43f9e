#include "http/router.hpp"

namespace hocvu::http {
namespace {

std::vector<std::string_view> Split(std::string_view path) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t slash = path.find('/', start);
        if (slash == std::string_view::npos) {
            slash = path.size();
        }
        if (slash > start) {
            out.push_back(path.substr(start, slash - start));
        }
        start = slash + 1;
    }
    return out;
}

}  // namespace

void Router::Add(std::string method, std::string pattern, Handler handler) {
    std::vector<std::string> segments;
    for (std::string_view s : Split(pattern)) {
        segments.emplace_back(s);
    }
    routes_.push_back(Route{std::move(method), std::move(pattern), std::move(segments), std::move(handler)});
}

Router::Match Router::Find(std::string_view method, std::string_view path, Fields& params) const {
    Match match;
    std::vector<std::string_view> parts = Split(path);
    for (const Route& route : routes_) {
        if (route.segments.size() != parts.size()) {
            continue;
        }
        Fields found;
        bool ok = true;
        for (std::size_t i = 0; i < parts.size() && ok; ++i) {
            const std::string& seg = route.segments[i];
            if (seg.size() > 2 && seg.front() == '{' && seg.back() == '}') {
                found.emplace_back(seg.substr(1, seg.size() - 2), std::string(parts[i]));
            } else {
                ok = seg == parts[i];
            }
        }
        if (!ok) {
            continue;
        }
        if (route.method != method && !(method == "HEAD" && route.method == "GET")) {
            match.path_known = true;
            continue;
        }
        params = std::move(found);
        match.handler = &route.handler;
        match.route = route.pattern;
        return match;
    }
    return match;
}

std::vector<std::string> Router::Describe() const {
    std::vector<std::string> out;
    for (const Route& route : routes_) {
        out.push_back(route.method + " " + route.pattern);
    }
    return out;
}

}  // namespace hocvu::http
