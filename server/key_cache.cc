#include "server/key_cache.h"

#include <optional>

#include "absl/strings/str_cat.h"

namespace techmatch::server {
namespace {

// The principal of a key whose token matched: UNAUTHENTICATED once it is revoked or expired.
absl::StatusOr<Principal> Admit(const ApiKey& key, absl::Time now) {
  if (key.revoke_time) {
    return absl::UnauthenticatedError(absl::StrCat("API key ", key.key_id, " was revoked"));
  }
  if (key.expire_time && now >= *key.expire_time) {
    return absl::UnauthenticatedError(absl::StrCat("API key ", key.key_id, " expired"));
  }
  Principal principal;
  principal.key_id = key.key_id;
  principal.role = key.role;
  principal.organization_id = key.organization_id;
  principal.region_code = key.region_code;
  return principal;
}

}  // namespace

absl::StatusOr<Principal> KeyCache::Authenticate(absl::string_view token) {
  const absl::Time now = absl::Now();
  {
    // The hot path, before parsing: a token equal byte for byte to one verified before (so
    // well-formed) for a key checked within recheck_; no copy of the key id is made.
    absl::ReaderMutexLock lock(&mu_);
    auto it = entries_.find(UncheckedKeyId(token));
    if (it != entries_.end() && now - it->second.checked < recheck_ &&
        SecureEquals(it->second.verified_token, token)) {
      return Admit(it->second.key, now);
    }
  }
  const std::optional<std::string> key_id = ParseToken(token);
  if (!key_id) {
    return absl::UnauthenticatedError(
        "malformed API key: expected the one-line token `techmatch-server keys create` printed");
  }
  std::optional<ApiKey> key;
  {
    absl::ReaderMutexLock lock(&mu_);
    auto it = entries_.find(*key_id);
    if (it != entries_.end() && now - it->second.checked < recheck_) {
      // Verified by another call since the look-up above.
      if (SecureEquals(it->second.verified_token, token)) return Admit(it->second.key, now);
      key = it->second.key;
    }
  }
  // Not cached or due for a recheck: read the key outside the lock, so other calls go on.
  const bool reread = !key.has_value();
  if (reread) {
    absl::StatusOr<std::optional<ApiKey>> stored = repository_.FindApiKey(*key_id);
    if (!stored.ok()) return stored.status();
    if (!stored->has_value()) {
      absl::MutexLock lock(&mu_);
      entries_.erase(*key_id);
      return absl::UnauthenticatedError("unknown API key");
    }
    key = **std::move(stored);
  }
  const bool matches = SecureEquals(key->token_hash, Sha256(token));
  {
    absl::MutexLock lock(&mu_);
    Entry& entry = entries_[*key_id];
    if (reread) {
      entry.key = *key;
      entry.checked = now;
    }
    if (matches) entry.verified_token = std::string(token);
  }
  if (!matches) return absl::UnauthenticatedError("unknown API key");
  return Admit(*key, now);
}

}  // namespace techmatch::server
