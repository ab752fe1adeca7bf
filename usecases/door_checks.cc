#include "usecases/door_checks.h"

#include "absl/strings/str_cat.h"

namespace techmatch::usecases {

absl::Status CheckNotThrottled(AttemptThrottle& throttle, absl::string_view key,
                               absl::string_view what, absl::Time now) {
  if (key.empty()) return absl::OkStatus();
  const std::optional<absl::Time> until = throttle.LockedUntil(key, now);
  if (!until) return absl::OkStatus();
  return absl::ResourceExhaustedError(absl::StrCat(
      what, " until ", absl::FormatTime(absl::RFC3339_sec, *until, absl::UTCTimeZone()), " (",
      absl::ToInt64Seconds(*until - now) + 1, " s)"));
}

}  // namespace techmatch::usecases
