#include "bench/bench_sql.h"

#include <libpq-fe.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <utility>

#include "SQLiteCpp/Database.h"
#include "SQLiteCpp/Statement.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace techmatch::bench {
namespace {

[[noreturn]] void Fail(absl::string_view what, absl::string_view message) {
  std::fprintf(stderr, "%.*s: %.*s\n", static_cast<int>(what.size()), what.data(),
               static_cast<int>(message.size()), message.data());
  std::exit(1);
}

// --- SQLite ---------------------------------------------------------------------------------

class SqliteRow : public SqlRow {
 public:
  explicit SqliteRow(SQLite::Statement& statement) : statement_(statement) {}
  std::string Text(int column) const override {
    return statement_.getColumn(column).isNull() ? "" : statement_.getColumn(column).getString();
  }
  int64_t Int(int column) const override {
    return statement_.getColumn(column).isNull() ? 0 : statement_.getColumn(column).getInt64();
  }

 private:
  SQLite::Statement& statement_;
};

class SqliteLoadStatement : public LoadStatement {
 public:
  SqliteLoadStatement(SQLite::Database& db, const std::string& sql) : statement_(db, sql) {}
  void Bind(int index, absl::string_view text) override {
    statement_.bind(index, std::string(text));
  }
  void Bind(int index, int64_t value) override { statement_.bind(index, value); }
  void ClearBindings() override { statement_.clearBindings(); }
  void Exec() override {
    statement_.exec();
    statement_.reset();
  }

 private:
  SQLite::Statement statement_;
};

class SqliteSql : public BenchSql {
 public:
  SqliteSql(const std::string& path, bool read_only)
      : db_(path, read_only ? SQLite::OPEN_READONLY : SQLite::OPEN_READWRITE) {}
  bool postgres() const override { return false; }
  void Exec(const std::string& sql) override { db_.exec(sql); }
  void Query(const std::string& sql, const std::vector<SqlValue>& binds,
             absl::FunctionRef<void(const SqlRow&)> row) override {
    SQLite::Statement statement(db_, sql);
    for (size_t i = 0; i < binds.size(); ++i) {
      if (const auto* text = std::get_if<std::string>(&binds[i])) {
        statement.bind(static_cast<int>(i + 1), *text);
      } else {
        statement.bind(static_cast<int>(i + 1), std::get<int64_t>(binds[i]));
      }
    }
    const SqliteRow current(statement);
    while (statement.executeStep()) row(current);
  }
  std::unique_ptr<LoadStatement> Prepare(const std::string& sql) override {
    return std::make_unique<SqliteLoadStatement>(db_, sql);
  }

 private:
  SQLite::Database db_;
};

// --- PostgreSQL -----------------------------------------------------------------------------

class PostgresRow : public SqlRow {
 public:
  PostgresRow(const PGresult* result, int row) : result_(result), row_(row) {}
  std::string Text(int column) const override { return PQgetvalue(result_, row_, column); }
  int64_t Int(int column) const override {
    int64_t value = 0;
    // Integers, and numeric sums of integers (no fraction).
    return absl::SimpleAtoi(PQgetvalue(result_, row_, column), &value) ? value : 0;
  }

 private:
  const PGresult* result_;
  int row_;
};

class PostgresSql;

// Parameter types a load statement is prepared with: 0 lets PostgreSQL infer one.
constexpr Oid kUnknown = 0;
constexpr Oid kText = 25;
constexpr Oid kNoMarker = ~Oid{0};

class PostgresLoadStatement : public LoadStatement {
 public:
  PostgresLoadStatement(PostgresSql& sql, std::string name, std::string text,
                        std::vector<Oid> types)
      : sql_(sql),
        name_(std::move(name)),
        text_(std::move(text)),
        types_(std::move(types)),
        values_(types_.size()) {}
  void Bind(int index, absl::string_view text) override {
    values_.at(index - 1) = std::string(text);
  }
  void Bind(int index, int64_t value) override { values_.at(index - 1) = absl::StrCat(value); }
  void ClearBindings() override {
    for (auto& value : values_) value.reset();
  }
  void Exec() override;

 private:
  PostgresSql& sql_;
  std::string name_, text_;
  std::vector<Oid> types_;
  std::vector<std::optional<std::string>> values_;
  bool prepared_ = false;
};

class PostgresSql : public BenchSql {
 public:
  explicit PostgresSql(PGconn* conn) : conn_(conn) {}
  ~PostgresSql() override {
    EndPipeline();
    PQfinish(conn_);
  }
  bool postgres() const override { return true; }

  void Exec(const std::string& sql) override {
    EndPipeline();
    PGresult* result = PQexec(conn_, sql.c_str());
    Check(result, sql);
    PQclear(result);
  }

