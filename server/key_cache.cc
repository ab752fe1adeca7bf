#include "server/key_cache.h"

#include <optional>

#include "absl/strings/str_cat.h"

namespace techmatch::server {
namespace {

absl::StatusOr<Principal> Check(const ApiKey& key, absl::string_view token_hash) {
  if (!SecureEquals(key.token_hash, token_hash)) {
    return absl::UnauthenticatedError("unknown API key");
  }
  if (key.revoke_time) {
    return absl::UnauthenticatedError(absl::StrCat("API key ", key.key_id, " was revoked"));
  }
  return Principal{key.key_id, key.role, key.organization_id};
}

}  // namespace

absl::StatusOr<Principal> KeyCache::Authenticate(absl::string_view token) {
  const std::optional<std::string> key_id = ParseToken(token);
  if (!key_id) {
    return absl::UnauthenticatedError(
        "malformed API key: expected the one-line token `techmatch-server keys create` printed");
  }
  const std::string token_hash = Sha256(token);
  const absl::Time now = absl::Now();
  {
    absl::ReaderMutexLock lock(&mu_);
    auto it = entries_.find(*key_id);
    if (it != entries_.end() && now - it->second.checked < recheck_) {
      return Check(it->second.key, token_hash);
    }
  }
  // Not cached or due for a recheck: read the key outside the lock, so other calls go on.
  absl::StatusOr<std::optional<ApiKey>> stored = repository_.FindApiKey(*key_id);
  if (!stored.ok()) return stored.status();
  absl::MutexLock lock(&mu_);
  if (!stored->has_value()) {
    entries_.erase(*key_id);
    return absl::UnauthenticatedError("unknown API key");
  }
  Entry& entry = entries_[*key_id];
  entry.key = **std::move(stored);
  entry.checked = now;
  return Check(entry.key, token_hash);
}

}  // namespace techmatch::server
