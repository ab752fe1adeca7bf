// One SQLite connection with its own cache of prepared statements.
//
// A Connection is used by one thread at a time (the pool, or group commit's one leader at a
// time, guarantees it), so it is opened without SQLite's own mutexes. Statements are prepared once
// per connection and reused: preparing is a large share of a point lookup's cost.
#ifndef TECHMATCH_STORAGE_SQLITE_CONNECTION_H_
#define TECHMATCH_STORAGE_SQLITE_CONNECTION_H_

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "SQLiteCpp/Database.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "storage/sqlite/sqlite_options.h"

namespace techmatch::storage::sqlite {

// Reads columns of the current row straight from SQLite (sqlite3_column_*): no column objects,
// no copies beyond the one a caller asks for.
class RowReader {
 public:
  explicit RowReader(sqlite3_stmt* statement) : statement_(statement) {}
  // TEXT or BLOB bytes as they are stored, valid until the statement steps or resets: for
  // values decoded on the spot (lists, enum names) without a temporary string.
  absl::string_view View(int column) const {
    // blob before bytes, as SQLite's documentation asks; a NULL reads as empty.
    const void* data = sqlite3_column_blob(statement_, column);
    const int size = sqlite3_column_bytes(statement_, column);
    return data == nullptr
               ? absl::string_view()
               : absl::string_view(static_cast<const char*>(data), static_cast<size_t>(size));
  }
  // The same bytes, copied.
  std::string Text(int column) const { return std::string(View(column)); }
  std::string Blob(int column) const { return Text(column); }
  int64_t Int64(int column) const { return sqlite3_column_int64(statement_, column); }
  bool IsNull(int column) const { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }

 private:
  sqlite3_stmt* statement_;
};

// A cached statement in use. Resets it on destruction so that no statement keeps a read
// transaction open (which would pin an old snapshot) or blocks a COMMIT.
class ScopedStatement {
 public:
  ScopedStatement(sqlite3_stmt* statement, int& live_count);
  ~ScopedStatement();
  ScopedStatement(const ScopedStatement&) = delete;
  ScopedStatement& operator=(const ScopedStatement&) = delete;

  // Parameters are 1-based, as in SQLite. Text is copied by SQLite. Errors throw
  // SQLite::Exception, as SQLiteCpp did.
  void BindText(int index, absl::string_view value);
  void BindInt64(int index, int64_t value);
  void BindBlob(int index, absl::string_view bytes);
  void BindNull(int index);
  // Binds `value` or NULL.
  void BindOptionalInt64(int index, const std::optional<int64_t>& value);
  // Steps once: true when a row is ready.
  bool Step();
  // Runs a statement that returns no rows.
  void Run();
  // Makes the statement ready to run again with new bindings (within one use).
  void Reset();
  RowReader Row() const { return RowReader(statement_); }

 private:
  // Throws SQLite::Exception unless `result` is SQLITE_OK.
  void Check(int result) const;

  sqlite3_stmt* statement_;
  int& live_count_;
};

struct ConnectionOptions {
  bool create = false;     // Create the file when missing (the writer only).
  bool read_only = false;  // Readers refuse writes (PRAGMA query_only), a guard against bugs.
  int busy_timeout_ms = 5000;
  Synchronous synchronous = Synchronous::kFull;
  // PRAGMA mmap_size: pages up to this offset are read from a shared memory map instead of
  // pread into the connection's page cache (0: SQLite's default, no map). Readers only.
  int64_t mmap_size = 0;
};

class Connection {
 public:
  // Opens the database file with the per-connection settings the repository relies on:
  // foreign keys, busy timeout, synchronous; adds checked_sum (storage/sqlite/checked_sum.h).
  // Throws SQLite::Exception.
  Connection(const std::string& path, const ConnectionOptions& options);

  // The cached statement for `sql` (one statement), reset and with its bindings cleared. `sql`
  // is always text fixed in the code (or assembled from fixed fragments), never built from input
  // values.
  ScopedStatement Prepare(absl::string_view sql);
  // Runs fixed SQL that returns no rows: one statement, cached as Prepare caches it
  // (transaction control, pragmas), or a script of several, each prepared when the ones before
  // it have run and none cached (a migration). The one way code here runs such SQL.
  void Run(absl::string_view sql);
  // For SQLite's C API where this class has no wrapper (the backup API, tests).
  sqlite3* handle() { return db_.getHandle(); }

 private:
  // Lists assemble SQL from fragments; bound the cache so rare combinations cannot grow it.
  // The cache is only emptied while no statement is in use.
  static constexpr size_t kMaxCachedStatements = 256;

  struct Finalize {
    void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
  };
  using OwnedStatement = std::unique_ptr<sqlite3_stmt, Finalize>;

  // Prepares the first statement of `sql` (null when there is none, only space or comments)
  // and sets `rest` to the text after it. Throws SQLite::Exception.
  OwnedStatement Compile(absl::string_view sql, absl::string_view& rest);
  // Keeps `statement` as the cached statement for `sql`.
  sqlite3_stmt* Cache(absl::string_view sql, OwnedStatement statement);

  int live_statements_ = 0;
  bool configured_;  // The process-wide SQLite settings are in place before db_ opens.
  SQLite::Database db_;
  // Declared after db_: finalized before the connection closes.
  absl::flat_hash_map<std::string, OwnedStatement> statements_;
};

}  // namespace techmatch::storage::sqlite

#endif  // TECHMATCH_STORAGE_SQLITE_CONNECTION_H_
