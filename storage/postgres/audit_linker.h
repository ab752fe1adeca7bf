// Links staged audit records into the chain (storage/postgres/audit_rows.h) from a thread of
// its own. An audited write stages its record in its own transaction, commits and calls Wake:
// writes never wait for the chain's lock, commit side by side (PostgreSQL groups their flushes
// to disk), and one link transaction chains every record committed meanwhile.
//
// Readers of the trail call LinkCommitted first: it returns once every record committed before
// the call is chained. A record staged by a server that died before its linker ran is chained
// by the next linker on any server (a linker takes every staged record), at the latest when a
// server opens the database: each linker runs once when it starts.
//
// Wakes are gathered: a pass starts at most once per kGather unless a reader waits, so under a
// stream of writes one link transaction (and its disk flush) chains the records of many.
#ifndef TECHMATCH_STORAGE_POSTGRES_AUDIT_LINKER_H_
#define TECHMATCH_STORAGE_POSTGRES_AUDIT_LINKER_H_

#include <cstdint>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "core/auth/audit_event.h"
#include "storage/postgres/connection_pool.h"

namespace techmatch::storage::postgres {

class AuditLinker {
 public:
  // Records per link transaction: bounds the lock's hold and the memory of one batch.
  static constexpr int kBatch = 500;
  // After a failed pass (the database unreachable), the next try comes this long after.
  static constexpr absl::Duration kRetryPause = absl::Seconds(1);
  // Wakes after a pass wait this long for the next one, unless LinkCommitted asks.
  static constexpr absl::Duration kGather = absl::Milliseconds(50);

  // `pool` and `key` (may be null: records unkeyed) must outlive the linker. Starts the thread,
  // which links what is staged at once.
  AuditLinker(ConnectionPool& pool, const AuditKey* key);
  // Links what was staged before, then stops the thread.
  ~AuditLinker();
  AuditLinker(const AuditLinker&) = delete;
  AuditLinker& operator=(const AuditLinker&) = delete;

  // A record was committed: chain it soon. Does not wait.
  void Wake();
  // Waits until every record committed before the call is chained; the error of the pass that
  // was to chain them, if it failed (the records stay staged for the next pass).
  absl::Status LinkCommitted();

 private:
  void Run();
  // Link transactions until nothing is staged.
  absl::Status LinkAll();

  ConnectionPool& pool_;
  const AuditKey* const key_;
  absl::Mutex mu_;
  absl::CondVar changed_;  // A ticket asked for or a pass done, or stopping.
  // Passes asked for and passes done, as tickets: a pass that starts after ticket N was taken
  // covers every record committed before N was asked for.
  uint64_t requested_ ABSL_GUARDED_BY(mu_) = 1;
  uint64_t linked_ ABSL_GUARDED_BY(mu_) = 0;
  absl::Status last_ ABSL_GUARDED_BY(mu_);
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  int readers_waiting_ ABSL_GUARDED_BY(mu_) = 0;                      // In LinkCommitted.
  absl::Time last_pass_ ABSL_GUARDED_BY(mu_) = absl::InfinitePast();  // When it ended.
  std::thread thread_;
};

}  // namespace techmatch::storage::postgres

#endif  // TECHMATCH_STORAGE_POSTGRES_AUDIT_LINKER_H_