  void Query(const std::string& sql, const std::vector<SqlValue>& binds,
             absl::FunctionRef<void(const SqlRow&)> row) override {
    EndPipeline();
    std::vector<std::string> texts;
    for (const SqlValue& bind : binds) {
      texts.push_back(std::holds_alternative<std::string>(bind)
                          ? std::get<std::string>(bind)
                          : absl::StrCat(std::get<int64_t>(bind)));
    }
    std::vector<const char*> values;
    for (const std::string& text : texts) values.push_back(text.c_str());
    const std::string statement = PostgresMarkers(sql);
    PGresult* result = PQexecParams(conn_, statement.c_str(), static_cast<int>(values.size()),
                                    nullptr, values.data(), nullptr, nullptr, 0);
    Check(result, sql);
    for (int r = 0; r < PQntuples(result); ++r) row(PostgresRow(result, r));
    PQclear(result);
  }

  std::unique_ptr<LoadStatement> Prepare(const std::string& sql) override {
    // A marker used once takes its column's type; one used twice (an id that is also the
    // display name) would get two, so it is declared text (a domain over text takes it).
    std::vector<Oid> types;
    for (size_t i = 0; i < sql.size(); ++i) {
      int n = 0;
      size_t j = i + 1;
      if (sql[i] != '?') continue;
      while (j < sql.size() && absl::ascii_isdigit(sql[j])) n = n * 10 + (sql[j++] - '0');
      if (n > static_cast<int>(types.size())) types.resize(n, kNoMarker);
      if (n > 0) types[n - 1] = types[n - 1] == kNoMarker ? kUnknown : kText;
    }
    for (Oid& type : types) type = type == kNoMarker ? kUnknown : type;
    return std::make_unique<PostgresLoadStatement>(*this, absl::StrCat("load", ++statements_),
                                                   PostgresMarkers(sql), std::move(types));
  }

  // Sends one statement of a load into the pipeline, every kSyncEvery waiting for the server.
  void Send(const std::string& name, const std::string* prepare, const std::vector<Oid>& types,
            const std::vector<std::optional<std::string>>& values) {
    if (!pipelined_) {
      if (PQenterPipelineMode(conn_) != 1) Fail("pipeline", PQerrorMessage(conn_));
      pipelined_ = true;
    }
    if (prepare != nullptr && PQsendPrepare(conn_, name.c_str(), prepare->c_str(),
                                            static_cast<int>(types.size()), types.data()) != 1) {
      Fail(*prepare, PQerrorMessage(conn_));
    }
    std::vector<const char*> pointers;
    for (const auto& value : values) pointers.push_back(value ? value->c_str() : nullptr);
    if (PQsendQueryPrepared(conn_, name.c_str(), static_cast<int>(pointers.size()), pointers.data(),
                            nullptr, nullptr, 0) != 1) {
      Fail(name, PQerrorMessage(conn_));
    }
    if (++unsynced_ >= kSyncEvery) Sync();
  }

 private:
  static constexpr int kSyncEvery = 2000;

  void Check(const PGresult* result, absl::string_view sql) {
    const ExecStatusType status = PQresultStatus(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) Fail(sql, PQerrorMessage(conn_));
  }

  // Waits for everything sent so far; the first failure ends the benchmark.
  void Sync() {
    if (PQpipelineSync(conn_) != 1) Fail("pipeline sync", PQerrorMessage(conn_));
    while (true) {
      PGresult* result = PQgetResult(conn_);
      if (result == nullptr) continue;  // The end of one statement's results.
      const ExecStatusType status = PQresultStatus(result);
      PQclear(result);
      if (status == PGRES_PIPELINE_SYNC) break;
      if (status == PGRES_FATAL_ERROR) Fail("load statement", PQerrorMessage(conn_));
    }
    unsynced_ = 0;
  }

  void EndPipeline() {
    if (!pipelined_) return;
    Sync();
    if (PQexitPipelineMode(conn_) != 1) Fail("pipeline", PQerrorMessage(conn_));
    pipelined_ = false;
  }

  PGconn* conn_;
  bool pipelined_ = false;
  int unsynced_ = 0;
  int statements_ = 0;
};

void PostgresLoadStatement::Exec() {
  sql_.Send(name_, prepared_ ? nullptr : &text_, types_, values_);
  prepared_ = true;
}

}  // namespace

std::unique_ptr<BenchSql> BenchSql::OpenSqlite(const std::string& path, bool read_only) {
  return std::make_unique<SqliteSql>(path, read_only);
}

std::unique_ptr<BenchSql> BenchSql::OpenPostgres(const std::string& uri) {
  PGconn* conn = PQconnectdb(uri.c_str());
  if (conn == nullptr || PQstatus(conn) != CONNECTION_OK) {
    Fail("connect", conn == nullptr ? "out of memory" : PQerrorMessage(conn));
  }
  return std::make_unique<PostgresSql>(conn);
}

std::string PostgresMarkers(absl::string_view sql) {
  std::string out;
  for (size_t i = 0; i < sql.size(); ++i) {
    if (sql[i] == '?' && i + 1 < sql.size() && absl::ascii_isdigit(sql[i + 1])) {
      out.push_back('$');
    } else {
      out.push_back(sql[i]);
    }
  }
  return out;
}

}  // namespace techmatch::bench
