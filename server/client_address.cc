#include "server/client_address.h"

#include "absl/strings/match.h"
#include "absl/strings/strip.h"

namespace techmatch::server {

std::string HostOfPeer(absl::string_view peer) {
  absl::string_view rest = peer;
  if (absl::ConsumePrefix(&rest, "ipv4:")) {
    return std::string(rest.substr(0, rest.rfind(':')));
  }
  if (absl::ConsumePrefix(&rest, "ipv6:")) {
    // "[host]:port", host possibly %-escaped.
    if (absl::ConsumePrefix(&rest, "[")) return std::string(rest.substr(0, rest.find(']')));
    return std::string(rest);
  }
  return std::string(peer);
}

std::string ClientAddress(const grpc::ServerContext& context) { return HostOfPeer(context.peer()); }

}  // namespace techmatch::server
