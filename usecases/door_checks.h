// The checks every door without credentials (CreateSession, AcceptInvitation,
// SubmitApplication) shares: refusing a throttled key with when it is let in again.
#ifndef TECHMATCH_USECASES_DOOR_CHECKS_H_
#define TECHMATCH_USECASES_DOOR_CHECKS_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/auth/sign_in_throttle.h"

namespace techmatch::usecases {

// RESOURCE_EXHAUSTED saying `what` is locked and until when, while `key` is locked out of
// `throttle`; OK otherwise. An empty key is never throttled (no address known).
absl::Status CheckNotThrottled(AttemptThrottle& throttle, absl::string_view key,
                               absl::string_view what, absl::Time now);

}  // namespace techmatch::usecases

#endif  // TECHMATCH_USECASES_DOOR_CHECKS_H_
