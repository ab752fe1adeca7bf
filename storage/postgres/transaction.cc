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
  // Nothing to do with a failure: the transaction is gone either way.
  connection_.Exec("ROLLBACK").IgnoreError();
}

absl::Status Transaction::Begin(Isolation isolation, bool read_only) {
  absl::StatusOr<Result> begun = connection_.Exec(BeginSql(isolation, read_only));
  if (!begun.ok()) return begun.status();
  open_ = true;
  return absl::OkStatus();
}

absl::Status Transaction::Commit() {
  open_ = false;
  absl::StatusOr<Result> committed = connection_.Exec("COMMIT");
  return committed.status();
}

absl::Status RunTransaction(ConnectionPool& pool, Isolation isolation, bool read_only,
                            absl::FunctionRef<absl::Status(Connection&)> body, int max_attempts) {
  absl::Status status;
  for (int attempt = 1; attempt <= max_attempts; ++attempt) {
    absl::StatusOr<ConnectionPool::Lease> lease = pool.Borrow();
    if (!lease.ok()) return lease.status();
    Transaction transaction(**lease);
    status = transaction.Begin(isolation, read_only);
    if (!status.ok() && !(*lease)->Healthy()) {
      // The connection died while it sat in the pool (the server restarted, an idle connection
      // was cut) and only BEGIN found out. BEGIN did nothing, so reconnect and begin again,
      // once. Later statements are never sent twice: once a write may have reached the server,
      // a lost connection leaves its outcome unknown and the caller gets UNAVAILABLE.
      status = (*lease)->Reset();
      if (status.ok()) status = transaction.Begin(isolation, read_only);
    }
    if (status.ok()) status = body(**lease);
    if (status.ok()) status = transaction.Commit();
    if (status.ok()) return status;
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
