// The Connect protocol's envelopes around each message of a streaming call: one flags byte,
// a 4-byte big-endian length, the message.
#ifndef TECHMATCH_SERVER_HTTP_CONNECT_ENVELOPE_H_
#define TECHMATCH_SERVER_HTTP_CONNECT_ENVELOPE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace techmatch::server::http {

inline constexpr uint8_t kEnvelopeCompressed = 0x01;
inline constexpr uint8_t kEnvelopeEndStream = 0x02;

// One envelope holding `message`.
std::string Envelope(uint8_t flags, absl::string_view message);

// The messages of a request stream body (views into `body`). INVALID_ARGUMENT for a truncated
// envelope or an end-stream flag (requests never carry one); UNIMPLEMENTED for a compressed
// message (no compression is offered).
absl::StatusOr<std::vector<absl::string_view>> SplitEnvelopes(absl::string_view body);

}  // namespace techmatch::server::http

#endif  // TECHMATCH_SERVER_HTTP_CONNECT_ENVELOPE_H_
