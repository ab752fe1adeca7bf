// Verifies bearer tokens against the stored API keys, keeping verified keys in memory so that
// the hot path is a hash-map lookup and a constant-time comparison with the token last
// verified for that key, not a database read or a SHA-256.
//
// A cached key is read again from the database once it is older than `recheck`, so a
// `techmatch-server keys revoke` run by another process on the same file takes effect within
// that bound (100 ms by default) without any signal to the server.
#ifndef TECHMATCH_SERVER_KEY_CACHE_H_
#define TECHMATCH_SERVER_KEY_CACHE_H_

#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "core/auth/api_key.h"
#include "core/auth/role.h"
#include "storage/repository.h"

namespace techmatch::server {

inline constexpr absl::Duration kDefaultKeyRecheck = absl::Milliseconds(100);

class KeyCache {
 public:
  explicit KeyCache(storage::Repository& repository, absl::Duration recheck = kDefaultKeyRecheck)
      : repository_(repository), recheck_(recheck) {}

  // The principal `token` authenticates; UNAUTHENTICATED for a malformed, unknown or revoked
  // token (INTERNAL when the keys cannot be read).
  absl::StatusOr<Principal> Authenticate(absl::string_view token);
  // OK while the key still works (for open streams); read again after `recheck`.
  absl::Status StillValid(absl::string_view key_id);

 private:
  struct Entry {
    ApiKey key;
    absl::Time checked;
    // The token whose SHA-256 matched key.token_hash, kept so that later calls with the same
    // token compare bytes instead of hashing again (the server holds each call's token in
    // memory anyway); empty until one matched.
    std::string verified_token;
  };

  storage::Repository& repository_;
  const absl::Duration recheck_;
  absl::Mutex mu_;
  // By key id; unknown ids are not kept, so the map holds at most the stored keys.
  absl::flat_hash_map<std::string, Entry> entries_ ABSL_GUARDED_BY(mu_);
};

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_KEY_CACHE_H_
