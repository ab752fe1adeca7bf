// Parsing of HTTP/1.1 requests from bytes as they arrive: the head (request line and headers,
// within a size limit) and the body's framing (Content-Length or chunked). No I/O here, so the
// rules are unit-tested byte by byte.
#ifndef TECHMATCH_SERVER_HTTP_HTTP_PARSER_H_
#define TECHMATCH_SERVER_HTTP_HTTP_PARSER_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "server/http/http_request.h"

namespace techmatch::server::http {

// What to answer a request that cannot be served: an HTTP status and a short reason.
struct HttpError {
  int status = 400;
  std::string message;
};

// How the body follows the head.
struct BodyFraming {
  bool chunked = false;
  // The declared length when not chunked (0: no body).
  uint64_t content_length = 0;
  // "Expect: 100-continue": the client waits for an interim answer before sending the body.
  bool expect_continue = false;
};

struct ParsedHead {
  // Bytes of `data` the head took, its blank line included.
  size_t size = 0;
  BodyFraming framing;
};

// Parses the head at the start of `data` into `request` (method, path, query, version,
// headers, keep_alive). nullopt while the head is incomplete and within `max_head_bytes`;
// HttpError 431 once it is not, 400 for malformed syntax, 505 for a version other than 1.0/1.1,
// 501 for a transfer coding other than chunked.
struct HeadResult {
  std::optional<ParsedHead> head;
  std::optional<HttpError> error;
};
HeadResult ParseRequestHead(absl::string_view data, size_t max_head_bytes, HttpRequest& request);

// Decodes a chunked body incrementally: feed it bytes as they arrive.
class ChunkedDecoder {
 public:
  explicit ChunkedDecoder(size_t max_body_bytes) : max_body_bytes_(max_body_bytes) {}

  enum class Result { kNeedMore, kDone, kTooLarge, kMalformed };
  // Consumes what it can of `data` (sets `consumed`), appending chunk data to `body`. kDone
  // once the last chunk and the trailers have been read; the bytes after them are not consumed.
  Result Feed(absl::string_view data, size_t& consumed, std::string& body);

 private:
  enum class State { kSize, kData, kDataEnd, kTrailer };
  size_t max_body_bytes_;
  State state_ = State::kSize;
  uint64_t remaining_ = 0;
};

// "application/json; charset=utf-8" -> "application/json" (lower case, no parameters).
std::string MediaType(absl::string_view content_type);

// Percent-decodes `text`; nullopt for a malformed escape.
std::optional<std::string> PercentDecode(absl::string_view text);

}  // namespace techmatch::server::http

#endif  // TECHMATCH_SERVER_HTTP_HTTP_PARSER_H_
