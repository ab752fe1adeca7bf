#include "core/auth/api_key.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace techmatch {
namespace {

constexpr size_t kKeyIdBytes = 8;
constexpr size_t kSecretBytes = 32;

absl::StatusOr<std::string> RandomHex(size_t bytes) {
  std::string raw(bytes, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), static_cast<int>(bytes)) != 1) {
    return absl::InternalError("the random source failed");
  }
  return absl::BytesToHexString(raw);
}

bool IsLowerHex(absl::string_view text, size_t length) {
  if (text.size() != length) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

absl::StatusOr<NewToken> GenerateToken() { return GenerateToken(kApiKeyPrefix); }

absl::StatusOr<NewToken> GenerateToken(absl::string_view prefix) {
  absl::StatusOr<std::string> key_id = RandomHex(kKeyIdBytes);
  if (!key_id.ok()) return key_id.status();
  absl::StatusOr<std::string> secret = RandomHex(kSecretBytes);
  if (!secret.ok()) return secret.status();
  NewToken result;
  result.key_id = *key_id;
  result.token = absl::StrCat(prefix, *key_id, "_", *secret);
  return result;
}

ApiKey KeyForToken(const NewToken& token, Role role, absl::string_view organization_id,
                   absl::string_view label, absl::Time create_time) {
  ApiKey key;
  key.key_id = token.key_id;
  key.token_hash = Sha256(token.token);
  key.role = role;
  key.organization_id = std::string(organization_id);
  key.label = std::string(label);
  key.create_time = create_time;
  return key;
}

std::optional<std::string> ParseToken(absl::string_view token) {
  return ParseToken(token, kApiKeyPrefix);
}

std::optional<std::string> ParseToken(absl::string_view token, absl::string_view prefix) {
  if (!absl::ConsumePrefix(&token, prefix)) return std::nullopt;
  const size_t separator = token.find('_');
  if (separator == absl::string_view::npos) return std::nullopt;
  const absl::string_view key_id = token.substr(0, separator);
  const absl::string_view secret = token.substr(separator + 1);
  if (!IsLowerHex(key_id, 2 * kKeyIdBytes) || !IsLowerHex(secret, 2 * kSecretBytes)) {
    return std::nullopt;
  }
  return std::string(key_id);
}

absl::string_view UncheckedKeyId(absl::string_view token) {
  return UncheckedKeyId(token, kApiKeyPrefix);
}

absl::string_view UncheckedKeyId(absl::string_view token, absl::string_view prefix) {
  if (!absl::ConsumePrefix(&token, prefix)) return {};
  return token.substr(0, token.find('_'));
}

std::optional<absl::string_view> BearerToken(absl::string_view header) {
  constexpr absl::string_view kScheme = "bearer ";
  if (header.size() <= kScheme.size() ||
      !absl::EqualsIgnoreCase(header.substr(0, kScheme.size()), kScheme)) {
    return std::nullopt;
  }
  return absl::StripAsciiWhitespace(header.substr(kScheme.size()));
}

std::string Sha256(absl::string_view bytes) {
  std::string digest(SHA256_DIGEST_LENGTH, '\0');
  SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
         reinterpret_cast<unsigned char*>(digest.data()));
  return digest;
}

bool SecureEquals(absl::string_view a, absl::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace techmatch
