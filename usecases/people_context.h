// What the people use cases (users, sessions, registrations) share: the clock (injectable so
// tests can move time), the session policy and the throttles of the three doors that take no
// credentials. The numbers are documented in the README ("People").
#ifndef TECHMATCH_USECASES_PEOPLE_CONTEXT_H_
#define TECHMATCH_USECASES_PEOPLE_CONTEXT_H_

#include <functional>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "core/auth/invitation.h"
#include "core/auth/session.h"
#include "core/auth/sign_in_throttle.h"

namespace techmatch::usecases {

using Clock = std::function<absl::Time()>;

struct PeopleOptions {
  SessionPolicy sessions;
  absl::Duration invitation_lifetime = kDefaultInvitationLifetime;
  Clock clock = [] { return absl::Now(); };
};

struct PeopleContext {
  explicit PeopleContext(PeopleOptions options) : options(std::move(options)) {}

  absl::Time Now() const { return options.clock(); }

  PeopleOptions options;
  // Failed sign-ins per account (by email, known or not, so a lock reveals nothing).
  AttemptThrottle sign_in_by_account{{/*max_attempts=*/5, absl::Minutes(15), absl::Minutes(15)}};
  // Failed sign-ins per client address.
  AttemptThrottle sign_in_by_address{{/*max_attempts=*/20, absl::Minutes(15), absl::Minutes(15)}};
  // Failed invitation acceptances (bad or used codes) per client address.
  AttemptThrottle accept_by_address{{/*max_attempts=*/10, absl::Minutes(15), absl::Minutes(15)}};
  // Applications submitted per client address and per contact email.
  AttemptThrottle applications_by_address{{/*max_attempts=*/5, absl::Hours(1), absl::Hours(1)}};
  AttemptThrottle applications_by_email{{/*max_attempts=*/3, absl::Hours(24), absl::Hours(24)}};
};

}  // namespace techmatch::usecases

#endif  // TECHMATCH_USECASES_PEOPLE_CONTEXT_H_
