#include "storage/sqlite/sqlite_database.hpp"

#include <sqlite3.h>

#include <condition_variable>
#include <deque>
#include <exception>
#include <future>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "common/error.hpp"

namespace hocvu::storage {
namespace {

/// Writes `$N` placeholders as SQLite's `?N`, leaving quoted text alone.
std::string ToSqlitePlaceholders(std::string_view sql) {
    std::string out;
    out.reserve(sql.size());
    char quote = 0;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        char c = sql[i];
        if (quote != 0) {
            if (c == quote) {
                quote = 0;
            }
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '$' && i + 1 < sql.size() && sql[i + 1] >= '0' && sql[i + 1] <= '9') {
            c = '?';
        }
        out.push_back(c);
    }
    return out;
}

[[noreturn]] void ThrowSqlite(sqlite3* db, int rc, std::string_view what) {
    int base = rc & 0xFF;
    Code code = base == SQLITE_CONSTRAINT ? Code::kDbConstraint : Code::kDbFailure;
    std::string message(what);
    message += ": ";
    message += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    throw Error(code, message);
}

/// One SQLite connection with a cache of prepared statements.
class Connection {
public:
    Connection(const std::string& path, bool read_only) {
        int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        flags |= SQLITE_OPEN_NOMUTEX;
        int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
        if (rc != SQLITE_OK) {
            std::string reason = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
            sqlite3_close(db_);
            db_ = nullptr;
            throw Error(Code::kDbUnreachable, "cannot open SQLite database " + path + ": " + reason);
        }
        sqlite3_extended_result_codes(db_, 1);
        sqlite3_busy_timeout(db_, 10000);
        if (!read_only) {
            Script("PRAGMA journal_mode=WAL");
        }
        Script("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY");
        // The writer keeps the working set of a busy province in memory (the score tables and indexes of the sheets
        // being entered): without it every save re-reads index pages with pread. Readers map the database file.
        Script(read_only ? "PRAGMA cache_size=-16384; PRAGMA mmap_size=1073741824"
                         : "PRAGMA cache_size=-262144");
    }
    ~Connection() {
        for (auto& [sql, stmt] : statements_) {
            sqlite3_finalize(stmt);
        }
        sqlite3_close(db_);
    }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    void Script(std::string_view sql) {
        std::string text(sql);
        char* err = nullptr;
        int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
        if (rc != SQLITE_OK) {
            std::string message = err != nullptr ? err : sqlite3_errstr(rc);
            sqlite3_free(err);
            throw Error((rc & 0xFF) == SQLITE_CONSTRAINT ? Code::kDbConstraint : Code::kDbFailure, message);
        }
    }

    sqlite3_stmt* Prepare(std::string_view sql) {
        std::string key(sql);
        if (auto it = statements_.find(key); it != statements_.end()) {
            sqlite3_reset(it->second);
            sqlite3_clear_bindings(it->second);
            return it->second;
        }
        std::string text = ToSqlitePlaceholders(sql);
        sqlite3_stmt* stmt = nullptr;
        int rc = sqlite3_prepare_v3(db_, text.c_str(), static_cast<int>(text.size()), SQLITE_PREPARE_PERSISTENT,
                                    &stmt, nullptr);
        if (rc != SQLITE_OK) {
            ThrowSqlite(db_, rc, "prepare");
        }
        statements_.emplace(std::move(key), stmt);
        return stmt;
    }

    /// Runs one parameterless statement (BEGIN, SAVEPOINT, COMMIT…) from the statement cache: the writer runs a few
    /// of these per save, and `Script` would parse them again every time.
    void Run(std::string_view sql) {
        sqlite3_stmt* stmt = Prepare(sql);
        int rc = 0;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        }
        sqlite3_reset(stmt);
        if (rc != SQLITE_DONE) {
            ThrowSqlite(db_, rc, sql);
        }
    }

    sqlite3* handle() { return db_; }

private:
    sqlite3* db_ = nullptr;
    std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

class SqliteTx final : public Tx {
public:
    explicit SqliteTx(Connection& connection) : connection_(connection) {}

    std::int64_t Exec(std::string_view sql, const Params& params) override {
        sqlite3_stmt* stmt = Bind(sql, params);
        int rc = 0;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        }
        Finish(stmt, rc);
        return sqlite3_changes64(connection_.handle());
    }

    std::vector<Row> Query(std::string_view sql, const Params& params) override {
        sqlite3_stmt* stmt = Bind(sql, params);
        std::vector<Row> rows;
        int columns = sqlite3_column_count(stmt);
        int rc = 0;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            std::vector<Value> values;
            values.reserve(static_cast<std::size_t>(columns));
            for (int c = 0; c < columns; ++c) {
                switch (sqlite3_column_type(stmt, c)) {
                    case SQLITE_NULL: values.emplace_back(nullptr); break;
                    case SQLITE_INTEGER: values.emplace_back(std::int64_t{sqlite3_column_int64(stmt, c)}); break;
                    default: {
                        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
                        values.emplace_back(std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt, c))));
                    }
                }
            }
            rows.emplace_back(std::move(values));
        }
        Finish(stmt, rc);
        return rows;
    }

    void ExecScript(std::string_view sql) override { connection_.Script(sql); }

