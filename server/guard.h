// The one gate every RPC passes through (via Handle in server/handler.h): authenticates the
// bearer token, authorizes the method by its rule (core/auth/permissions.h, deny by default),
// and records mutating calls in the audit trail.
#ifndef TECHMATCH_SERVER_GUARD_H_
#define TECHMATCH_SERVER_GUARD_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/auth/role.h"
#include "google/protobuf/message.h"
#include "grpcpp/server_context.h"
#include "server/key_cache.h"
#include "server/long_calls.h"
#include "storage/audit_scope.h"
#include "storage/repository.h"

namespace techmatch::server {

class Guard {
 public:
  explicit Guard(storage::Repository& repository, LongCallLimits long_calls = {})
      : repository_(repository),
        keys_(repository),
        long_calls_(long_calls, [this](absl::string_view token) {
          return keys_.Authenticate(token).status();
        }) {}

  // Who the call runs as, from its `authorization: Bearer <token>` metadata: UNAUTHENTICATED
  // for a missing, malformed, unknown or revoked token. Whether the role may call the method
  // is decided next by Authorize (core/auth/permissions.h), before anything else is looked up,
  // so a refusal never depends on whether the target exists.
  absl::StatusOr<Principal> Authenticate(const grpc::ServerContext& context);

  // For a long call (server/long_calls.h) of `principal`, already authorized: its place among
  // the principal's long calls, RESOURCE_EXHAUSTED when it has its share open; nullptr for a
  // short call.
  absl::StatusOr<std::unique_ptr<LongCalls::Ticket>> AdmitLongCall(
      const Principal& principal, const google::protobuf::MethodDescriptor& method,
      grpc::ServerContext& context);

  // The long calls in progress: EndCallsOf ends a credential's streams.
  LongCalls& long_calls() { return long_calls_; }

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
  // After keys_, which its watchdog uses; goes first.
  LongCalls long_calls_;
};

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_GUARD_H_
