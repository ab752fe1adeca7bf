#include "core/auth/sign_in_throttle.h"

namespace techmatch {

std::optional<absl::Time> AttemptThrottle::LockedUntil(absl::string_view key, absl::Time now) {
  absl::MutexLock lock(&mu_);
  auto it = entries_.find(key);
  if (it == entries_.end() || it->second.locked_until <= now) return std::nullopt;
  return it->second.locked_until;
}

void AttemptThrottle::Record(absl::string_view key, absl::Time now) {
  absl::MutexLock lock(&mu_);
  if (entries_.size() >= max_keys_) Prune(now);
  Entry& entry = entries_[key];
  while (!entry.attempts.empty() && now - entry.attempts.front() >= limits_.window) {
    entry.attempts.pop_front();
  }
  entry.attempts.push_back(now);
  if (static_cast<int>(entry.attempts.size()) >= limits_.max_attempts) {
    entry.locked_until = now + limits_.lockout;
    entry.attempts.clear();
  }
}

void AttemptThrottle::Reset(absl::string_view key) {
  absl::MutexLock lock(&mu_);
  entries_.erase(key);
}

void AttemptThrottle::Prune(absl::Time now) {
  absl::erase_if(entries_, [&](const auto& pair) {
    const Entry& entry = pair.second;
    return entry.locked_until <= now &&
           (entry.attempts.empty() || now - entry.attempts.back() >= limits_.window);
  });
  // Still full (an attack from many keys at once): forget the oldest state wholesale rather
  // than grow without bound.
  if (entries_.size() >= max_keys_) entries_.clear();
}

}  // namespace techmatch
