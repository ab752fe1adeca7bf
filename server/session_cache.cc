#include "server/session_cache.h"

#include <optional>
#include <utility>

#include "core/auth/api_key.h"
#include "spdlog/spdlog.h"

namespace techmatch::server {

absl::StatusOr<Principal> SessionCache::Admit(const Entry& entry, absl::Time now,
                                              bool& touch) const {
  if (entry.user_state != UserState::kActive) {
    return absl::UnauthenticatedError("the user is disabled");
  }
  if (absl::Status live = CheckSessionLive(entry.session, policy_, now); !live.ok()) return live;
  touch = now - entry.session.last_use_time >= policy_.touch_every;
  return entry.principal;
}

void SessionCache::Touch(absl::string_view session_id, absl::Time now) {
  {
    absl::MutexLock lock(&mu_);
    auto it = entries_.find(session_id);
    if (it != entries_.end()) it->second.session.last_use_time = now;
  }
  if (absl::Status touched = repository_.TouchSession(session_id, now); !touched.ok()) {
    spdlog::warn("cannot record the use of session {}: {}", std::string(session_id),
                 touched.ToString());
  }
}

absl::StatusOr<std::optional<SessionCache::Entry>> SessionCache::Load(absl::string_view session_id,
                                                                      absl::Time now) {
  absl::StatusOr<std::optional<storage::Repository::SessionAndUser>> stored =
      repository_.FindSession(session_id);
  if (!stored.ok()) return stored.status();
  if (!stored->has_value()) return std::nullopt;
  storage::Repository::SessionAndUser& found = **stored;
  Entry entry;
  entry.session = std::move(found.session);
  entry.principal.role = found.user.role;
  entry.principal.organization_id = found.user.organization_id;
  entry.principal.region_code = found.user.region_code;
  entry.principal.user_id = found.user.meta.id;
  entry.principal.session_id = entry.session.id;
  entry.user_state = found.user.state;
  entry.checked = now;
  return entry;
}

absl::StatusOr<Principal> SessionCache::Authenticate(absl::string_view token) {
  const absl::Time now = clock_();
  bool touch = false;
  std::optional<absl::StatusOr<Principal>> hit;
  {
    // The hot path, as KeyCache's: a token equal to one verified before, checked recently;
    // only the principal is copied.
    absl::ReaderMutexLock lock(&mu_);
    auto it = entries_.find(UncheckedKeyId(token, kSessionTokenPrefix));
    if (it != entries_.end() && now - it->second.checked < recheck_ &&
        SecureEquals(it->second.verified_token, token)) {
      hit = Admit(it->second, now, touch);
    }
  }
  if (hit) {
    if (touch && hit->ok()) Touch(hit->value().session_id, now);
    return *std::move(hit);
  }
  const std::optional<std::string> id = ParseToken(token, kSessionTokenPrefix);
  if (!id) return absl::UnauthenticatedError("malformed session token: sign in again");
  absl::StatusOr<std::optional<Entry>> loaded = Load(*id, now);
  if (!loaded.ok()) return loaded.status();
  if (!loaded->has_value()) {
    Forget(*id);
    return absl::UnauthenticatedError("unknown session: sign in");
  }
  Entry& entry = **loaded;
  if (!SecureEquals(entry.session.token_hash, Sha256(token))) {
    return absl::UnauthenticatedError("unknown session: sign in");
  }
  entry.verified_token = std::string(token);
  absl::StatusOr<Principal> principal = Admit(entry, now, touch);
  {
    absl::MutexLock lock(&mu_);
    entries_[*id] = std::move(entry);
  }
  if (touch && principal.ok()) Touch(*id, now);
  return principal;
}

void SessionCache::Forget(absl::string_view session_id) {
  absl::MutexLock lock(&mu_);
  entries_.erase(session_id);
}

void SessionCache::ForgetUser(absl::string_view user_id) {
  absl::MutexLock lock(&mu_);
  absl::erase_if(entries_,
                 [&](const auto& pair) { return pair.second.principal.user_id == user_id; });
}

}  // namespace techmatch::server
