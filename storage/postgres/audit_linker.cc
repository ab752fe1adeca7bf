#include "storage/postgres/audit_linker.h"

#include <string>

#include "core/common/status_macros.h"
#include "spdlog/spdlog.h"
#include "storage/postgres/audit_rows.h"
#include "storage/postgres/transaction.h"

namespace techmatch::storage::postgres {

AuditLinker::AuditLinker(ConnectionPool& pool, const AuditKey* key)
    : pool_(pool), key_(key), thread_([this] { Run(); }) {}

AuditLinker::~AuditLinker() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
    changed_.SignalAll();
  }
  thread_.join();
}

void AuditLinker::Wake() {
  absl::MutexLock lock(&mu_);
  ++requested_;
  changed_.SignalAll();
}

absl::Status AuditLinker::LinkCommitted() {
  absl::MutexLock lock(&mu_);
  const uint64_t ticket = ++requested_;
  ++readers_waiting_;
  changed_.SignalAll();
  while (linked_ < ticket) changed_.Wait(&mu_);
  --readers_waiting_;
  return last_;
}

void AuditLinker::Run() {
  bool failing = false;
  absl::MutexLock lock(&mu_);
  while (true) {
    if (linked_ == requested_) {
      if (stopping_) return;
      if (!failing) {
        changed_.Wait(&mu_);
      } else if (changed_.WaitWithTimeout(&mu_, kRetryPause)) {
        ++requested_;  // The pause ran out after a failure: try again unasked.
      }
      continue;
    }
    // Gather the wakes of a stream of writes (a reader waiting or stopping cuts it short).
    const absl::Time gathered = last_pass_ + kGather;
    while (!failing && readers_waiting_ == 0 && !stopping_ && absl::Now() < gathered) {
      changed_.WaitWithDeadline(&mu_, gathered);
    }
    const uint64_t target = requested_;
    mu_.Unlock();
    const absl::Status status = LinkAll();
    mu_.Lock();
    last_pass_ = absl::Now();
    linked_ = target;
    last_ = status;
    changed_.SignalAll();
    if (!status.ok() && !failing) {
      spdlog::warn("storage: cannot chain audit records (they stay staged, retried every {}): {}",
                   absl::FormatDuration(kRetryPause), std::string(status.message()));
    } else if (status.ok() && failing) {
      spdlog::info("storage: staged audit records chained again");
    }
    failing = !status.ok();
  }
}

absl::Status AuditLinker::LinkAll() {
  int linked = kBatch;
  while (linked == kBatch) {
    TM_RETURN_IF_ERROR(RunTransaction(
        pool_, Isolation::kRepeatableRead, /*read_only=*/false, [&](Connection& c) -> absl::Status {
          // First: see AuditRows::LockChain.
          TM_RETURN_IF_ERROR(AuditRows::LockChain(c));
          TM_ASSIGN_OR_RETURN(linked, AuditRows::Link(c, key_, kBatch));
          return absl::OkStatus();
        }));
  }
  return absl::OkStatus();
}

}  // namespace techmatch::storage::postgres
