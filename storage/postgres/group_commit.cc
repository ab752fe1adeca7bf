#include "storage/postgres/group_commit.h"

#include <optional>
#include <string>

#include "core/common/status_macros.h"
#include "storage/postgres/pg_status.h"
#include "storage/postgres/transaction.h"

namespace techmatch::storage::postgres {
namespace {

// Marks the connection's transaction as joined for one write after a batch's first
// (Connection::LockFirst refuses there).
class JoinedScope {
 public:
  JoinedScope(Connection& connection, bool joined) : connection_(connection) {
    connection_.set_joined(joined);
  }
  ~JoinedScope() { connection_.set_joined(false); }
  JoinedScope(const JoinedScope&) = delete;
  JoinedScope& operator=(const JoinedScope&) = delete;

 private:
  Connection& connection_;
};

// Failures a write is undone for in the batch and run again alone.
bool RunsAgainAlone(const absl::Status& status) {
  const std::optional<std::string> state = SqlStateOf(status);
  return state && (IsRetryableSqlState(*state) || *state == kNotFirstState);
}

}  // namespace

absl::Status GroupCommit::Run(absl::FunctionRef<absl::Status(Connection&)> body) {
  Pending pending{body};
  leader_.Run(pending, [this](const std::vector<Pending*>& batch) { RunBatch(batch); });
  if (!pending.again_alone) return pending.status;
  return RunAlone(body);
}

absl::Status GroupCommit::RunAlone(absl::FunctionRef<absl::Status(Connection&)> body) {
  const absl::Status status =
      RunTransaction(pool_, Isolation::kRepeatableRead, /*read_only=*/false, body);
  if (status.ok()) Count(1, 1);
  return status;
}

GroupCommit::Stats GroupCommit::stats() {
  std::lock_guard lock(mu_);
  return stats_;
}

void GroupCommit::Count(int64_t commits, int64_t writes) {
  std::lock_guard lock(mu_);
  stats_.commits += commits;
  stats_.writes += writes;
}

void GroupCommit::RunBatch(const std::vector<Pending*>& batch) {
  if (batch.size() == 1) {
    batch.front()->status = RunAlone(batch.front()->body);
    return;
  }
  const absl::Status status = RunTransaction(
      pool_, Isolation::kRepeatableRead, /*read_only=*/false, [&](Connection& c) -> absl::Status {
        for (size_t i = 0; i < batch.size(); ++i) {
          // A batch run again starts over.
          batch[i]->status = absl::OkStatus();
          batch[i]->again_alone = false;
          TM_RETURN_IF_ERROR(RunInBatch(c, *batch[i], /*first=*/i == 0));
        }
        return absl::OkStatus();
      });
  int64_t committed = 0;
  for (Pending* pending : batch) {
    if (!status.ok()) {
      // Nothing of the batch is stored.
      pending->status = status;
      pending->again_alone = false;
    } else if (pending->status.ok() && !pending->again_alone) {
      ++committed;
    }
  }
  if (status.ok()) Count(1, committed);
}

absl::Status GroupCommit::RunInBatch(Connection& connection, Pending& pending, bool first) {
  // Sent with the write's first statement (after the batch's BEGIN for the first write); a
  // savepoint takes no snapshot, so the first write's LockFirst still comes before the
  // snapshot. Not released: a released savepoint's subtransaction stays in the transaction all
  // the same, and ROLLBACK TO names the latest savepoint of that name, this write's.
  connection.SendWithNext("SAVEPOINT batch_write");
  absl::Status status;
  {
    JoinedScope joined(connection, /*joined=*/!first);
    status = pending.body(connection);
  }
  // What the write queued (ExecLater) is sent now, so its errors are the write's own.
  if (status.ok()) status = connection.Flush();
  if (status.ok()) return absl::OkStatus();
  // A lost connection took the transaction with it.
  if (!connection.Healthy()) return status;
  TM_RETURN_IF_ERROR(connection.Script("ROLLBACK TO SAVEPOINT batch_write"));
  if (RunsAgainAlone(status)) {
    pending.again_alone = true;
  } else {
    pending.status = status;
  }
  return absl::OkStatus();
}

}  // namespace techmatch::storage::postgres
