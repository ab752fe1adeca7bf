// One HTTP/1.1 request as the handlers see it: method, path, headers (names in lower case) and
// the whole body, already read within the limits.
#ifndef TECHMATCH_SERVER_HTTP_HTTP_REQUEST_H_
#define TECHMATCH_SERVER_HTTP_HTTP_REQUEST_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"

namespace techmatch::server::http {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method;
  // The target's path as sent (percent-encoded), and what follows '?' (without it).
  std::string path;
  std::string query;
  // 0 for HTTP/1.0, 1 for HTTP/1.1.
  int minor_version = 1;
  HeaderList headers;
  std::string body;
  // Whether the client keeps the connection after this request (HTTP/1.1 unless
  // "Connection: close"; HTTP/1.0 only with "Connection: keep-alive").
  bool keep_alive = true;
  // The connection is TLS.
  bool tls = false;

  // The first header named `name` (lower case), or "" when absent.
  absl::string_view Header(absl::string_view name) const {
    for (const auto& [key, value] : headers) {
      if (key == name) return value;
    }
    return {};
  }
  bool HasHeader(absl::string_view name) const {
    for (const auto& header : headers) {
      if (header.first == name) return true;
    }
    return false;
  }
};

}  // namespace techmatch::server::http

#endif  // TECHMATCH_SERVER_HTTP_HTTP_REQUEST_H_
