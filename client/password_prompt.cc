#include "client/password_prompt.h"

#include <termios.h>
#include <unistd.h>

#include <iostream>

namespace techmatch::client {

absl::StatusOr<std::string> ReadPassword(absl::string_view prompt, std::ostream& err) {
  std::string password;
  if (!isatty(STDIN_FILENO)) {
    if (!std::getline(std::cin, password)) {
      return absl::FailedPreconditionError("no password on standard input");
    }
    if (!password.empty() && password.back() == '\r') password.pop_back();
    return password;
  }
  err << prompt << std::flush;
  termios saved{};
  const bool terminal = tcgetattr(STDIN_FILENO, &saved) == 0;
  if (terminal) {
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  const bool read = static_cast<bool>(std::getline(std::cin, password));
  if (terminal) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
  err << '\n';
  if (!read) return absl::FailedPreconditionError("no password was entered");
  return password;
}

}  // namespace techmatch::client
