// The web portal's files from one directory: `index.html` at `/`, hashed assets under
// `/assets/` cached for a year, everything else revalidated (no-cache). No directory listing;
// a path that leaves the directory (`..`, encoded or not, or a symbolic link pointing out) is
// not found.
#ifndef TECHMATCH_SERVER_HTTP_STATIC_FILES_H_
#define TECHMATCH_SERVER_HTTP_STATIC_FILES_H_

#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "server/http/http_request.h"
#include "server/http/http_response.h"

namespace techmatch::server::http {

class StaticFiles {
 public:
  // `root` need not exist (then every file is 404).
  explicit StaticFiles(const std::string& root);

  const std::string& root() const { return root_; }
  // Answers a GET or HEAD of `request.path`.
  void Serve(const HttpRequest& request, ResponseWriter& response) const;

  // The file under root_ that `path` (as sent, percent-encoded) names, or nullopt when it names
  // none or tries to leave the directory.
  std::optional<std::string> Resolve(absl::string_view path) const;

 private:
  // The canonical directory (no symbolic links), or "" when it does not exist.
  std::string root_;
};

// "text/html; charset=utf-8" for "index.html", and so on; application/octet-stream otherwise.
absl::string_view ContentTypeFor(absl::string_view file_name);

}  // namespace techmatch::server::http

#endif  // TECHMATCH_SERVER_HTTP_STATIC_FILES_H_
