#include "storage/postgres/postgres_database.hpp"

#include <libpq-fe.h>

#include <condition_variable>
#include <cstring>
#include <mutex>
#include <unordered_map>

#include "common/error.hpp"

namespace hocvu::storage {
namespace {

constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kInt8Oid = 20;

std::string FirstLine(const char* message) {
    std::string text = message != nullptr ? message : "";
    if (auto nl = text.find('\n'); nl != std::string::npos) {
        text.resize(nl);
    }
    return text;
}

/// Owns a PGresult.
struct Result {
    PGresult* res;
    explicit Result(PGresult* r) : res(r) {}
    ~Result() { PQclear(res); }
    Result(const Result&) = delete;
    Result& operator=(const Result&) = delete;
};

class PgConnection {
public:
    explicit PgConnection(const std::string& url) : conn_(PQconnectdb(url.c_str())) {
        if (conn_ == nullptr || PQstatus(conn_) != CONNECTION_OK) {
            std::string reason = FirstLine(conn_ != nullptr ? PQerrorMessage(conn_) : "out of memory");
            PQfinish(conn_);
            conn_ = nullptr;
            throw Error(Code::kDbUnreachable, "cannot connect to PostgreSQL: " + reason);
        }
        Check(Result(PQexec(conn_, "SET client_min_messages = warning")), "configure");
    }
    ~PgConnection() { PQfinish(conn_); }
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    bool healthy() const { return PQstatus(conn_) == CONNECTION_OK; }

    /// Throws for a failed result, mapping SQLSTATE class 23 (integrity constraint violation) to kDbConstraint.
    void Check(const Result& result, std::string_view what) const {
        ExecStatusType status = PQresultStatus(result.res);
        if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
            return;
        }
        const char* state = PQresultErrorField(result.res, PG_DIAG_SQLSTATE);
        Code code = (state != nullptr && std::strncmp(state, "23", 2) == 0) ? Code::kDbConstraint : Code::kDbFailure;
        if (!healthy()) {
            code = Code::kDbUnreachable;
        }
        std::string message(what);
        message += ": ";
        message += FirstLine(PQresultErrorMessage(result.res));
        throw Error(code, message);
    }

    void Simple(const char* sql) { Check(Result(PQexec(conn_, sql)), sql); }

    PGresult* Run(std::string_view sql, const Params& params) {
        std::vector<const char*> values(params.size());
        std::vector<std::string> storage(params.size());
        for (std::size_t i = 0; i < params.size(); ++i) {
            if (const auto* n = std::get_if<std::int64_t>(&params[i])) {
                storage[i] = std::to_string(*n);
                values[i] = storage[i].c_str();
            } else if (const auto* s = std::get_if<std::string>(&params[i])) {
                values[i] = s->c_str();
            } else {
                values[i] = nullptr;
            }
        }
        const std::string& name = Prepared(sql, static_cast<int>(params.size()));
        return PQexecPrepared(conn_, name.c_str(), static_cast<int>(params.size()), values.data(), nullptr, nullptr,
                              0);
    }

    PGconn* handle() { return conn_; }

private:
    /// Statements are prepared once per connection, named by their position in the cache.
    const std::string& Prepared(std::string_view sql, int n_params) {
        std::string key(sql);
        if (auto it = prepared_.find(key); it != prepared_.end()) {
            return it->second;
        }
        std::string name = "s" + std::to_string(prepared_.size());
        Check(Result(PQprepare(conn_, name.c_str(), key.c_str(), n_params, nullptr)), "prepare");
        return prepared_.emplace(std::move(key), std::move(name)).first->second;
    }

    PGconn* conn_;
    std::unordered_map<std::string, std::string> prepared_;
};

class PgTx final : public Tx {
public:
    explicit PgTx(PgConnection& connection) : connection_(connection) {}

    std::int64_t Exec(std::string_view sql, const Params& params) override {
        Result result(connection_.Run(sql, params));
        connection_.Check(result, "statement");
        const char* tuples = PQcmdTuples(result.res);
        return (tuples != nullptr && *tuples != '\0') ? std::stoll(tuples) : 0;
    }

