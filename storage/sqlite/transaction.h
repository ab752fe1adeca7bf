// Transactions and savepoints as scopes: what is opened is ended on every path out, an
// exception included, so no code writes BEGIN/COMMIT/ROLLBACK itself.
//
// Both run their statements through the connection's statement cache: no parse per call.
#ifndef TECHMATCH_STORAGE_SQLITE_TRANSACTION_H_
#define TECHMATCH_STORAGE_SQLITE_TRANSACTION_H_

#include "storage/sqlite/connection.h"

namespace techmatch::storage::sqlite {

enum class TransactionMode {
  // BEGIN DEFERRED: takes no lock until the first statement; a read transaction's snapshot
  // starts at its first read.
  kDeferred,
  // BEGIN IMMEDIATE: takes the file's write lock now, so another process cannot make the
  // transaction fail half-way with a lock upgrade error (and two processes opening a new file
  // cannot both migrate it).
  kImmediate,
};

// BEGIN on construction; ROLLBACK on destruction unless Commit() succeeded.
class Transaction {
 public:
  // Throws SQLite::Exception when BEGIN fails (e.g. SQLITE_BUSY after the busy timeout).
  Transaction(Connection& connection, TransactionMode mode);
  // Rolls back an uncommitted transaction. Errors are ignored: SQLite may already have rolled
  // back on its own (after an I/O error or a full disk), and a destructor must not throw.
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  // Throws SQLite::Exception when COMMIT fails (e.g. a deferred foreign key); the destructor then
  // rolls back.
  void Commit();

 private:
  Connection& connection_;
  bool open_ = true;
};

// SAVEPOINT on construction, inside a Transaction: Release() keeps what was done since,
// RollBack() undoes it; either ends the savepoint and the transaction goes on. Savepoints
// nest (all share one name; SQLite resolves a name to the innermost).
class Savepoint {
 public:
  // Throws SQLite::Exception.
  explicit Savepoint(Connection& connection);
  // Rolls back to the savepoint and releases it when neither Release() nor RollBack() ran (an
  // exception is unwinding), ignoring errors: the enclosing Transaction rolls back after.
  ~Savepoint();
  Savepoint(const Savepoint&) = delete;
  Savepoint& operator=(const Savepoint&) = delete;

  void Release();
  // Throws SQLite::Exception when the transaction itself is broken (SQLite abandoned it after a
  // fault): then nothing of it can be kept, and the caller fails the whole transaction.
  void RollBack();

 private:
  Connection& connection_;
  bool open_ = true;
};

}  // namespace techmatch::storage::sqlite

#endif  // TECHMATCH_STORAGE_SQLITE_TRANSACTION_H_
