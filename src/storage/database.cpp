#include "storage/database.hpp"

#include <charconv>

#include "common/error.hpp"
#include "storage/postgres/postgres_database.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace hocvu::storage {

std::string_view EngineName(Engine engine) {
    return engine == Engine::kSqlite ? "sqlite" : "postgresql";
}

const Value& Row::At(std::size_t column) const {
    if (column >= values_.size()) {
        throw Error(Code::kInternal, "column index out of range");
    }
    return values_[column];
}

bool Row::IsNull(std::size_t column) const {
    return std::holds_alternative<std::nullptr_t>(At(column));
}

std::int64_t Row::Int(std::size_t column) const {
    const Value& v = At(column);
    if (const auto* i = std::get_if<std::int64_t>(&v)) {
        return *i;
    }
    if (const auto* s = std::get_if<std::string>(&v)) {
        std::int64_t out = 0;
        auto [ptr, ec] = std::from_chars(s->data(), s->data() + s->size(), out);
        if (ec == std::errc() && ptr == s->data() + s->size()) {
            return out;
        }
        throw Error(Code::kDbFailure, "column is not an integer: " + *s);
    }
    throw Error(Code::kDbFailure, "column is NULL");
}

std::string Row::Text(std::size_t column) const {
    const Value& v = At(column);
    if (const auto* s = std::get_if<std::string>(&v)) {
        return *s;
    }
    if (const auto* i = std::get_if<std::int64_t>(&v)) {
        return std::to_string(*i);
    }
    throw Error(Code::kDbFailure, "column is NULL");
}

std::optional<std::int64_t> Row::OptInt(std::size_t column) const {
    if (IsNull(column)) {
        return std::nullopt;
    }
    return Int(column);
}

std::optional<std::string> Row::OptText(std::size_t column) const {
    if (IsNull(column)) {
        return std::nullopt;
    }
    return Text(column);
}

std::optional<Row> Tx::QueryOne(std::string_view sql, const Params& params) {
    auto rows = Query(sql, params);
    if (rows.empty()) {
        return std::nullopt;
    }
    return std::move(rows.front());
}

std::unique_ptr<Database> OpenDatabase(const DatabaseConfig& config) {
    const std::string& url = config.url;
    if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
        return OpenPostgres(url, config.postgres_connections);
    }
    std::string path = config.sqlite_path;
    if (url.starts_with("sqlite:")) {
        path = url.substr(7);
    } else if (!url.empty()) {
        throw Error(Code::kDbUnreachable, "unsupported database URL (use postgresql://… or sqlite:PATH): " + url);
    }
    return OpenSqlite(path, config.read_connections);
}

}  // namespace hocvu::storage
