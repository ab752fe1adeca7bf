#include "server/http/static_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "server/http/http_parser.h"

namespace techmatch::server::http {
namespace {

constexpr size_t kReadChunk = 64 * 1024;

std::string RealPath(const std::string& path) {
  char resolved[PATH_MAX];
  if (::realpath(path.c_str(), resolved) == nullptr) return "";
  return resolved;
}

}  // namespace

absl::string_view ContentTypeFor(absl::string_view file_name) {
  static constexpr std::pair<absl::string_view, absl::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".ttf", "font/ttf"},
      {".wasm", "application/wasm"},
      {".txt", "text/plain; charset=utf-8"},
      {".csv", "text/csv; charset=utf-8"},
      {".pdf", "application/pdf"},
  };
  for (const auto& [suffix, type] : kTypes) {
    if (absl::EndsWithIgnoreCase(file_name, suffix)) return type;
  }
  return "application/octet-stream";
}

StaticFiles::StaticFiles(const std::string& root) : root_(RealPath(root)) {}

std::optional<std::string> StaticFiles::Resolve(absl::string_view path) const {
  if (root_.empty()) return std::nullopt;
  std::optional<std::string> decoded = PercentDecode(path);
  if (!decoded || decoded->empty() || decoded->front() != '/') return std::nullopt;
  if (*decoded == "/") *decoded = "/index.html";
  // No directory listing: a path naming a directory is not a file.
  if (decoded->back() == '/') return std::nullopt;
  for (absl::string_view segment : absl::StrSplit(absl::string_view(*decoded).substr(1), '/')) {
    if (segment.empty() || segment == "." || segment == ".." ||
        segment.find('\\') != absl::string_view::npos ||
        segment.find('\0') != absl::string_view::npos) {
      return std::nullopt;
    }
  }
  // Symbolic links inside the directory may point anywhere: the canonical path must still be
  // inside it.
  const std::string real = RealPath(root_ + *decoded);
  if (real.empty() || !absl::StartsWith(real, root_ + "/")) return std::nullopt;
  struct stat info;
  if (::stat(real.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
  return real;
}

void StaticFiles::Serve(const HttpRequest& request, ResponseWriter& response) const {
  static const HeaderList* const not_found_headers =
      new HeaderList{{"Content-Type", "text/plain; charset=utf-8"}, {"Cache-Control", "no-cache"}};
  const std::optional<std::string> file = Resolve(request.path);
  const int fd = file ? ::open(file->c_str(), O_RDONLY | O_CLOEXEC) : -1;
  struct stat info;
  if (fd < 0 || ::fstat(fd, &info) != 0) {
    if (fd >= 0) ::close(fd);
    response.Send(404, *not_found_headers, "not found\n");
    return;
  }
  const bool immutable = absl::StartsWith(request.path, "/assets/");
  const HeaderList headers = {
      {"Content-Type", std::string(ContentTypeFor(*file))},
      {"Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache"},
  };
  // Portal files are small; one read keeps the answer a single write.
  std::string body;
  body.resize(static_cast<size_t>(info.st_size));
  size_t filled = 0;
  while (filled < body.size()) {
    const ssize_t n = ::read(fd, body.data() + filled, std::min(kReadChunk, body.size() - filled));
    if (n <= 0) break;
    filled += static_cast<size_t>(n);
  }
  ::close(fd);
  body.resize(filled);
  response.Send(200, headers, body);
}

}  // namespace techmatch::server::http
