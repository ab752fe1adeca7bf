// Long calls (imports, exports, MatchEvent, GenerateMeetingRequests, match watches) ask between
// units of work whether their client still waits, so that a passed deadline or a cancelled call
// stops the work instead of running on.
#ifndef TECHMATCH_SERVER_CALL_DEADLINE_H_
#define TECHMATCH_SERVER_CALL_DEADLINE_H_

#include <chrono>
#include <optional>

#include "absl/status/status.h"
#include "grpcpp/server_context.h"
#include "server/long_calls.h"
#include "usecases/call_state.h"

namespace techmatch::server {

// OK while the client waits; DEADLINE_EXCEEDED once the call's deadline has passed, CANCELLED
// when the client cancelled or went away, and the reason when the server ended the call (its
// credential revoked, its stream idle).
inline absl::Status CallStillWanted(const grpc::ServerContextBase& call) {
  // Ended by the server (server/long_calls.h): its reason, whether or not gRPC shows it yet.
  if (std::optional<absl::Status> ended = CurrentLongCallEnded()) return *ended;
  if (!call.IsCancelled()) return absl::OkStatus();
  if (std::chrono::system_clock::now() >= call.deadline()) {
    return absl::DeadlineExceededError("the call's deadline passed before it was done");
  }
  return absl::CancelledError("the client cancelled the call");
}

// The same for the use cases (usecases/call_state.h).
class GrpcCallState final : public usecases::CallState {
 public:
  explicit GrpcCallState(const grpc::ServerContextBase& call) : call_(call) {}
  absl::Status StillWanted() const override { return CallStillWanted(call_); }

 private:
  const grpc::ServerContextBase& call_;
};

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_CALL_DEADLINE_H_
