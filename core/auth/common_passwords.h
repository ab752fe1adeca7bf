// The list of common passwords the password policy refuses, compiled into the binary from
// data/auth/common_passwords.txt (so nothing is read at run time): one per line, `#` comments.
#ifndef TECHMATCH_CORE_AUTH_COMMON_PASSWORDS_H_
#define TECHMATCH_CORE_AUTH_COMMON_PASSWORDS_H_

#include "absl/strings/string_view.h"

namespace techmatch {

absl::string_view CommonPasswordList();

}  // namespace techmatch

#endif  // TECHMATCH_CORE_AUTH_COMMON_PASSWORDS_H_
