// The one place where absl::Status becomes grpc::Status (tensorstore style).
#ifndef TECHMATCH_SERVER_STATUS_CONVERSION_H_
#define TECHMATCH_SERVER_STATUS_CONVERSION_H_

#include "absl/status/status.h"
#include "grpcpp/support/status.h"

namespace techmatch::server {

// Maps the code one to one, except that UNKNOWN (never promised to clients) becomes INTERNAL.
// Field violations carried by `status` travel as google.rpc.BadRequest inside a
// google.rpc.Status in the error details (the `grpc-status-details-bin` trailer), AIP-193.
grpc::Status ToGrpcStatus(const absl::Status& status);

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_STATUS_CONVERSION_H_
