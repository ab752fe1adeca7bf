#include "core/auth/audit_event.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <utility>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "core/auth/api_key.h"
#include "core/common/bounded_text.h"

namespace techmatch {
namespace {

void Append(std::string& out, absl::string_view field) {
  absl::StrAppend(&out, field.size(), ":", field, ";");
}

}  // namespace

void BoundAuditFields(AuditEvent& event) {
  // Room for BoundedText's marker ("…[truncated, N bytes]", at most 43 bytes), so that a cut
  // field is within the bound too and cutting again (the guard, then storage) changes nothing.
  constexpr size_t kMarkerRoom = 48;
  for (std::string* field : {&event.principal, &event.role, &event.method, &event.resource,
                             &event.request_id, &event.outcome}) {
    if (field->size() > kMaxAuditFieldBytes) {
      *field = BoundedText(*field, kMaxAuditFieldBytes - kMarkerRoom);
    }
  }
}

absl::StatusOr<AuditKey> AuditKeyFromSecret(std::string secret) {
  if (secret.size() != kAuditKeySecretBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("an audit key is ", kAuditKeySecretBytes, " bytes, got ", secret.size()));
  }
  AuditKey key;
  // The id reveals nothing of the secret (a hash of it, domain-separated, cut to 8 bytes).
  key.id = absl::BytesToHexString(Sha256(absl::StrCat("techmatch audit key id\n", secret)))
               .substr(0, 16);
  key.secret = std::move(secret);
  return key;
}

absl::StatusOr<AuditKey> NewAuditKey() {
  std::string secret(kAuditKeySecretBytes, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(secret.data()),
                 static_cast<int>(secret.size())) != 1) {
    return absl::InternalError("the random source failed");
  }
  return AuditKeyFromSecret(std::move(secret));
}

std::string AuditChainHash(absl::string_view previous_hash, const AuditEvent& event,
                           const AuditKey* key) {
  std::string canonical;
  Append(canonical, previous_hash);
  Append(canonical, absl::StrCat(event.seq));
  Append(canonical, absl::StrCat(absl::ToUnixNanos(event.event_time)));
  Append(canonical, event.principal);
  Append(canonical, event.role);
  Append(canonical, event.method);
  Append(canonical, event.resource);
  Append(canonical, event.request_id);
  Append(canonical, event.outcome);
  if (key == nullptr) return Sha256(canonical);
  Append(canonical, key->id);
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  HMAC(EVP_sha256(), key->secret.data(), static_cast<int>(key->secret.size()),
       reinterpret_cast<const unsigned char*>(canonical.data()), canonical.size(), mac, &size);
  return std::string(reinterpret_cast<const char*>(mac), size);
}

}  // namespace techmatch
