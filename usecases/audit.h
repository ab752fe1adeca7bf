// The audit trail (AuditService): reading the records every mutating call leaves. Writing them
// is the server's guard's part, around every call.
#ifndef TECHMATCH_USECASES_AUDIT_H_
#define TECHMATCH_USECASES_AUDIT_H_

#include "absl/status/statusor.h"
#include "core/auth/audit_event.h"
#include "storage/repository.h"
#include "usecases/lists.h"
#include "usecases/page_tokens.h"

namespace techmatch::usecases {

class AuditTrail {
 public:
  AuditTrail(storage::Repository& repository, const PageTokenCodec& tokens)
      : repository_(repository), tokens_(tokens) {}

  absl::StatusOr<ListPage<AuditEvent>> List(const ListRequest& request);

 private:
  storage::Repository& repository_;
  const PageTokenCodec& tokens_;
};

}  // namespace techmatch::usecases

#endif  // TECHMATCH_USECASES_AUDIT_H_
