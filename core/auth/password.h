// Passwords people choose: the policy a new one must meet and its stored form.
//
// Policy: 10 to 128 characters (code points), not one of the commonest passwords or patterns
// (data/auth/common_passwords.txt, compared case-insensitively), and not the account's email,
// the email's local part or the person's name.
//
// Stored form: Argon2id (libsodium crypto_pwhash_str) with kPasswordOpsLimit passes over
// kPasswordMemLimit bytes, salted: OWASP's recommended minimum (m = 19 MiB, t = 2, p = 1),
// chosen for the shared 2-core machine, where one hash is the bulk of a CreateSession's cost
// (README, "People", has the measured figure). The string records its parameters, so raising
// them later leaves existing hashes verifiable. At most kMaxConcurrentHashes run at once so
// that sign-ins can never take every core or much memory.
#ifndef TECHMATCH_CORE_AUTH_PASSWORD_H_
#define TECHMATCH_CORE_AUTH_PASSWORD_H_

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/common/field_violations.h"

namespace techmatch {

inline constexpr size_t kMinPasswordLength = 10;
inline constexpr size_t kMaxPasswordLength = 128;
inline constexpr unsigned long long kPasswordOpsLimit = 2;     // crypto_pwhash OPSLIMIT
inline constexpr size_t kPasswordMemLimit = 19 * 1024 * 1024;  // 19 MiB
inline constexpr int kMaxConcurrentHashes = 2;

// Adds a violation on `field` when `password` breaks the policy above. `email` and
// `display_name` are the account's.
void CheckPasswordPolicy(absl::string_view password, absl::string_view email,
                         absl::string_view display_name, absl::string_view field,
                         Violations& violations);

// Whether `password` (any case) is in the shipped list of common passwords.
bool IsCommonPassword(absl::string_view password);

// The Argon2id string of `password` (INTERNAL when libsodium fails or memory runs out).
absl::StatusOr<std::string> HashPassword(absl::string_view password);

// Whether `password` matches `hash` (constant time in the password). A malformed or empty
// hash matches nothing.
bool VerifyPassword(absl::string_view hash, absl::string_view password);

// A hash of a random password, to verify against when an email is unknown so that an unknown
// email costs as much as a wrong password.
const std::string& DecoyPasswordHash();

}  // namespace techmatch

#endif  // TECHMATCH_CORE_AUTH_PASSWORD_H_
