#include "core/auth/password.h"

#include <sodium.h>

#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/mutex.h"
#include "core/auth/common_passwords.h"

namespace techmatch {
namespace {

size_t CodePoints(absl::string_view text) {
  size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80;
  return count;
}

const absl::flat_hash_set<std::string>& CommonPasswords() {
  static const auto* const kSet = [] {
    auto* set = new absl::flat_hash_set<std::string>();
    for (absl::string_view line : absl::StrSplit(CommonPasswordList(), '\n')) {
      line = absl::StripAsciiWhitespace(line);
      if (!line.empty() && line[0] != '#') set->insert(absl::AsciiStrToLower(line));
    }
    return set;
  }();
  return *kSet;
}

// Bounds how many hashes run at once (each takes kPasswordMemLimit bytes and a core).
class HashSlots {
 public:
  void Acquire() {
    absl::MutexLock lock(&mu_);
    mu_.Await(absl::Condition(
        +[](int* free) { return *free > 0; }, &free_));
    --free_;
  }
  void Release() {
    absl::MutexLock lock(&mu_);
    ++free_;
  }

 private:
  absl::Mutex mu_;
  int free_ ABSL_GUARDED_BY(mu_) = kMaxConcurrentHashes;
};

HashSlots& Slots() {
  static HashSlots* const kSlots = new HashSlots();
  return *kSlots;
}

class SlotLease {
 public:
  SlotLease() { Slots().Acquire(); }
  ~SlotLease() { Slots().Release(); }
  SlotLease(const SlotLease&) = delete;
  SlotLease& operator=(const SlotLease&) = delete;
};

bool SodiumReady() {
  static const bool kReady = sodium_init() >= 0;
  return kReady;
}

}  // namespace

bool IsCommonPassword(absl::string_view password) {
  return CommonPasswords().contains(absl::AsciiStrToLower(password));
}

void CheckPasswordPolicy(absl::string_view password, absl::string_view email,
                         absl::string_view display_name, absl::string_view field,
                         Violations& violations) {
  const size_t length = CodePoints(password);
  if (length < kMinPasswordLength || password.size() > 4 * kMaxPasswordLength ||
      length > kMaxPasswordLength) {
    violations.Add(std::string(field), absl::StrCat("must be ", kMinPasswordLength, " to ",
                                                    kMaxPasswordLength, " characters long"));
    return;
  }
  const std::string lower = absl::AsciiStrToLower(password);
  const std::string lower_email = absl::AsciiStrToLower(email);
  const absl::string_view local_part =
      absl::string_view(lower_email).substr(0, lower_email.find('@'));
  if (IsCommonPassword(password)) {
    violations.Add(std::string(field), "is one of the commonest passwords; choose another");
  } else if ((!lower_email.empty() && (lower == lower_email || lower == local_part)) ||
             (!display_name.empty() && lower == absl::AsciiStrToLower(display_name))) {
    violations.Add(std::string(field), "must not be the email or the name");
  }
}

absl::StatusOr<std::string> HashPassword(absl::string_view password) {
  if (!SodiumReady()) return absl::InternalError("libsodium did not initialize");
  char out[crypto_pwhash_STRBYTES];
  SlotLease lease;
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), kPasswordOpsLimit,
                            kPasswordMemLimit, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return absl::InternalError("password hashing failed (out of memory?)");
  }
  return std::string(out);
}

bool VerifyPassword(absl::string_view hash, absl::string_view password) {
  if (!SodiumReady() || hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  // crypto_pwhash_str_verify wants a NUL-terminated string.
  char stored[crypto_pwhash_STRBYTES] = {};
  hash.copy(stored, hash.size());
  SlotLease lease;
  return crypto_pwhash_str_verify(stored, password.data(), password.size()) == 0;
}

const std::string& DecoyPasswordHash() {
  static const std::string* const kHash = [] {
    if (!SodiumReady()) return new std::string();
    unsigned char random[32];
    randombytes_buf(random, sizeof random);
    absl::StatusOr<std::string> hash =
        HashPassword(absl::string_view(reinterpret_cast<const char*>(random), sizeof random));
    return new std::string(hash.ok() ? *hash : "");
  }();
  return *kHash;
}

}  // namespace techmatch
