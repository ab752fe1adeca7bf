// Where `techmatch login` keeps the session token: $XDG_CONFIG_HOME/techmatch/session, or
// ~/.config/techmatch/session, readable by the user alone (0600 in a 0700 directory). Calls use
// it when neither --token nor TECHMATCH_TOKEN gives a token.
#ifndef TECHMATCH_CLIENT_SESSION_FILE_H_
#define TECHMATCH_CLIENT_SESSION_FILE_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace techmatch::client {

// The file's path; FAILED_PRECONDITION when neither XDG_CONFIG_HOME nor HOME is set.
absl::StatusOr<std::string> SessionFilePath();

// The stored token, or "" when there is none (or it cannot be read).
std::string ReadSessionToken();

// Stores `token`, replacing any earlier one, created with mode 0600 (never readable by others,
// not even for a moment).
absl::Status WriteSessionToken(const std::string& token);

// Removes the stored token; OK when there was none.
absl::Status RemoveSessionToken();

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_SESSION_FILE_H_
