#include "client/session_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace techmatch::client {
namespace {

absl::StatusOr<std::string> ConfigDirectory() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  if (xdg != nullptr && xdg[0] == '/') return absl::StrCat(xdg, "/techmatch");
  const char* home = std::getenv("HOME");
  if (home != nullptr && home[0] != '\0') return absl::StrCat(home, "/.config/techmatch");
  return absl::FailedPreconditionError(
      "cannot tell where to keep the session: set HOME or XDG_CONFIG_HOME");
}

absl::Status MakeDirectories(const std::string& path) {
  for (size_t slash = path.find('/', 1);; slash = path.find('/', slash + 1)) {
    const std::string prefix = path.substr(0, slash);
    if (mkdir(prefix.c_str(), 0700) != 0 && errno != EEXIST) {
      return absl::FailedPreconditionError(
          absl::StrCat("cannot create ", prefix, ": ", std::strerror(errno)));
    }
    if (slash == std::string::npos) return absl::OkStatus();
  }
}

}  // namespace

absl::StatusOr<std::string> SessionFilePath() {
  absl::StatusOr<std::string> directory = ConfigDirectory();
  if (!directory.ok()) return directory.status();
  return absl::StrCat(*directory, "/session");
}

std::string ReadSessionToken() {
  absl::StatusOr<std::string> path = SessionFilePath();
  if (!path.ok()) return "";
  std::ifstream in(*path);
  std::string token;
  std::getline(in, token);
  return std::string(absl::StripAsciiWhitespace(token));
}

absl::Status WriteSessionToken(const std::string& token) {
  absl::StatusOr<std::string> directory = ConfigDirectory();
  if (!directory.ok()) return directory.status();
  if (absl::Status made = MakeDirectories(*directory); !made.ok()) return made;
  const std::string path = absl::StrCat(*directory, "/session");
  const std::string temp = absl::StrCat(path, ".", getpid());
  const int fd = open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot write ", temp, ": ", std::strerror(errno)));
  }
  const std::string line = token + "\n";
  const bool written = write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
  const bool closed = close(fd) == 0;
  if (!written || !closed || std::rename(temp.c_str(), path.c_str()) != 0) {
    std::remove(temp.c_str());
    return absl::FailedPreconditionError(absl::StrCat("cannot write ", path));
  }
  return absl::OkStatus();
}

absl::Status RemoveSessionToken() {
  absl::StatusOr<std::string> path = SessionFilePath();
  if (!path.ok()) return path.status();
  if (std::remove(path->c_str()) != 0 && errno != ENOENT) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot remove ", *path, ": ", std::strerror(errno)));
  }
  return absl::OkStatus();
}

}  // namespace techmatch::client
