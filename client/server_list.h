// What `--server` names: one gRPC target URI (`unix:/run/techmatch.sock`), or one or more
// `host:port` addresses separated by commas (IPv6 literals in brackets: `[::1]:50051`).
#ifndef TECHMATCH_CLIENT_SERVER_LIST_H_
#define TECHMATCH_CLIENT_SERVER_LIST_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace techmatch::client {

struct ServerAddress {
  std::string host;  // A name or an IP literal, without brackets.
  int port = 0;      // 1 to 65535.
  std::string text;  // As given, for messages and the TLS authority.
};

struct ServerList {
  // Set when the value is a gRPC target URI (dns:, unix:, ipv4:, ...), passed to gRPC as is;
  // such a target may only be given alone.
  std::string uri;
  // Otherwise the addresses, in the order given (at least one).
  std::vector<ServerAddress> addresses;
};

// INVALID_ARGUMENT naming every bad element at once (the caller names the flag): an empty one,
// a missing host or port, a port that is not a number in 1-65535, an IPv6 literal without
// brackets, an address given twice, a target URI among several elements.
absl::StatusOr<ServerList> ParseServerList(absl::string_view value);

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_SERVER_LIST_H_
