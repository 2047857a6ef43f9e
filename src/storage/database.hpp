#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace hocvu::storage {

/// A bound parameter or a column value. Scores are integer tenths, times integer microseconds: there is no
/// floating-point alternative on purpose.
using Value = std::variant<std::nullptr_t, std::int64_t, std::string>;
using Params = std::vector<Value>;

enum class Engine { kSqlite, kPostgres };

/// "sqlite" or "postgresql", as `/healthz` reports it.
std::string_view EngineName(Engine engine);

/// One result row. Columns are read by position, in the order of the SELECT list.
class Row {
public:
    explicit Row(std::vector<Value> values) : values_(std::move(values)) {}

    bool IsNull(std::size_t column) const;
    std::int64_t Int(std::size_t column) const;
    std::string Text(std::size_t column) const;
    std::optional<std::int64_t> OptInt(std::size_t column) const;
    std::optional<std::string> OptText(std::size_t column) const;
    std::size_t size() const { return values_.size(); }

private:
    const Value& At(std::size_t column) const;
    std::vector<Value> values_;
};

/// A transaction. SQL is portable between the engines and written with `$1`, `$2`, … placeholders.
/// A failing statement throws `hocvu::Error` (kDbConstraint for constraint violations, kDbFailure otherwise),
/// and the whole transaction is rolled back.
class Tx {
public:
    virtual ~Tx() = default;
    /// Runs a statement; returns the number of rows it changed.
    virtual std::int64_t Exec(std::string_view sql, const Params& params = {}) = 0;
    virtual std::vector<Row> Query(std::string_view sql, const Params& params = {}) = 0;
    /// Runs several statements without parameters (migrations).
    virtual void ExecScript(std::string_view sql) = 0;

    std::optional<Row> QueryOne(std::string_view sql, const Params& params = {});
};

/// What to open. `url` empty or `sqlite:PATH` selects SQLite; `postgresql://…` selects PostgreSQL (libpq URI).
struct DatabaseConfig {
    std::string url;
    std::string sqlite_path;  ///< used when `url` is empty
    int read_connections = 8;
    int postgres_connections = 8;
};

/// The product's storage. `Write` returns only after the transaction's commit is durable (SQLite: WAL with
/// synchronous=FULL and group commit; PostgreSQL: server defaults, fsync and synchronous_commit on). A function
/// passed to `Write` may run inside a savepoint of a larger group commit: it must not keep state outside the
/// transaction that assumes success before `Write` returns.
class Database {
public:
    virtual ~Database() = default;
    virtual Engine engine() const = 0;

    /// Runs `fn` in a read-only transaction with a consistent snapshot.
    virtual void ReadTx(const std::function<void(Tx&)>& fn) = 0;
    /// Runs `fn` in a write transaction; rethrows what `fn` threw after rolling its changes back.
    virtual void WriteTx(const std::function<void(Tx&)>& fn) = 0;

    template <class F>
    auto Read(F&& fn) {
        return Run(&Database::ReadTx, std::forward<F>(fn));
    }
    template <class F>
    auto Write(F&& fn) {
        return Run(&Database::WriteTx, std::forward<F>(fn));
    }

private:
    template <class F>
    auto Run(void (Database::*tx)(const std::function<void(Tx&)>&), F&& fn) {
        using Result = std::invoke_result_t<F, Tx&>;
        if constexpr (std::is_void_v<Result>) {
            (this->*tx)([&](Tx& t) { fn(t); });
        } else {
            std::optional<Result> result;
            (this->*tx)([&](Tx& t) { result.emplace(fn(t)); });
            return std::move(*result);
        }
    }
};

/// Opens the configured engine. Throws `Error{kDbUnreachable}` with a one-line reason when it cannot.
std::unique_ptr<Database> OpenDatabase(const DatabaseConfig& config);

}  // namespace hocvu::storage
