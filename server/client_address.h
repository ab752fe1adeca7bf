// The address a call came from, as the throttles of the doors without credentials key it.
#ifndef TECHMATCH_SERVER_CLIENT_ADDRESS_H_
#define TECHMATCH_SERVER_CLIENT_ADDRESS_H_

#include <string>

#include "absl/strings/string_view.h"
#include "grpcpp/server_context.h"

namespace techmatch::server {

// The host part of a gRPC peer ("ipv4:10.0.0.7:50312" → "10.0.0.7", "ipv6:[::1]:5" → "::1");
// the peer as given when it has no such form (in-process calls).
std::string HostOfPeer(absl::string_view peer);

// The calling client's address: the peer's host.
std::string ClientAddress(const grpc::ServerContext& context);

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_CLIENT_ADDRESS_H_
