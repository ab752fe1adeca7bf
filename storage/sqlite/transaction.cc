#include "storage/sqlite/transaction.h"

#include <exception>

namespace techmatch::storage::sqlite {
namespace {

// One fixed name: a name resolves to the innermost savepoint that has it, which is the one a
// scope opened, since scopes end in reverse order.
constexpr absl::string_view kSavepoint = "SAVEPOINT techmatch";
constexpr absl::string_view kRelease = "RELEASE techmatch";
constexpr absl::string_view kRollBackTo = "ROLLBACK TO techmatch";

}  // namespace

Transaction::Transaction(Connection& connection, TransactionMode mode) : connection_(connection) {
  connection_.Run(mode == TransactionMode::kImmediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
}

Transaction::~Transaction() {
  if (!open_) return;
  try {
    connection_.Run("ROLLBACK");
  } catch (const std::exception&) {
    // Already rolled back by SQLite; nothing is left open.
  }
}

void Transaction::Commit() {
  connection_.Run("COMMIT");
  open_ = false;
}

Savepoint::Savepoint(Connection& connection) : connection_(connection) {
  connection_.Run(kSavepoint);
}

Savepoint::~Savepoint() {
  if (!open_) return;
  try {
    connection_.Run(kRollBackTo);
    connection_.Run(kRelease);
  } catch (const std::exception&) {
    // The transaction is broken; its scope rolls it back.
  }
}

void Savepoint::Release() {
  open_ = false;
  connection_.Run(kRelease);
}

void Savepoint::RollBack() {
  open_ = false;
  connection_.Run(kRollBackTo);
  connection_.Run(kRelease);
}

}  // namespace techmatch::storage::sqlite
