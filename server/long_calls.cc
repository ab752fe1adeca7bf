#include "server/long_calls.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "grpc/grpc.h"
#include "spdlog/spdlog.h"

namespace techmatch::server {
namespace {

thread_local const LongCalls::Ticket* current_ticket = nullptr;

}  // namespace

struct LongCalls::Open {
  std::string key_id;
  std::string token;
  LongCallKind kind;
  grpc::ServerContext* context;
  // When the stream last delivered a message (or was admitted), in absl::ToUnixNanos.
  std::atomic<int64_t> last_message;
  // Set with `ended`, so that a look from the call's own thread costs no lock.
  std::atomic<bool> was_ended{false};
  std::optional<absl::Status> ended ABSL_GUARDED_BY(LongCalls::mu_);
};

std::optional<LongCallKind> LongCallKindOf(const google::protobuf::MethodDescriptor& method) {
  if (method.client_streaming()) return LongCallKind::kClientStream;
  if (method.name() == "WatchMatches") return LongCallKind::kWatch;
  if (method.server_streaming() || method.name() == "GenerateMeetingRequests" ||
      method.name() == "ScheduleMeetings") {
    return LongCallKind::kCall;
  }
  return std::nullopt;
}

absl::Status ValidateLongCallLimits(const LongCallLimits& limits) {
  if (limits.max_per_principal <= 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--max_long_calls_per_principal must be positive, got ", limits.max_per_principal));
  }
  if (limits.max_watches_per_principal <= 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--max_watches_per_principal must be positive, got ", limits.max_watches_per_principal));
  }
  if (limits.stream_idle <= absl::ZeroDuration()) {
    return absl::InvalidArgumentError("--stream_idle_ms must be positive");
  }
  return absl::OkStatus();
}

LongCalls::LongCalls(LongCallLimits limits, CredentialCheck check)
    : limits_(limits), check_(std::move(check)), watchdog_([this] { Watch(); }) {}

LongCalls::~LongCalls() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  watchdog_.join();
}

absl::StatusOr<std::unique_ptr<LongCalls::Ticket>> LongCalls::Admit(const Principal& principal,
                                                                    absl::string_view token,
                                                                    LongCallKind kind,
                                                                    grpc::ServerContext& context) {
  absl::MutexLock lock(&mu_);
  absl::flat_hash_set<Open*>& mine = open_[principal.key_id];
  int watches = 0;
  for (const Open* open : mine) watches += open->kind == LongCallKind::kWatch ? 1 : 0;
  absl::Status refused;
  if (static_cast<int>(mine.size()) >= limits_.max_per_principal) {
    refused = absl::ResourceExhaustedError(absl::StrCat(
        "API key ", principal.key_id, " already has ", mine.size(),
        " long calls open (streams, MatchEvent, meeting generation and scheduling), the most "
        "one key may have at once; finish one first"));
  } else if (kind == LongCallKind::kWatch && watches >= limits_.max_watches_per_principal) {
    refused = absl::ResourceExhaustedError(
        absl::StrCat("API key ", principal.key_id, " already has ", watches,
                     " WatchMatches streams open, the most one key may have at once"));
  }
  if (!refused.ok()) {
    if (mine.empty()) open_.erase(principal.key_id);
    return refused;
  }
  auto* open = new Open{
      principal.key_id, std::string(token), kind, &context, absl::ToUnixNanos(absl::Now()), false,
      std::nullopt};
  mine.insert(open);
  return std::unique_ptr<Ticket>(new Ticket(*this, open));
}

void LongCalls::Close(Open* open) {
  {
    absl::MutexLock lock(&mu_);
    auto it = open_.find(open->key_id);
    if (it != open_.end()) {
      it->second.erase(open);
      if (it->second.empty()) open_.erase(it);
    }
  }
  delete open;
}

void LongCalls::End(Open& open, const absl::Status& reason) {
  if (open.ended.has_value()) return;
  open.ended = reason;
  open.was_ended.store(true);
  // Cancelling with a status sends it to the client as the call's status and ends any Read or
  // Write the handler is blocked in; the handler sees a cancelled call.
  const std::string message(reason.message());
  grpc_call_cancel_with_status(open.context->c_call(), static_cast<grpc_status_code>(reason.code()),
                               message.c_str(), nullptr);
}

void LongCalls::EndCallsOf(absl::string_view key_id, const absl::Status& reason) {
  absl::MutexLock lock(&mu_);
  auto it = open_.find(key_id);
  if (it == open_.end()) return;
  for (Open* open : it->second) End(*open, reason);
}

void LongCalls::Watch() {
  for (;;) {
    std::vector<std::pair<std::string, std::string>> credentials;  // key id, token
    {
      absl::MutexLock lock(&mu_);
      if (mu_.AwaitWithTimeout(absl::Condition(&stopping_), limits_.check_interval)) return;
      const absl::Time idle_since = absl::Now() - limits_.stream_idle;
      for (auto& [key_id, opens] : open_) {
        credentials.emplace_back(key_id, (*opens.begin())->token);
        for (Open* open : opens) {
          if (open->kind != LongCallKind::kClientStream) continue;
          if (absl::FromUnixNanos(open->last_message.load()) >= idle_since) continue;
          End(*open,
              absl::DeadlineExceededError(absl::StrCat(
                  "the stream sent no message for ", absl::FormatDuration(limits_.stream_idle),
                  " and was ended (--stream_idle_ms); send rows without pausing, "
                  "or close the stream and start another")));
        }
      }
    }
    // Outside the lock: a check may read the database.
    for (const auto& [key_id, token] : credentials) {
      const absl::Status valid = check_(token);
      if (valid.ok()) continue;
      if (valid.code() != absl::StatusCode::kUnauthenticated) {
        // The keys could not be read: not a reason to end anyone's calls.
        spdlog::warn("cannot recheck API key {}: {}", key_id, valid.ToString());
        continue;
      }
      EndCallsOf(key_id, valid);
    }
  }
}

LongCalls::Ticket::~Ticket() { calls_.Close(open_); }

std::optional<absl::Status> LongCalls::Ticket::ended() const {
  if (!open_->was_ended.load()) return std::nullopt;
  absl::MutexLock lock(&calls_.mu_);
  return open_->ended;
}

void LongCalls::Ticket::Touch() const { open_->last_message.store(absl::ToUnixNanos(absl::Now())); }

CurrentLongCall::CurrentLongCall(const LongCalls::Ticket* ticket) : previous_(current_ticket) {
  current_ticket = ticket;
}

CurrentLongCall::~CurrentLongCall() { current_ticket = previous_; }

void NoteMessageReceived() {
  if (current_ticket != nullptr) current_ticket->Touch();
}

std::optional<absl::Status> CurrentLongCallEnded() {
  if (current_ticket == nullptr) return std::nullopt;
  return current_ticket->ended();
}

}  // namespace techmatch::server
