// API key tokens: what a client sends, what the server stores.
//
// A token reads `tm_<key id>_<secret>`: the key id is 16 hex digits (64 random bits, public:
// lists and the audit trail name it), the secret 64 hex digits (256 random bits from OpenSSL's
// RAND_bytes). Only SHA-256 of the whole token is stored. A salted slow hash would add nothing:
// the token is random, not a password a person chose, so its hash cannot be guessed backwards.
#ifndef TECHMATCH_CORE_AUTH_API_KEY_H_
#define TECHMATCH_CORE_AUTH_API_KEY_H_

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/auth/role.h"

namespace techmatch {

// A stored key: never the token itself.
struct ApiKey {
  std::string key_id;
  std::string token_hash;  // 32 raw bytes of SHA-256(token)
  Role role = Role::kOfficial;
  std::string organization_id;  // INSTITUTE / ENTERPRISE only
  std::string label;
  // GB/T 2260, or empty: no region scope (Principal::region_code).
  std::string region_code;
  absl::Time create_time;
  std::optional<absl::Time> expire_time;
  std::optional<absl::Time> revoke_time;
};

// A new key's id and token, from a cryptographic random source. INTERNAL when the source fails.
struct NewToken {
  std::string key_id;
  std::string token;
};
absl::StatusOr<NewToken> GenerateToken();
// The same shape with another prefix: `tms_` session tokens, `tmi_` invitation codes. Each kind
// of secret has its own prefix, so one can never be taken for another.
absl::StatusOr<NewToken> GenerateToken(absl::string_view prefix);
inline constexpr absl::string_view kApiKeyPrefix = "tm_";
inline constexpr absl::string_view kSessionTokenPrefix = "tms_";
inline constexpr absl::string_view kInvitationCodePrefix = "tmi_";

// The stored form of a freshly generated token: its id and hash, never the token.
ApiKey KeyForToken(const NewToken& token, Role role, absl::string_view organization_id,
                   absl::string_view label, absl::Time create_time);

// The key id a well-formed token names, or nullopt when `token` is not of the form above.
std::optional<std::string> ParseToken(absl::string_view token);
std::optional<std::string> ParseToken(absl::string_view token, absl::string_view prefix);
// The key id part of a token-shaped string, its characters unchecked (empty without the "tm_"
// prefix): only for finding a key whose verified token the whole string must then equal.
absl::string_view UncheckedKeyId(absl::string_view token);
absl::string_view UncheckedKeyId(absl::string_view token, absl::string_view prefix);

// The token from an `authorization` header value "Bearer <token>" (scheme case-insensitive),
// or nullopt when the header is not a bearer credential.
std::optional<absl::string_view> BearerToken(absl::string_view header);

// 32 raw bytes of SHA-256(bytes).
std::string Sha256(absl::string_view bytes);

// Constant-time equality of two byte strings of the same length.
bool SecureEquals(absl::string_view a, absl::string_view b);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_AUTH_API_KEY_H_
