// The Connect protocol's errors: code names, the HTTP status each maps to, and the JSON error
// body with the gRPC status's details (google.rpc.BadRequest and the like) as base64 values and
// as readable JSON under "debug".
#ifndef TECHMATCH_SERVER_HTTP_CONNECT_ERROR_H_
#define TECHMATCH_SERVER_HTTP_CONNECT_ERROR_H_

#include <string>

#include "absl/strings/string_view.h"
#include "grpcpp/support/status.h"
#include "server/http/json_codec.h"

namespace techmatch::server::http {

// "invalid_argument" for INVALID_ARGUMENT, and so on.
absl::string_view ConnectCodeName(grpc::StatusCode code);
// The HTTP status Connect assigns `code` (400 for INVALID_ARGUMENT, 401 UNAUTHENTICATED, ...).
int HttpStatusForCode(grpc::StatusCode code);

// {"code":...,"message":...,"details":[{"type":...,"value":...,"debug":{...}}]}; details come
// from the google.rpc.Status in `status.error_details()`.
std::string ConnectErrorJson(const grpc::Status& status, const JsonCodec& codec);

}  // namespace techmatch::server::http

#endif  // TECHMATCH_SERVER_HTTP_CONNECT_ERROR_H_
