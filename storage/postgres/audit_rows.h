// SQL for the audit trail on PostgreSQL: appending to the hash chain, listing, verifying. The
// chain is the one storage/sqlite/audit_rows.h writes (AuditChainHash, the keyed MAC), so a
// trail verifies the same on either backend.
#ifndef TECHMATCH_STORAGE_POSTGRES_AUDIT_ROWS_H_
#define TECHMATCH_STORAGE_POSTGRES_AUDIT_ROWS_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/auth/audit_event.h"
#include "core/common/paging.h"
#include "storage/postgres/connection.h"
#include "storage/repository.h"

namespace techmatch::storage::postgres {

struct AuditRows {
  // Takes the chain's lock, held to the end of the transaction: a table lock on audit_events
  // that conflicts with itself and with every insert. It must be the transaction's first
  // statement: LOCK takes no snapshot, so in REPEATABLE READ the snapshot the rest of the
  // transaction reads is taken after the lock is granted and sees the chain's last record as
  // the previous holder committed it. An advisory lock taken by a SELECT would come too late
  // (that SELECT's snapshot predates the wait) and two writers would both append seq N+1.
  // Several writers, and later several servers, therefore append one at a time; nothing forks.
  static absl::Status LockChain(Connection& connection);
  // Appends `event` after the last record: assigns seq and hash (event_time as given). The
  // transaction must hold LockChain. `key` (may be null) keys the record.
  static absl::Status Append(Connection& connection, AuditEvent event, const AuditKey* key);
  // `query.after_id` is a decimal seq; records come in seq order.
  static absl::StatusOr<Page<AuditEvent>> List(Connection& connection, const ListQuery& query);
  // Recomputes the chain from the first record (Repository::VerifyAuditTrail).
  static absl::StatusOr<AuditVerification> Verify(Connection& connection,
                                                  const std::vector<AuditKey>& keys);
  // The key id of the last record ("" when unkeyed or none).
  static absl::StatusOr<std::string> LastKeyId(Connection& connection);
};

}  // namespace techmatch::storage::postgres

#endif  // TECHMATCH_STORAGE_POSTGRES_AUDIT_ROWS_H_
