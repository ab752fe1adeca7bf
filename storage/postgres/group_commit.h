// Group commit for one repository's writes: writes that arrive while another transaction
// commits wait, then run together in one transaction, each in its own savepoint, and are
// acknowledged after its one COMMIT. A durable commit waits for a disk flush, and the change
// log's trigger holds the log's lock (and PostgreSQL's notification lock) until that flush
// ends, so commits of records cannot overlap: 32 concurrent CreateNeed calls pay for one or a
// few flushes instead of 32, and each call still returns only once its change is durable.
//
// Isolation: a write that fails (an error status, a refused statement) is rolled back to its
// savepoint and answered with its error; the others in the batch go on. Writes in a batch run
// one after another in arrival order and each sees the earlier ones' changes. The batch is one
// REPEATABLE READ transaction, so a write after the first reads the snapshot the batch took;
// where that matters the write runs again alone, in a transaction of its own, after the batch:
// - a serialization failure or deadlock (another transaction changed what it writes since the
//   batch's snapshot): as RunTransaction would run it again with a fresh snapshot;
// - a statement that must be its transaction's first (Connection::LockFirst, e.g. the meeting
//   schedules' lock) in a write that joined a batch already running.
// Only a failure of the transaction itself (BEGIN, a savepoint, COMMIT, a lost connection)
// fails every write of the batch, and then none of them is stored. A BEGIN that went unanswered
// because the borrowed connection was lost runs the batch again once (RunTransaction).
//
// The first caller to find no batch running becomes the leader: it takes the queue (up to
// kMaxBatch writes), runs it on its own thread and wakes the others, so no extra thread exists
// (storage/batch_leader.h).
// A batch of one write runs without savepoints, exactly as RunTransaction runs it.
#ifndef TECHMATCH_STORAGE_POSTGRES_GROUP_COMMIT_H_
#define TECHMATCH_STORAGE_POSTGRES_GROUP_COMMIT_H_

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "storage/batch_leader.h"
#include "storage/postgres/connection.h"
#include "storage/postgres/connection_pool.h"

namespace techmatch::storage::postgres {

class GroupCommit {
 public:
  // Writes committed together at most (a bound on the wait of the batch's last write).
  static constexpr size_t kMaxBatch = 64;

  explicit GroupCommit(ConnectionPool& pool) : pool_(pool) {}
  GroupCommit(const GroupCommit&) = delete;
  GroupCommit& operator=(const GroupCommit&) = delete;

  // Runs `body` in a REPEATABLE READ read-write transaction shared with the writes queued
  // beside it, and returns once it is committed (OK) or undone (its error: a DatabaseError as
  // Connection gives it, or what `body` returned). `body` may run more than once (a batch
  // run again, a write run again alone) and must start over each time.
  absl::Status Run(absl::FunctionRef<absl::Status(Connection&)> body);

  // Transactions committed so far and the writes they held (a write run again alone counts
  // once more, in a transaction of its own).
  struct Stats {
    int64_t commits = 0;
    int64_t writes = 0;
  };
  Stats stats();
  // Writes waiting for the next batch.
  size_t queued() { return leader_.queued(); }

 private:
  struct Pending {
    absl::FunctionRef<absl::Status(Connection&)> body;
    absl::Status status{};
    bool again_alone = false;  // Undone in the batch; runs in a transaction of its own.
  };

  // Runs `batch` in one transaction; sets every status (or again_alone).
  void RunBatch(const std::vector<Pending*>& batch);
  // `body` in a transaction of its own, counted when it commits.
  absl::Status RunAlone(absl::FunctionRef<absl::Status(Connection&)> body);
  // One write in the batch's transaction, under its savepoint; an error return fails the
  // transaction (the write's own failure is in pending.status).
  absl::Status RunInBatch(Connection& connection, Pending& pending, bool first);
  void Count(int64_t commits, int64_t writes);

  ConnectionPool& pool_;
  BatchLeader<Pending> leader_{kMaxBatch};
  std::mutex mu_;
  Stats stats_;  // Guarded by mu_.
};

}  // namespace techmatch::storage::postgres

#endif  // TECHMATCH_STORAGE_POSTGRES_GROUP_COMMIT_H_
