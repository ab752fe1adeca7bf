// The writer connection, shared by group commit: writes that arrive while another transaction
// commits wait, then run together in one transaction, each in its own savepoint, and are
// acknowledged after its one COMMIT. With `synchronous=FULL` a commit costs an fsync, so 32
// concurrent CreateNeed calls pay for one or a few fsyncs instead of 32, and each call still
// returns only once its change is durable.
//
// Isolation: a write that fails (an error status or an exception) is rolled back to its own
// savepoint and answered with its error; the others in the batch go on. Writes in a batch run
// one after another in arrival order and each sees the earlier ones' changes, exactly as if
// they had committed one by one. Only a failure of the transaction itself (BEGIN, COMMIT, or a
// fault that makes SQLite abandon the transaction) fails every write of the batch, and then
// none of them is stored.
//
// The first caller to find no batch running becomes the leader: it takes the queue (up to
// kMaxBatch writes), runs it on its own thread and wakes the others, so no extra thread exists
// (storage/batch_leader.h).
#ifndef TECHMATCH_STORAGE_SQLITE_GROUP_COMMIT_H_
#define TECHMATCH_STORAGE_SQLITE_GROUP_COMMIT_H_

#include <cstddef>
#include <exception>
#include <memory>
#include <mutex>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "storage/batch_leader.h"
#include "storage/sqlite/connection.h"

namespace techmatch::storage::sqlite {

class GroupCommit {
 public:
  // What one write does inside the transaction, and how its failures read.
  struct Write {
    // The change; its error status undoes it.
    absl::FunctionRef<absl::Status(Connection&)> body;
    // The status for an exception thrown by `body` or by the transaction it is in (nullptr
    // for an exception that is not a std::exception).
    absl::FunctionRef<absl::Status(const std::exception*)> failure;
    // Called once the transaction holding the change committed.
    absl::FunctionRef<void()> committed;
  };

  // Writes committed together at most (a bound on the wait of the batch's last write).
  static constexpr size_t kMaxBatch = 64;

  explicit GroupCommit(std::unique_ptr<Connection> writer);
  ~GroupCommit();
  GroupCommit(const GroupCommit&) = delete;
  GroupCommit& operator=(const GroupCommit&) = delete;

  // Runs `write` in a write transaction (BEGIN IMMEDIATE ... COMMIT) and returns once it is
  // committed (OK) or undone (its error).
  absl::Status Run(const Write& write);

  // Transactions committed so far (one per batch) and the writes in them.
  struct Stats {
    int64_t commits = 0;
    int64_t writes = 0;
  };
  Stats stats();

 private:
  struct Pending {
    const Write* write;
    absl::Status status{};
  };

  // Runs `batch` on the writer; sets every status.
  void RunBatch(const std::vector<Pending*>& batch);
  void RunAlone(Pending& pending);
  void RunTogether(const std::vector<Pending*>& batch);

  std::unique_ptr<Connection> writer_;  // Used by the leader only.
  BatchLeader<Pending> leader_{kMaxBatch};
  std::mutex mu_;
  Stats stats_;  // Guarded by mu_.
};

}  // namespace techmatch::storage::sqlite

#endif  // TECHMATCH_STORAGE_SQLITE_GROUP_COMMIT_H_
