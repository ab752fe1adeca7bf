#include "server/audit_key_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace techmatch::server {
namespace {

constexpr absl::string_view kHeader = "techmatch-audit-key-v1 ";

}  // namespace

absl::StatusOr<AuditKey> CreateAuditKeyFile(const std::string& path) {
  absl::StatusOr<AuditKey> key = NewAuditKey();
  if (!key.ok()) return key.status();
  // O_EXCL: an existing key is never replaced (records keyed with it could not be verified).
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot create '", path, "': ", std::strerror(errno)));
  }
  const std::string line = absl::StrCat(kHeader, absl::BytesToHexString(key->secret), "\n");
  const bool written =
      write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) && fsync(fd) == 0;
  close(fd);
  if (!written) {
    unlink(path.c_str());
    return absl::FailedPreconditionError(absl::StrCat("cannot write '", path, "'"));
  }
  return key;
}

absl::StatusOr<AuditKey> ReadAuditKeyFile(const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    return absl::NotFoundError(absl::StrCat("audit key file '", path, "' does not exist"));
  }
  if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    return absl::FailedPreconditionError(absl::StrCat(
        "audit key file '", path, "' may be read by others than its owner: chmod 600 it"));
  }
  std::ifstream in(path, std::ios::binary);
  std::string line;
  std::getline(in, line);
  absl::string_view text = absl::StripAsciiWhitespace(line);
  if (!absl::ConsumePrefix(&text, kHeader) || text.size() != 2 * kAuditKeySecretBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("'", path, "' is not an audit key file (audit init-key makes one)"));
  }
  for (char c : text) {
    if (!absl::ascii_isxdigit(static_cast<unsigned char>(c))) {
      return absl::InvalidArgumentError(absl::StrCat("'", path, "' holds a malformed audit key"));
    }
  }
  return AuditKeyFromSecret(absl::HexStringToBytes(text));
}

}  // namespace techmatch::server
