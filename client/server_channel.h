// The gRPC target and channel arguments for what `--server` names.
//
// One address (or a target URI) is handed to gRPC as before: its DNS resolver and the default
// pick_first policy. Several addresses are resolved here, once, into one `ipv4:`/`ipv6:` target
// (gRPC 1.51 has no public way to give a channel several host names), with a service config
// that spreads calls with `round_robin`, sends none to a server whose grpc.health.v1 status for
// "" is not SERVING (or that cannot be reached), and retries a read that failed UNAVAILABLE on
// another server (writes are not retried: MultiServerServiceConfig says why).
//
// TLS: the channel has one authority, so every server's certificate is checked against the
// host of the first address.
#ifndef TECHMATCH_CLIENT_SERVER_CHANNEL_H_
#define TECHMATCH_CLIENT_SERVER_CHANNEL_H_

#include <string>
#include <vector>

#include "client/server_list.h"
#include "grpcpp/support/channel_arguments.h"

namespace techmatch::client {

struct ChannelTarget {
  std::string target;
  grpc::ChannelArguments arguments;
  // Addresses that did not resolve, with why (for a warning); the channel uses the others.
  std::vector<std::string> unresolved;
};

// When none of several addresses resolves, the first as given: gRPC tries to resolve it again
// and fails each call UNAVAILABLE, naming it, as for any server that cannot be reached.
ChannelTarget ChannelTargetFor(const ServerList& servers);

// The service config (JSON) of a channel to several servers.
std::string MultiServerServiceConfig();

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_SERVER_CHANNEL_H_
