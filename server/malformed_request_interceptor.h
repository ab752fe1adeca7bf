// Requests that do not parse as their message answer INVALID_ARGUMENT, not gRPC's INTERNAL.
//
// gRPC parses a unary (or server-streaming) request before any handler runs. When the bytes are
// not a valid message — in proto3 a string field that is not valid UTF-8 is enough, and any
// client that does not check (a C++ client, a hand-made frame) can send one — gRPC 1.51 answers
// by itself:
//   * sync API (grpcpp/support/method_handler.h, UnaryDeserializeHelper): the handler is skipped
//     and the call ends INTERNAL with the message's InitializationErrorString(), empty in proto3;
//   * async API (grpcpp/impl/codegen/server_interface.h, PayloadAsyncRequest::FinalizeResult):
//     the call is cancelled INTERNAL "Unable to parse request" inside gRPC, before any
//     interceptor or handler sees it.
// INTERNAL says the server is at fault; the API promises documented codes only.
//
// The sync API's case is fixed by MalformedRequestInterceptorFactory, registered with the
// builder: it notes a request that did not parse (POST_RECV_MESSAGE without a message) and, at
// PRE_SEND_STATUS, replaces that call's INTERNAL with what Handle (server/handler.h) would have
// answered had the handler run: given the Guard, the call is authenticated and authorized first
// (UNAUTHENTICATED / PERMISSION_DENIED win over the malformed request, as they do over any
// other bad input), and a call to a mutating method is recorded in the audit trail like any
// refused write; otherwise MalformedRequestStatus. A handler's own
// INTERNAL cannot be masked: a handler never runs when its request did not parse. The async
// short reads (server/async_server.h) receive their request as bytes and parse it themselves,
// answering MalformedRequestStatus directly; they are passed to the factory so that they carry
// no interceptor at all.
//
// Client streams are not covered here and cannot be: in a streamed Read gRPC reports a message
// that does not parse exactly as the end of the stream (POST_RECV_MESSAGE without a message,
// Read returns false). The import streams read their messages as bytes (server/parsed_stream.h).
#ifndef TECHMATCH_SERVER_MALFORMED_REQUEST_INTERCEPTOR_H_
#define TECHMATCH_SERVER_MALFORMED_REQUEST_INTERCEPTOR_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "grpcpp/support/server_interceptor.h"
#include "grpcpp/support/status.h"
#include "server/guard.h"

namespace techmatch::server {

// INVALID_ARGUMENT for a request that is not a valid `request_type` ("techmatch.v1.GetNeedRequest";
// empty when unknown); the second through the one status conversion.
absl::Status MalformedRequestError(absl::string_view request_type);
grpc::Status MalformedRequestStatus(absl::string_view request_type);

class MalformedRequestInterceptorFactory final
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  // `parse_their_own` are full method names ("/techmatch.v1.NeedService/GetNeed") whose calls
  // parse their request themselves (the async short reads): no interceptor for them. `guard`
  // (may be null: no authentication, no audit) must outlive the server.
  explicit MalformedRequestInterceptorFactory(std::vector<std::string> parse_their_own = {},
                                              Guard* guard = nullptr);

  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;

 private:
  const absl::flat_hash_set<std::string> parse_their_own_;
  Guard* const guard_;
};

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_MALFORMED_REQUEST_INTERCEPTOR_H_
