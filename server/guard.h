// The one gate every RPC passes through (via Handle in server/handler.h): authenticates the
// bearer token, authorizes the method by its rule (core/auth/permissions.h, deny by default),
// and records mutating calls in the audit trail.
#ifndef TECHMATCH_SERVER_GUARD_H_
#define TECHMATCH_SERVER_GUARD_H_

#include <functional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/clock.h"
#include "core/auth/permissions.h"
#include "core/auth/role.h"
#include "core/auth/session.h"
#include "google/protobuf/message.h"
#include "grpcpp/server_context.h"
#include "server/key_cache.h"
#include "server/session_cache.h"
#include "storage/audit_scope.h"
#include "storage/repository.h"

namespace techmatch::server {

class Guard {
 public:
  explicit Guard(
      storage::Repository& repository, SessionPolicy sessions = {},
      std::function<absl::Time()> clock = [] { return absl::Now(); })
      : repository_(repository), keys_(repository), sessions_(repository, sessions, clock) {}

  // Who the call runs as, from its `authorization: Bearer <token>` metadata: an API key
  // (`tm_…`) or a signed-in user's session (`tms_…`), verified the same way at the same cost.
  // UNAUTHENTICATED for a missing, malformed, unknown, revoked or expired token. Whether the
  // role may call the method is decided next by Authorize (core/auth/permissions.h), before
  // anything else is looked up, so a refusal never depends on whether the target exists.
  absl::StatusOr<Principal> Authenticate(const grpc::ServerContext& context);
  // Authenticate, except for the doors without credentials (`rule->open`): those run as an
  // anonymous principal whatever the call carries.
  absl::StatusOr<Principal> Identify(const grpc::ServerContext& context, const MethodRule* rule);

  // OK while the credential `principal` came with still works: open streams ask between
  // messages, so a revoked key or session, or a disabled user, ends them within the recheck
  // bound (100 ms) plus the stream's poll interval.
  absl::Status StillValid(const Principal& principal);

  // This server's own revocations and disabled users take effect at once.
  SessionCache& sessions() { return sessions_; }

  // The audit record a call starts with: who, which method, the request's id and the resource
  // it names (read from the request's `name`, `<resource>.name` or `request_id` fields when
  // present; `request` may be nullptr for client streams).
  static storage::PendingAudit StartAudit(const Principal* principal, absl::string_view method,
                                          const google::protobuf::Message* request);
  // Appends `pending` with `outcome` as a record of its own (for calls whose change, if any,
  // did not commit with it). A failure to write it is logged.
  void RecordAlone(storage::PendingAudit& pending, const absl::Status& outcome);

 private:
  storage::Repository& repository_;
  KeyCache keys_;
  SessionCache sessions_;
};

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_GUARD_H_
