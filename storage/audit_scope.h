// The audit record of the mutating call running on this thread, for storage to write inside the
// call's own transaction.
//
// Why ambient rather than a parameter of every write method: the server's guard opens a scope
// around each mutating call, and SqliteRepository::Write appends the record to whatever
// transaction commits the call's change. So every write path — including ones added later —
// is audited in the same transaction as its change without each handler and repository method
// having to remember to pass it along. A gRPC sync handler runs on one thread from start to
// end, which is what makes a thread-local scope exact.
#ifndef TECHMATCH_STORAGE_AUDIT_SCOPE_H_
#define TECHMATCH_STORAGE_AUDIT_SCOPE_H_

#include <string>

#include "core/auth/audit_event.h"

namespace techmatch::storage {

struct PendingAudit {
  // Who, what, request id; seq, time, outcome ("OK") and hash are filled when written, and the
  // resource when empty (the name of the record the transaction wrote).
  AuditEvent event;
  // SHA-256 of the request as received, when it carries a request_id (empty otherwise): stored
  // with the id, so that the id reused for a different request is refused (AIP-155).
  std::string request_hash;
  // Set once a transaction that carried the record has committed.
  bool recorded = false;
};

// Makes `pending` the current thread's audit record until destroyed. Scopes do not nest.
class AuditScope {
 public:
  explicit AuditScope(PendingAudit& pending);
  ~AuditScope();
  AuditScope(const AuditScope&) = delete;
  AuditScope& operator=(const AuditScope&) = delete;

  // The current thread's record, or nullptr outside any scope.
  static PendingAudit* Current();

 private:
  PendingAudit* previous_;
};

}  // namespace techmatch::storage

#endif  // TECHMATCH_STORAGE_AUDIT_SCOPE_H_
