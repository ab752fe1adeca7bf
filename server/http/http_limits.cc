#include "server/http/http_limits.h"

#include "absl/strings/str_cat.h"

namespace techmatch::server::http {

absl::Status ValidateHttpLimits(const HttpLimits& limits) {
  const std::pair<const char*, int> positive[] = {
      {"http_max_connections", limits.max_connections},
      {"http_threads", limits.threads},
      {"http_idle_timeout", limits.idle_timeout_ms},
      {"http_read_timeout", limits.read_timeout_ms},
      {"http_write_timeout", limits.write_timeout_ms},
      {"http_max_header_bytes", limits.max_header_bytes},
      {"max_receive_message_bytes", limits.max_body_bytes},
      {"http_max_streams", limits.max_streams},
  };
  for (const auto& [name, value] : positive) {
    if (value <= 0) return absl::InvalidArgumentError(absl::StrCat(name, " must be positive"));
  }
  if (limits.max_streams >= limits.threads) {
    return absl::InvalidArgumentError(
        "http_max_streams must be lower than http_threads, so unary calls always find a thread");
  }
  if (limits.max_header_bytes < 1024) {
    return absl::InvalidArgumentError("http_max_header_bytes must be at least 1024");
  }
  return absl::OkStatus();
}

}  // namespace techmatch::server::http
