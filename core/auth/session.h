// A signed-in user's session: an opaque token (`tms_<id>_<secret>`, core/auth/api_key.h) shown
// once, stored as its SHA-256, that ends when revoked, when its user is disabled, after
// `absolute` since sign-in or after `idle` without use.
#ifndef TECHMATCH_CORE_AUTH_SESSION_H_
#define TECHMATCH_CORE_AUTH_SESSION_H_

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"

namespace techmatch {

// Defaults documented in the README ("People"); the server's --session_idle and
// --session_lifetime flags change them.
struct SessionPolicy {
  absl::Duration idle = absl::Hours(2);
  absl::Duration absolute = absl::Hours(12);
  // last_use_time is written at most this often per session (the idle bound's precision).
  absl::Duration touch_every = absl::Minutes(1);
};

struct Session {
  std::string id;
  std::string user_id;
  std::string token_hash;  // 32 raw bytes of SHA-256(token)
  absl::Time create_time;
  absl::Time last_use_time;
  absl::Time expire_time;  // create_time + policy.absolute
  std::string client_address;
  std::optional<absl::Time> revoke_time;
};

// OK while `session` works at `now`; UNAUTHENTICATED saying why once it does not.
absl::Status CheckSessionLive(const Session& session, const SessionPolicy& policy, absl::Time now);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_AUTH_SESSION_H_
