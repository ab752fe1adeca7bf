#include "storage/sqlite/connection.h"

#include <string>
#include <utility>

#include "SQLiteCpp/Exception.h"
#include "absl/strings/ascii.h"
#include "storage/sqlite/checked_sum.h"

namespace techmatch::storage::sqlite {

ScopedStatement::ScopedStatement(sqlite3_stmt* statement, int& live_count)
    : statement_(statement), live_count_(live_count) {
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
  ++live_count_;
}

ScopedStatement::~ScopedStatement() {
  // Ends the statement's read transaction; an error here was already thrown by Step.
  sqlite3_reset(statement_);
  --live_count_;
}

void ScopedStatement::Check(int result) const {
  if (result != SQLITE_OK) throw SQLite::Exception(sqlite3_db_handle(statement_), result);
}

void ScopedStatement::BindText(int index, absl::string_view value) {
  // Never a null pointer: SQLite would bind NULL instead of ''.
  Check(sqlite3_bind_text(statement_, index, value.empty() ? "" : value.data(),
                          static_cast<int>(value.size()), SQLITE_TRANSIENT));
}

void ScopedStatement::BindBlob(int index, absl::string_view bytes) {
  Check(sqlite3_bind_blob(statement_, index, bytes.data(), static_cast<int>(bytes.size()),
                          SQLITE_TRANSIENT));
}

void ScopedStatement::BindInt64(int index, int64_t value) {
  Check(sqlite3_bind_int64(statement_, index, value));
}

void ScopedStatement::BindNull(int index) { Check(sqlite3_bind_null(statement_, index)); }

bool ScopedStatement::Step() {
  const int result = sqlite3_step(statement_);
  if (result == SQLITE_ROW) return true;
  if (result == SQLITE_DONE) return false;
  throw SQLite::Exception(sqlite3_db_handle(statement_), result);
}

void ScopedStatement::Reset() { Check(sqlite3_reset(statement_)); }

void ScopedStatement::BindOptionalInt64(int index, const std::optional<int64_t>& value) {
  if (value) {
    BindInt64(index, *value);
  } else {
    BindNull(index);
  }
}

void ScopedStatement::Run() {
  while (Step()) {
  }
}

namespace {

// Turns off SQLite's memory statistics for the process, once, before the first connection
// initializes the library (afterwards sqlite3_config refuses and changes nothing). With them on,
// every sqlite3_malloc and sqlite3_free takes a process-wide mutex to count bytes (Debian's
// default); nothing here reads those counts or sets a soft heap limit, which needs them.
bool ConfigureSqliteOnce() {
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  return configured;
}

bool IsBlank(absl::string_view sql) { return absl::StripAsciiWhitespace(sql).empty(); }

}  // namespace

Connection::Connection(const std::string& path, const ConnectionOptions& options)
    : configured_(ConfigureSqliteOnce()),
      db_(path,
          SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX |
              (options.create ? SQLite::OPEN_CREATE : 0),
          options.busy_timeout_ms) {
  Run("PRAGMA foreign_keys = ON");
  Run(options.synchronous == Synchronous::kFull ? "PRAGMA synchronous = FULL"
                                                : "PRAGMA synchronous = NORMAL");
  if (options.read_only) Run("PRAGMA query_only = ON");
  if (options.mmap_size > 0) Run("PRAGMA mmap_size = " + std::to_string(options.mmap_size));
  if (const int result = RegisterCheckedSum(handle()); result != SQLITE_OK) {
    throw SQLite::Exception(handle(), result);
  }
}

Connection::OwnedStatement Connection::Compile(absl::string_view sql, absl::string_view& rest) {
  sqlite3_stmt* statement = nullptr;
  const char* tail = nullptr;
  const int result =
      sqlite3_prepare_v2(handle(), sql.data(), static_cast<int>(sql.size()), &statement, &tail);
  OwnedStatement owned(statement);
  if (result != SQLITE_OK) throw SQLite::Exception(handle(), result);
  rest = tail == nullptr ? absl::string_view() : sql.substr(static_cast<size_t>(tail - sql.data()));
  return owned;
}

sqlite3_stmt* Connection::Cache(absl::string_view sql, OwnedStatement statement) {
  if (statements_.size() >= kMaxCachedStatements && live_statements_ == 0) statements_.clear();
  return statements_.emplace(std::string(sql), std::move(statement)).first->second.get();
}

ScopedStatement Connection::Prepare(absl::string_view sql) {
  if (auto it = statements_.find(sql); it != statements_.end()) {
    return ScopedStatement(it->second.get(), live_statements_);
  }
  absl::string_view rest;
  OwnedStatement statement = Compile(sql, rest);
  if (statement == nullptr) throw SQLite::Exception("empty SQL statement");
  // The text after the first statement would be ignored silently.
  if (!IsBlank(rest)) throw SQLite::Exception("Prepare takes one SQL statement; Run runs scripts");
  return ScopedStatement(Cache(sql, std::move(statement)), live_statements_);
}

void Connection::Run(absl::string_view sql) {
  if (auto it = statements_.find(sql); it != statements_.end()) {
    ScopedStatement(it->second.get(), live_statements_).Run();
    return;
  }
  absl::string_view rest;
  OwnedStatement statement = Compile(sql, rest);
  if (IsBlank(rest)) {
    if (statement != nullptr) {
      ScopedStatement(Cache(sql, std::move(statement)), live_statements_).Run();
    }
    return;
  }
  // A script: each statement is prepared only once the ones before it ran (a CREATE INDEX
  // needs its table), and runs once, so none is cached.
  while (true) {
    if (statement != nullptr) ScopedStatement(statement.get(), live_statements_).Run();
    if (IsBlank(rest)) return;
    statement = Compile(rest, rest);
  }
}

}  // namespace techmatch::storage::sqlite
