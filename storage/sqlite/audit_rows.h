// SQL for the audit trail: appending to the hash chain, listing, verifying.
#ifndef TECHMATCH_STORAGE_SQLITE_AUDIT_ROWS_H_
#define TECHMATCH_STORAGE_SQLITE_AUDIT_ROWS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/auth/audit_event.h"
#include "core/common/paging.h"
#include "storage/repository.h"
#include "storage/sqlite/connection.h"
#include "storage/sqlite/sql_filter.h"

namespace techmatch::storage::sqlite {

struct AuditRows {
  // Appends `event` after the last record: assigns seq and hash (event_time as given). Must run
  // inside a write transaction, which is what keeps the chain linear across processes.
  // `key` (may be null) keys the record.
  static absl::Status Append(Connection& connection, AuditEvent event, const AuditKey* key);
  // `query.after_id` is a decimal seq; records come in seq order.
  static absl::StatusOr<Page<AuditEvent>> List(Connection& connection, const ListQuery& query);
  // Recomputes the chain from the first record (Repository::VerifyAuditTrail).
  static absl::StatusOr<AuditVerification> Verify(Connection& connection,
                                                  const std::vector<AuditKey>& keys);
  // The key id of the last record ("" when unkeyed or none).
  static std::string LastKeyId(Connection& connection);
};

}  // namespace techmatch::storage::sqlite

#endif  // TECHMATCH_STORAGE_SQLITE_AUDIT_ROWS_H_
