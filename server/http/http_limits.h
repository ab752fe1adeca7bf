// The bounds of the HTTP listener: every resource one client could otherwise hold without end.
// Each has a flag (server/http/http_flags.cc) and a row in the README's Limits table.
#ifndef TECHMATCH_SERVER_HTTP_HTTP_LIMITS_H_
#define TECHMATCH_SERVER_HTTP_HTTP_LIMITS_H_

#include "absl/status/status.h"

namespace techmatch::server::http {

struct HttpLimits {
  // Open connections; one more is answered 503 (plaintext; closed under TLS) and closed.
  int max_connections = 512;
  // Worker threads (a fixed pool) for requests that may wait (partial requests, TLS, streams,
  // files); idle keep-alive connections and unary calls in flight hold none.
  int threads = 16;
  // A keep-alive connection that sends nothing for this long is closed (also one that never
  // sends its first request).
  int idle_timeout_ms = 60'000;
  // A request's head and body must arrive within this, counted from its first byte; else 408.
  int read_timeout_ms = 10'000;
  // Each write of a response must be taken by the client within this; else the connection is
  // closed (and a streaming call cancelled).
  int write_timeout_ms = 10'000;
  // Request line and headers together; larger gets 431.
  int max_header_bytes = 16 * 1024;
  // Request body (after de-chunking); larger gets resource_exhausted (429). The server sets it
  // to the gRPC receive limit (--max_receive_message_bytes).
  int max_body_bytes = 4 << 20;
  // Concurrent server- and client-streaming calls over HTTP (each holds a worker thread while
  // it lasts, WatchMatches for as long as the client watches); one more gets resource_exhausted.
  // Lower than `threads` so that unary calls always find a thread.
  int max_streams = 8;
};

// INVALID_ARGUMENT naming the first bad limit.
absl::Status ValidateHttpLimits(const HttpLimits& limits);

}  // namespace techmatch::server::http

#endif  // TECHMATCH_SERVER_HTTP_HTTP_LIMITS_H_
