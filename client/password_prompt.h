// Reading a password without showing it: from the terminal with echo off, or, when standard
// input is not a terminal (scripts, tests), one line of standard input.
#ifndef TECHMATCH_CLIENT_PASSWORD_PROMPT_H_
#define TECHMATCH_CLIENT_PASSWORD_PROMPT_H_

#include <ostream>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace techmatch::client {

// Prints `prompt` to `err` (when reading a terminal) and reads the password; the line end is
// dropped. FAILED_PRECONDITION when nothing could be read.
absl::StatusOr<std::string> ReadPassword(absl::string_view prompt, std::ostream& err);

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_PASSWORD_PROMPT_H_