    std::vector<Row> Query(std::string_view sql, const Params& params) override {
        Result result(connection_.Run(sql, params));
        connection_.Check(result, "query");
        int n_rows = PQntuples(result.res);
        int n_cols = PQnfields(result.res);
        std::vector<bool> integer(static_cast<std::size_t>(n_cols));
        for (int c = 0; c < n_cols; ++c) {
            Oid type = PQftype(result.res, c);
            integer[static_cast<std::size_t>(c)] = type == kInt2Oid || type == kInt4Oid || type == kInt8Oid;
        }
        std::vector<Row> rows;
        rows.reserve(static_cast<std::size_t>(n_rows));
        for (int r = 0; r < n_rows; ++r) {
            std::vector<Value> values;
            values.reserve(static_cast<std::size_t>(n_cols));
            for (int c = 0; c < n_cols; ++c) {
                if (PQgetisnull(result.res, r, c) != 0) {
                    values.emplace_back(nullptr);
                } else if (integer[static_cast<std::size_t>(c)]) {
                    values.emplace_back(std::int64_t{std::stoll(PQgetvalue(result.res, r, c))});
                } else {
                    values.emplace_back(std::string(PQgetvalue(result.res, r, c),
                                                    static_cast<std::size_t>(PQgetlength(result.res, r, c))));
                }
            }
            rows.emplace_back(std::move(values));
        }
        return rows;
    }

    void ExecScript(std::string_view sql) override {
        std::string text(sql);
        connection_.Check(Result(PQexec(connection_.handle(), text.c_str())), "script");
    }

private:
    PgConnection& connection_;
};

class PostgresDatabase final : public Database {
public:
    PostgresDatabase(std::string url, int connections) : url_(std::move(url)), capacity_(std::max(1, connections)) {
        // Connect one now so that a wrong URL or a stopped server is reported at start, not at the first request.
        free_.push_back(std::make_unique<PgConnection>(url_));
        open_ = 1;
    }

    Engine engine() const override { return Engine::kPostgres; }

    void ReadTx(const std::function<void(Tx&)>& fn) override {
        Run(fn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    }
    void WriteTx(const std::function<void(Tx&)>& fn) override { Run(fn, "BEGIN"); }

private:
    void Run(const std::function<void(Tx&)>& fn, const char* begin) {
        std::unique_ptr<PgConnection> connection = Acquire();
        bool reusable = true;
        try {
            connection->Simple(begin);
            PgTx tx(*connection);
            fn(tx);
            connection->Simple("COMMIT");
        } catch (...) {
            if (connection->healthy()) {
                try {
                    connection->Simple("ROLLBACK");
                } catch (...) {
                    reusable = false;
                }
            } else {
                reusable = false;
            }
            Release(std::move(connection), reusable);
            throw;
        }
        Release(std::move(connection), reusable);
    }

    std::unique_ptr<PgConnection> Acquire() {
        std::unique_lock lock(mutex_);
        cv_.wait(lock, [this] { return !free_.empty() || open_ < capacity_; });
        if (!free_.empty()) {
            auto connection = std::move(free_.back());
            free_.pop_back();
            return connection;
        }
        ++open_;
        lock.unlock();
        try {
            return std::make_unique<PgConnection>(url_);
        } catch (...) {
            std::lock_guard relock(mutex_);
            --open_;
            cv_.notify_one();
            throw;
        }
    }

    void Release(std::unique_ptr<PgConnection> connection, bool reusable) {
        {
            std::lock_guard lock(mutex_);
            if (reusable && connection->healthy()) {
                free_.push_back(std::move(connection));
            } else {
                --open_;
            }
        }
        cv_.notify_one();
    }

    std::string url_;
    int capacity_;
    std::mutex mutex_;
    std::condition_variable cv_;
    std::vector<std::unique_ptr<PgConnection>> free_;
    int open_ = 0;
};

}  // namespace

std::unique_ptr<Database> OpenPostgres(const std::string& url, int connections) {
    return std::make_unique<PostgresDatabase>(url, connections);
}

}  // namespace hocvu::storage
