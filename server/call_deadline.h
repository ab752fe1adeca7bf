// Long calls (imports, exports, MatchEvent) ask between units of work whether their client still
// waits, so that a passed deadline or a cancelled call stops the work instead of running on.
#ifndef TECHMATCH_SERVER_CALL_DEADLINE_H_
#define TECHMATCH_SERVER_CALL_DEADLINE_H_

#include <chrono>

#include "absl/status/status.h"
#include "grpcpp/server_context.h"

namespace techmatch::server {

// OK while the client waits; DEADLINE_EXCEEDED once the call's deadline has passed, CANCELLED
// when the client cancelled or went away.
inline absl::Status CallStillWanted(const grpc::ServerContextBase& call) {
  if (!call.IsCancelled()) return absl::OkStatus();
  if (std::chrono::system_clock::now() >= call.deadline()) {
    return absl::DeadlineExceededError("the call's deadline passed before it was done");
  }
  return absl::CancelledError("the client cancelled the call");
}

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_CALL_DEADLINE_H_
