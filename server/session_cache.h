// Verifies session tokens (`tms_…`, core/auth/session.h) as server/key_cache.h verifies API
// keys, with the same hot path: a hash-map lookup and a constant-time comparison with the
// token last verified for that session, no database read or SHA-256. A cached session is read
// again (with its user, in one snapshot) once older than `recheck`, so a revocation or a user
// disabled by another process on the same file takes effect within that bound; this server's
// own revocations take effect at once (Forget, ForgetUser).
//
// Idle expiry: the stored last_use_time is advanced at most once per policy.touch_every, so the
// idle bound holds to that precision at the cost of one small write per session per interval.
#ifndef TECHMATCH_SERVER_SESSION_CACHE_H_
#define TECHMATCH_SERVER_SESSION_CACHE_H_

#include <functional>
#include <optional>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "core/auth/role.h"
#include "core/auth/session.h"
#include "core/auth/user.h"
#include "server/key_cache.h"
#include "storage/repository.h"

namespace techmatch::server {

class SessionCache {
 public:
  SessionCache(storage::Repository& repository, SessionPolicy policy,
               std::function<absl::Time()> clock, absl::Duration recheck = kDefaultKeyRecheck)
      : repository_(repository), policy_(policy), clock_(std::move(clock)), recheck_(recheck) {}

  // The principal `token` authenticates: its user's role, organization and region.
  // UNAUTHENTICATED for a malformed, unknown, revoked or expired token or a disabled user.
  absl::StatusOr<Principal> Authenticate(absl::string_view token);
  // Drops what is cached, so that the next call reads the stored state.
  void Forget(absl::string_view session_id);
  void ForgetUser(absl::string_view user_id);

 private:
  struct Entry {
    Session session;
    Principal principal;  // From the user, as of `checked`.
    UserState user_state = UserState::kActive;
    absl::Time checked;
    std::string verified_token;
  };

  // The principal of `entry` at `now`; `touch` says whether its last use is due to be stored.
  absl::StatusOr<Principal> Admit(const Entry& entry, absl::Time now, bool& touch) const;
  // Stores (and caches) that the session was used at `now`.
  void Touch(absl::string_view session_id, absl::Time now);
  // Reads the session again; nullopt when unknown.
  absl::StatusOr<std::optional<Entry>> Load(absl::string_view session_id, absl::Time now);

  storage::Repository& repository_;
  const SessionPolicy policy_;
  const std::function<absl::Time()> clock_;
  const absl::Duration recheck_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, Entry> entries_ ABSL_GUARDED_BY(mu_);
};

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_SESSION_CACHE_H_
