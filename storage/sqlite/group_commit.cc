#include "storage/sqlite/group_commit.h"

#include <utility>

#include "storage/sqlite/connection.h"
#include "storage/sqlite/transaction.h"

namespace techmatch::storage::sqlite {
namespace {

absl::Status RunBody(const GroupCommit::Write& write, Connection& connection) {
  try {
    return write.body(connection);
  } catch (const std::exception& e) {
    return write.failure(&e);
  } catch (...) {
    return write.failure(nullptr);
  }
}

}  // namespace

GroupCommit::GroupCommit(std::unique_ptr<Connection> writer) : writer_(std::move(writer)) {}

GroupCommit::~GroupCommit() = default;

absl::Status GroupCommit::Run(const Write& write) {
  Pending pending{&write};
  leader_.Run(pending, [this](const std::vector<Pending*>& batch) {
    RunBatch(batch);
    std::lock_guard lock(mu_);
    ++stats_.commits;
    stats_.writes += static_cast<int64_t>(batch.size());
  });
  return pending.status;
}

GroupCommit::Stats GroupCommit::stats() {
  std::lock_guard lock(mu_);
  return stats_;
}

void GroupCommit::RunBatch(const std::vector<Pending*>& batch) {
  if (batch.size() == 1) {
    RunAlone(*batch.front());
  } else {
    RunTogether(batch);
  }
}

void GroupCommit::RunAlone(Pending& pending) {
  Connection& connection = *writer_;
  const Write& write = *pending.write;
  try {
    Transaction transaction(connection, TransactionMode::kImmediate);
    pending.status = RunBody(write, connection);
    if (!pending.status.ok()) return;  // Rolled back by the transaction's scope.
    transaction.Commit();
  } catch (const std::exception& e) {
    // BEGIN or COMMIT failed; nothing of the write is stored.
    pending.status = write.failure(&e);
    return;
  }
  write.committed();
}

void GroupCommit::RunTogether(const std::vector<Pending*>& batch) {
  Connection& connection = *writer_;
  // Fails every write of the batch that has no error of its own yet: nothing of it is stored
  // (the transaction's scope rolled it back).
  const auto fail_all = [&](const std::exception* e) {
    for (Pending* pending : batch) {
      if (pending->status.ok()) pending->status = pending->write->failure(e);
    }
  };
  try {
    Transaction transaction(connection, TransactionMode::kImmediate);
    for (Pending* pending : batch) {
      Savepoint savepoint(connection);
      pending->status = RunBody(*pending->write, connection);
      // A fault that made SQLite abandon the transaction makes these throw: the whole batch
      // fails below.
      if (pending->status.ok()) {
        savepoint.Release();
      } else {
        savepoint.RollBack();
      }
    }
    transaction.Commit();
  } catch (const std::exception& e) {
    fail_all(&e);
    return;
  } catch (...) {
    fail_all(nullptr);
    return;
  }
  for (Pending* pending : batch) {
    if (pending->status.ok()) pending->write->committed();
  }
}

}  // namespace techmatch::storage::sqlite
