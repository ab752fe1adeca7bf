// The long calls in progress (streams, matching a whole event, scheduling): each holds a sync
// thread while it lasts, so each principal may hold only a few at once, a client stream that
// sends nothing is ended, and a credential that stops being valid ends every call it opened.
//
// Guarded (server/handler.h) admits every long call here after authorization and before its
// body; the body runs with the call as its thread's current long call, so a stream reader
// reports each message it receives (NoteMessageReceived) without being handed the ticket.
//
// A watchdog thread wakes every `check_interval`: it re-authenticates the token of every
// principal with a call open (the key cache rereads a key older than its recheck bound, so a
// `techmatch-server keys revoke` from another process is seen within that bound), and ends
// client streams idle longer than `stream_idle`. Ending a call cancels it in gRPC with the
// reason as its status, which also wakes a handler blocked reading the client's next message.
#ifndef TECHMATCH_SERVER_LONG_CALLS_H_
#define TECHMATCH_SERVER_LONG_CALLS_H_

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "core/auth/role.h"
#include "google/protobuf/descriptor.h"
#include "grpcpp/server_context.h"

namespace techmatch::server {

struct LongCallLimits {
  // Long calls (streams, MatchEvent, GenerateMeetingRequests, ScheduleMeetings) one principal
  // may have open at once; one more is refused with RESOURCE_EXHAUSTED.
  int max_per_principal = 8;
  // Of those, WatchMatches streams.
  int max_watches_per_principal = 4;
  // A client stream (an import) that sends no message for this long is ended with
  // DEADLINE_EXCEEDED saying so.
  absl::Duration stream_idle = absl::Seconds(30);
  // How often open calls' credentials and idle streams are checked.
  absl::Duration check_interval = absl::Milliseconds(50);
};

// INVALID_ARGUMENT naming the first limit that is not positive.
absl::Status ValidateLongCallLimits(const LongCallLimits& limits);

enum class LongCallKind {
  kCall,          // a unary call or a server stream: runs until its work is done
  kWatch,         // WatchMatches
  kClientStream,  // an import: ended when idle
};

// What kind of long call `method` is: every streaming method, and the unary methods that work
// through a whole event (MatchEvent streams; GenerateMeetingRequests, ScheduleMeetings); nullopt
// for a short call.
std::optional<LongCallKind> LongCallKindOf(const google::protobuf::MethodDescriptor& method);

class LongCalls {
 public:
  // OK while `token` still authenticates its principal; the status to end its calls with
  // otherwise (UNAUTHENTICATED for a revoked key).
  using CredentialCheck = std::function<absl::Status(absl::string_view token)>;

  class Ticket;

  LongCalls(LongCallLimits limits, CredentialCheck check);
  ~LongCalls();

  LongCalls(const LongCalls&) = delete;
  LongCalls& operator=(const LongCalls&) = delete;

  // Registers the call `context` of `principal` (authenticated by `token`): RESOURCE_EXHAUSTED
  // when the principal already has its share open. The call is open until the ticket goes.
  absl::StatusOr<std::unique_ptr<Ticket>> Admit(const Principal& principal, absl::string_view token,
                                                LongCallKind kind, grpc::ServerContext& context);

  // Ends every open call of key `key_id` with `reason` (its code and message reach the client).
  // What revoking a key, ending a session or disabling a user calls.
  void EndCallsOf(absl::string_view key_id, const absl::Status& reason);

  const LongCallLimits& limits() const { return limits_; }

 private:
  struct Open;
  friend class Ticket;

  void Close(Open* open);
  void End(Open& open, const absl::Status& reason) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void Watch();

  const LongCallLimits limits_;
  const CredentialCheck check_;
  absl::Mutex mu_;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  // Open calls by key id.
  absl::flat_hash_map<std::string, absl::flat_hash_set<Open*>> open_ ABSL_GUARDED_BY(mu_);
  std::thread watchdog_;
};

// One admitted call; closing it (destroying the ticket) frees its place.
class LongCalls::Ticket {
 public:
  ~Ticket();
  Ticket(const Ticket&) = delete;
  Ticket& operator=(const Ticket&) = delete;

  // Why the call was ended from here (revoked, idle), or nullopt.
  std::optional<absl::Status> ended() const;
  // The client stream delivered a message: it is not idle.
  void Touch() const;

 private:
  friend class LongCalls;
  Ticket(LongCalls& calls, Open* open) : calls_(calls), open_(open) {}
  LongCalls& calls_;
  Open* open_;
};

// The thread's current long call for the lifetime of the scope (sync handlers run their body on
// the thread that admitted the call).
class CurrentLongCall {
 public:
  explicit CurrentLongCall(const LongCalls::Ticket* ticket);
  ~CurrentLongCall();
  CurrentLongCall(const CurrentLongCall&) = delete;
  CurrentLongCall& operator=(const CurrentLongCall&) = delete;

 private:
  const LongCalls::Ticket* previous_;
};

// A client stream's reader received a message: the thread's current long call is not idle.
void NoteMessageReceived();

// Why the thread's current long call was ended from here, or nullopt (also with none).
std::optional<absl::Status> CurrentLongCallEnded();

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_LONG_CALLS_H_
