// Transactions as scopes, the one loop that runs a transaction again when PostgreSQL aborted it
// for a serialization failure or a deadlock, and the read of one statement that needs no
// transaction block.
#ifndef TECHMATCH_STORAGE_POSTGRES_TRANSACTION_H_
#define TECHMATCH_STORAGE_POSTGRES_TRANSACTION_H_

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "storage/postgres/connection.h"
#include "storage/postgres/connection_pool.h"

namespace techmatch::storage::postgres {

enum class Isolation {
  kReadCommitted,
  // One snapshot for the whole transaction; writes that conflict with a concurrent one fail
  // with a serialization failure, which RunTransaction retries.
  kRepeatableRead,
  kSerializable,
};

// BEGIN on Begin(); ROLLBACK on destruction unless Commit() succeeded. BEGIN travels with the
// transaction's first statement (Connection::BeginWithNext), and a read-only transaction's
// COMMIT is not waited for (Connection::SendWithoutWaiting): a one-statement read is one round
// trip instead of three. A transaction that ran no statement sends nothing at all.
class Transaction {
 public:
  explicit Transaction(Connection& connection) : connection_(connection) {}
  // Rolls back an open transaction, ignoring errors (a broken connection has none left open).
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  absl::Status Begin(Isolation isolation, bool read_only = false);
  // When COMMIT fails (a deferred constraint, a serialization failure) the server has rolled
  // the transaction back.
  absl::Status Commit();

 private:
  Connection& connection_;
  bool open_ = false;
  bool read_only_ = false;
};

// Borrows a connection from `pool` and runs `body` in a transaction of `isolation`, committing
// when it returns OK and rolling back otherwise. A serialization failure or deadlock, from
// `body` or from COMMIT, runs it again (with a fresh snapshot) up to `max_attempts` times in
// all; after that its error is returned (ABORTED once mapped, pg_status.h). When BEGIN gets no
// answer because the borrowed connection was lost (a server restart since its last use), nothing
// can have committed: the connection is reconnected and the transaction run again, once. A
// connection lost after that is UNAVAILABLE, never retried: a write may have committed. Errors are
// DatabaseErrors as Connection gives them, or what `body` returned.
absl::Status RunTransaction(ConnectionPool& pool, Isolation isolation, bool read_only,
                            absl::FunctionRef<absl::Status(Connection&)> body,
                            int max_attempts = 5);

// Borrows a connection from `pool` and runs `body`, which sends exactly one statement, a read,
// outside a transaction block: one statement sees one snapshot on its own, so BEGIN and COMMIT
// would only add two statements for the server to run. When the statement fails because
// the borrowed connection was lost (a server restart since its last use), the connection is
// reconnected and `body` runs again, once: a read changed nothing, so sending it twice is safe.
// Errors as for RunTransaction.
absl::Status RunSingleRead(ConnectionPool& pool, absl::FunctionRef<absl::Status(Connection&)> body);

}  // namespace techmatch::storage::postgres

#endif  // TECHMATCH_STORAGE_POSTGRES_TRANSACTION_H_
