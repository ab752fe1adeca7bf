#include "core/auth/session.h"

namespace techmatch {

absl::Status CheckSessionLive(const Session& session, const SessionPolicy& policy, absl::Time now) {
  if (session.revoke_time) return absl::UnauthenticatedError("the session has ended: sign in");
  if (now >= session.expire_time) return absl::UnauthenticatedError("the session expired: sign in");
  if (now - session.last_use_time >= policy.idle) {
    return absl::UnauthenticatedError("the session expired after being idle: sign in");
  }
  return absl::OkStatus();
}

}  // namespace techmatch
