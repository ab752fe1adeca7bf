#include "storage/sqlite/connection.h"

#include <string>
#include <utility>

#include "SQLiteCpp/Exception.h"

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

}  // namespace

Connection::Connection(const std::string& path, const ConnectionOptions& options)
    : configured_(ConfigureSqliteOnce()),
      db_(path,
          SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX |
              (options.create ? SQLite::OPEN_CREATE : 0),
          options.busy_timeout_ms) {
  db_.exec("PRAGMA foreign_keys = ON");
  db_.exec(options.synchronous == Synchronous::kFull ? "PRAGMA synchronous = FULL"
                                                     : "PRAGMA synchronous = NORMAL");
  if (options.read_only) db_.exec("PRAGMA query_only = ON");
  if (options.mmap_size > 0) {
    db_.exec("PRAGMA mmap_size = " + std::to_string(options.mmap_size));
  }
}

ScopedStatement Connection::Prepare(absl::string_view sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    if (statements_.size() >= kMaxCachedStatements && live_statements_ == 0) {
      statements_.clear();
    }
    sqlite3_stmt* statement = nullptr;
    const int result = sqlite3_prepare_v2(db_.getHandle(), sql.data(), static_cast<int>(sql.size()),
                                          &statement, nullptr);
    std::unique_ptr<sqlite3_stmt, Finalize> owned(statement);
    if (result != SQLITE_OK) throw SQLite::Exception(db_.getHandle(), result);
    if (owned == nullptr) throw SQLite::Exception("empty SQL statement");
    it = statements_.emplace(std::string(sql), std::move(owned)).first;
  }
  return ScopedStatement(it->second.get(), live_statements_);
}

}  // namespace techmatch::storage::sqlite
