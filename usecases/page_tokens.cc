#include "usecases/page_tokens.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "core/common/field_violations.h"

namespace techmatch::usecases {
namespace {

constexpr size_t kTagBytes = 16;  // 128 bits of HMAC-SHA256 is plenty to refuse forgeries.
constexpr char kVersion = '1';

absl::Status BadToken() {
  return InvalidFieldError("page_token",
                           "is malformed, forged, or was issued for a different query; start "
                           "again without a page_token");
}

}  // namespace

std::string PageTokenCodec::Tag(absl::string_view scope, absl::string_view after_id) const {
  const std::string message = absl::StrCat(scope, std::string(1, '\0'), after_id);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), key_.data(), static_cast<int>(key_.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), digest, &length);
  return std::string(reinterpret_cast<const char*>(digest), kTagBytes);
}

std::string PageTokenCodec::Encode(absl::string_view scope, absl::string_view after_id) const {
  if (after_id.empty()) return "";
  return absl::WebSafeBase64Escape(
      absl::StrCat(std::string(1, kVersion), Tag(scope, after_id), after_id));
}

absl::StatusOr<std::string> PageTokenCodec::Decode(absl::string_view scope,
                                                   absl::string_view token) const {
  if (token.empty()) return std::string();
  std::string raw;
  if (!absl::WebSafeBase64Unescape(token, &raw) || raw.size() <= 1 + kTagBytes ||
      raw[0] != kVersion) {
    return BadToken();
  }
  const std::string tag = raw.substr(1, kTagBytes);
  std::string after_id = raw.substr(1 + kTagBytes);
  const std::string expected = Tag(scope, after_id);
  if (CRYPTO_memcmp(tag.data(), expected.data(), kTagBytes) != 0) return BadToken();
  return after_id;
}

}  // namespace techmatch::usecases
