#include "storage/postgres/transaction.h"

#include "storage/postgres/pg_status.h"

namespace techmatch::storage::postgres {
namespace {

absl::string_view BeginSql(Isolation isolation, bool read_only) {
  switch (isolation) {
    case Isolation::kReadCommitted:
      return read_only ? "BEGIN ISOLATION LEVEL READ COMMITTED READ ONLY"
                       : "BEGIN ISOLATION LEVEL READ COMMITTED";
    case Isolation::kRepeatableRead:
      return read_only ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
                       : "BEGIN ISOLATION LEVEL REPEATABLE READ";
    case Isolation::kSerializable:
      return read_only ? "BEGIN ISOLATION LEVEL SERIALIZABLE READ ONLY"
                       : "BEGIN ISOLATION LEVEL SERIALIZABLE";
  }
  return "BEGIN";
}

}  // namespace

Transaction::~Transaction() {
  if (!open_) return;
  // Nothing sent (BEGIN still waits) or not worth sending (statements queued to run after it).
  const bool begun = !connection_.begin_unsent();
  connection_.DropUnsent();
  // Nothing to do with a failure: the transaction is gone either way.
  if (begun) connection_.Exec("ROLLBACK").IgnoreError();
}

absl::Status Transaction::Begin(Isolation isolation, bool read_only) {
  connection_.BeginWithNext(std::string(BeginSql(isolation, read_only)));
  open_ = true;
  read_only_ = read_only;
  return absl::OkStatus();
}

absl::Status Transaction::Commit() {
  open_ = false;
  if (connection_.begin_unsent() && !connection_.has_queued()) {
    connection_.DropUnsent();
    return absl::OkStatus();
  }
  // A read-only transaction's COMMIT cannot fail in a way that changes its answer. Statements
  // waiting (ExecLater's, a SAVEPOINT) go with the COMMIT, which answers their error.
  if (read_only_ && !connection_.has_unsent()) return connection_.SendWithoutWaiting("COMMIT");
  return connection_.Exec("COMMIT").status();
}

absl::Status RunTransaction(ConnectionPool& pool, Isolation isolation, bool read_only,
                            absl::FunctionRef<absl::Status(Connection&)> body, int max_attempts) {
  absl::Status status;
  bool reconnected = false;
  for (int attempt = 1; attempt <= max_attempts; ++attempt) {
    absl::StatusOr<ConnectionPool::Lease> lease = pool.Borrow();
    if (!lease.ok()) return lease.status();
    {
      Transaction transaction(**lease);
      status = transaction.Begin(isolation, read_only);
      if (status.ok()) status = body(**lease);
      if (status.ok()) status = transaction.Commit();
    }
    if (status.ok()) return status;
    if (!reconnected && !(*lease)->Healthy() && (*lease)->begin_unanswered()) {
      // The connection died while it sat in the pool (the server restarted, an idle connection
      // was cut) and the transaction's first round trip found out: BEGIN was not answered, so
      // nothing ran. Reconnect and run it again, once. A connection lost later is never
      // retried: once a COMMIT may have reached the server, the outcome is unknown and the
      // caller gets UNAVAILABLE.
      reconnected = true;
      status = (*lease)->Reset();
      if (!status.ok()) return status;
      ++max_attempts;  // Not a serialization retry.
      continue;
    }
    const std::optional<std::string> state = SqlStateOf(status);
    if (!state || !IsRetryableSqlState(*state)) return status;
  }
  return status;
}

absl::Status RunSingleRead(ConnectionPool& pool,
                           absl::FunctionRef<absl::Status(Connection&)> body) {
  absl::StatusOr<ConnectionPool::Lease> lease = pool.Borrow();
  if (!lease.ok()) return lease.status();
  absl::Status status = body(**lease);
  if (status.ok() || (*lease)->Healthy()) return status;
  status = (*lease)->Reset();
  if (status.ok()) status = body(**lease);
  return status;
}

}  // namespace techmatch::storage::postgres