private:
    sqlite3_stmt* Bind(std::string_view sql, const Params& params) {
        sqlite3_stmt* stmt = connection_.Prepare(sql);
        for (std::size_t i = 0; i < params.size(); ++i) {
            int index = static_cast<int>(i + 1);
            int rc = SQLITE_OK;
            if (const auto* n = std::get_if<std::int64_t>(&params[i])) {
                rc = sqlite3_bind_int64(stmt, index, *n);
            } else if (const auto* s = std::get_if<std::string>(&params[i])) {
                // SQLITE_STATIC: `params` outlives the statement's steps, and Prepare clears the bindings before reuse.
                rc = sqlite3_bind_text(stmt, index, s->data(), static_cast<int>(s->size()), SQLITE_STATIC);
            } else {
                rc = sqlite3_bind_null(stmt, index);
            }
            if (rc != SQLITE_OK) {
                ThrowSqlite(connection_.handle(), rc, "bind");
            }
        }
        return stmt;
    }

    void Finish(sqlite3_stmt* stmt, int rc) {
        if (rc != SQLITE_DONE) {
            sqlite3_reset(stmt);
            ThrowSqlite(connection_.handle(), rc, "step");
        }
        sqlite3_reset(stmt);
    }

    Connection& connection_;
};

/// A write waiting for the writer thread.
struct WriteJob {
    const std::function<void(Tx&)>* fn;
    std::promise<void> done;
};

class SqliteDatabase final : public Database {
public:
    SqliteDatabase(const std::string& path, int read_connections) : writer_connection_(path, false) {
        // A read-only connection needs the WAL to exist; the writer has created it.
        for (int i = 0; i < std::max(1, read_connections); ++i) {
            readers_.push_back(std::make_unique<Connection>(path, true));
            free_readers_.push_back(readers_.back().get());
        }
        writer_ = std::thread([this] { WriterLoop(); });
    }

    ~SqliteDatabase() override {
        {
            std::lock_guard lock(queue_mutex_);
            stopping_ = true;
        }
        queue_cv_.notify_all();
        writer_.join();
    }

    Engine engine() const override { return Engine::kSqlite; }

    void ReadTx(const std::function<void(Tx&)>& fn) override {
        Connection* connection = nullptr;
        {
            std::unique_lock lock(readers_mutex_);
            readers_cv_.wait(lock, [this] { return !free_readers_.empty(); });
            connection = free_readers_.back();
            free_readers_.pop_back();
        }
        struct Release {
            SqliteDatabase* self;
            Connection* connection;
            ~Release() {
                {
                    std::lock_guard lock(self->readers_mutex_);
                    self->free_readers_.push_back(connection);
                }
                self->readers_cv_.notify_one();
            }
        } release{this, connection};
        connection->Run("BEGIN");
        try {
            SqliteTx tx(*connection);
            fn(tx);
        } catch (...) {
            connection->Run("ROLLBACK");
            throw;
        }
        connection->Run("COMMIT");
    }

    void WriteTx(const std::function<void(Tx&)>& fn) override {
        WriteJob job{&fn, {}};
        auto done = job.done.get_future();
        {
            std::lock_guard lock(queue_mutex_);
            queue_.push_back(&job);
        }
        queue_cv_.notify_one();
        done.get();
    }

private:
    static constexpr std::size_t kMaxGroup = 64;

    /// Group commit: every job waiting when the writer wakes runs in one transaction, each in a savepoint, and
    /// one durable COMMIT acknowledges them all. A job that throws is rolled back alone.
    void WriterLoop() {
        for (;;) {
            std::vector<WriteJob*> group;
            {
                std::unique_lock lock(queue_mutex_);
                queue_cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
                if (queue_.empty()) {
                    return;
                }
                while (!queue_.empty() && group.size() < kMaxGroup) {
                    group.push_back(queue_.front());
                    queue_.pop_front();
                }
            }
            RunGroup(group);
        }
    }

    void RunGroup(const std::vector<WriteJob*>& group) {
        std::vector<std::exception_ptr> failures(group.size());
        try {
            writer_connection_.Run("BEGIN IMMEDIATE");
        } catch (...) {
            for (WriteJob* job : group) {
                job->done.set_exception(std::current_exception());
            }
            return;
        }
        SqliteTx tx(writer_connection_);
        for (std::size_t i = 0; i < group.size(); ++i) {
            try {
                writer_connection_.Run("SAVEPOINT job");
                try {
                    (*group[i]->fn)(tx);
                    writer_connection_.Run("RELEASE job");
                } catch (...) {
                    failures[i] = std::current_exception();
                    writer_connection_.Run("ROLLBACK TO job");
                    writer_connection_.Run("RELEASE job");
                }
            } catch (...) {
                failures[i] = std::current_exception();
            }
        }
        std::exception_ptr commit_failure;
        try {
            writer_connection_.Run("COMMIT");
        } catch (...) {
            commit_failure = std::current_exception();
            try {
                writer_connection_.Run("ROLLBACK");
            } catch (...) {
            }
        }
        for (std::size_t i = 0; i < group.size(); ++i) {
            if (commit_failure) {
                group[i]->done.set_exception(commit_failure);
            } else if (failures[i]) {
                group[i]->done.set_exception(failures[i]);
            } else {
                group[i]->done.set_value();
            }
        }
    }

    Connection writer_connection_;
    std::vector<std::unique_ptr<Connection>> readers_;

    std::mutex readers_mutex_;
    std::condition_variable readers_cv_;
    std::vector<Connection*> free_readers_;

    std::mutex queue_mutex_;
    std::condition_variable queue_cv_;
    std::deque<WriteJob*> queue_;
    bool stopping_ = false;
    std::thread writer_;
};

}  // namespace

std::unique_ptr<Database> OpenSqlite(const std::string& path, int read_connections) {
    if (sqlite3_threadsafe() == 0) {
        throw Error(Code::kDbFailure, "SQLite was built without thread support");
    }
    return std::make_unique<SqliteDatabase>(path, read_connections);
}

}  // namespace hocvu::storage
