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
  // Stages `event` (event_time as given) in the caller's transaction, which needs no lock: the
  // record joins the chain when a later Link runs (storage/postgres/audit_linker.h).
  static absl::Status Stage(Connection& connection, const AuditEvent& event);
  // Takes the chain's lock, held to the end of the transaction: a table lock on audit_events
  // that conflicts with itself and with every insert. It must be the transaction's first
  // statement: LOCK takes no snapshot, so in REPEATABLE READ the snapshot the rest of the
  // transaction reads is taken after the lock is granted and sees the chain's last record and
  // the staged records as the previous holder left them. An advisory lock taken by a SELECT
  // would come too late (that SELECT's snapshot predates the wait) and two linkers would both
  // append seq N+1. Linkers, on one server or several, therefore append one at a time.
  static absl::Status LockChain(Connection& connection);
  // Moves up to `limit` staged records, oldest first, onto the end of the chain: assigns seq
  // and hash, keyed by `key` (may be null). The transaction must hold LockChain. Returns how
  // many were linked (fewer than `limit`: none are left).
  static absl::StatusOr<int> Link(Connection& connection, const AuditKey* key, int limit);
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
