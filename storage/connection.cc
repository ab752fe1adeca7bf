#include "storage/connection.h"

#include <string>

namespace techmatch::storage {

ScopedStatement::ScopedStatement(SQLite::Statement& statement, int& live_count)
    : statement_(statement), live_count_(live_count) {
  statement_.tryReset();
  statement_.clearBindings();
  ++live_count_;
}

ScopedStatement::~ScopedStatement() {
  statement_.tryReset();
  --live_count_;
}

void ScopedStatement::BindText(int index, absl::string_view value) {
  statement_.bind(index, std::string(value));
}

void ScopedStatement::BindBlob(int index, absl::string_view bytes) {
  statement_.bind(index, bytes.data(), static_cast<int>(bytes.size()));
}

void ScopedStatement::BindInt64(int index, int64_t value) { statement_.bind(index, value); }

void ScopedStatement::BindNull(int index) { statement_.bind(index); }

void ScopedStatement::BindOptionalInt64(int index, const std::optional<int64_t>& value) {
  if (value) {
    BindInt64(index, *value);
  } else {
    BindNull(index);
  }
}

void ScopedStatement::Run() {
  while (statement_.executeStep()) {
  }
}

Connection::Connection(const std::string& path, const ConnectionOptions& options)
    : db_(path,
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
    it = statements_
             .emplace(std::string(sql), std::make_unique<SQLite::Statement>(db_, std::string(sql)))
             .first;
  }
  return ScopedStatement(*it->second, live_statements_);
}

}  // namespace techmatch::storage
