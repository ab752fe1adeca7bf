// The one place where absl::Status becomes grpc::Status (tensorstore style).
#ifndef TECHMATCH_SERVER_STATUS_CONVERSION_H_
#define TECHMATCH_SERVER_STATUS_CONVERSION_H_

#include <cstddef>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "grpcpp/support/status.h"

namespace techmatch::server {

// What an error may carry. Its message and details travel in trailing metadata
// (`grpc-message`, percent-encoded: up to 3 bytes per byte; `grpc-status-details-bin`, base64),
// and clients refuse trailers past 8 KiB (gRPC C++, Go; Java allows 8 KiB too): a longer one
// fails the call with a transport error instead of the status, or stalls the connection. With
// these bounds the trailers stay under 7 KiB whatever the text.
inline constexpr size_t kMaxStatusMessageBytes = 512;
inline constexpr size_t kMaxViolationFieldBytes = 128;
inline constexpr size_t kMaxViolationDescriptionBytes = 256;
inline constexpr size_t kMaxStatusDetailsBytes = 3072;

// `text` cut to at most `max_bytes` bytes at a UTF-8 character boundary, ending in a marker
// when cut.
std::string TruncateForStatus(absl::string_view text, size_t max_bytes);

// Maps the code one to one, except that UNKNOWN (never promised to clients) becomes INTERNAL.
// Field violations carried by `status` travel as google.rpc.BadRequest inside a
// google.rpc.Status in the error details (the `grpc-status-details-bin` trailer), AIP-193.
// Message, fields and descriptions are truncated to the bounds above; violations past
// kMaxStatusDetailsBytes are left off and counted at the end of the message.
grpc::Status ToGrpcStatus(const absl::Status& status);

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_STATUS_CONVERSION_H_
