// Counting attempts per key (an account's email, a client address) in a sliding window, and
// locking a key out for a while once it has too many. In memory: a restart forgets the counts,
// which only ever helps an attacker by one window; the numbers are in the README ("People").
#ifndef TECHMATCH_CORE_AUTH_SIGN_IN_THROTTLE_H_
#define TECHMATCH_CORE_AUTH_SIGN_IN_THROTTLE_H_

#include <cstddef>
#include <deque>
#include <optional>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace techmatch {

struct ThrottleLimits {
  int max_attempts = 5;  // Within `window`; the next one is refused.
  absl::Duration window = absl::Minutes(15);
  absl::Duration lockout = absl::Minutes(15);
};

class AttemptThrottle {
 public:
  explicit AttemptThrottle(ThrottleLimits limits, size_t max_keys = 100000)
      : limits_(limits), max_keys_(max_keys) {}

  // When `key` is locked out at `now`: the time it is let in again.
  std::optional<absl::Time> LockedUntil(absl::string_view key, absl::Time now);
  // Counts an attempt of `key` at `now`; the max_attempts-th within the window locks it out.
  void Record(absl::string_view key, absl::Time now);
  // Forgets `key`'s attempts (a successful sign-in).
  void Reset(absl::string_view key);

  const ThrottleLimits& limits() const { return limits_; }

 private:
  struct Entry {
    std::deque<absl::Time> attempts;
    absl::Time locked_until = absl::InfinitePast();
  };
  // Drops keys with nothing within the window and no lock, once the map is full.
  void Prune(absl::Time now) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const ThrottleLimits limits_;
  const size_t max_keys_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, Entry> entries_ ABSL_GUARDED_BY(mu_);
};

}  // namespace techmatch

#endif  // TECHMATCH_CORE_AUTH_SIGN_IN_THROTTLE_H_
