#include "client/server_list.h"

#include <algorithm>
#include <set>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace techmatch::client {
namespace {

// Schemes of gRPC's own resolvers: such a value goes to gRPC untouched, as it always did.
bool IsTargetUri(absl::string_view element) {
  for (absl::string_view scheme : {"dns:", "unix:", "unix-abstract:", "ipv4:", "ipv6:"}) {
    if (absl::StartsWith(element, scheme)) return true;
  }
  return false;
}

// One `host:port` or `[v6]:port`; the problem in words when it is not one.
absl::StatusOr<ServerAddress> ParseAddress(absl::string_view element) {
  absl::string_view host;
  absl::string_view port;
  if (absl::StartsWith(element, "[")) {
    const size_t close = element.find(']');
    if (close == absl::string_view::npos) return absl::InvalidArgumentError("no closing ']'");
    host = element.substr(1, close - 1);
    absl::string_view rest = element.substr(close + 1);
    if (rest.empty()) return absl::InvalidArgumentError("missing port ([v6 address]:port)");
    if (!absl::ConsumePrefix(&rest, ":")) {
      return absl::InvalidArgumentError("expected ':port' after ']'");
    }
    port = rest;
  } else {
    const size_t colon = element.rfind(':');
    if (colon == absl::string_view::npos) {
      return absl::InvalidArgumentError("missing port (host:port)");
    }
    host = element.substr(0, colon);
    port = element.substr(colon + 1);
    if (absl::StrContains(host, ':')) {
      return absl::InvalidArgumentError("an IPv6 address goes in brackets ([::1]:50051)");
    }
  }
  if (host.empty()) return absl::InvalidArgumentError("missing host (host:port)");
  if (port.empty()) return absl::InvalidArgumentError("missing port (host:port)");
  int number = 0;
  const bool digits = std::all_of(port.begin(), port.end(), absl::ascii_isdigit);
  if (!digits || port.size() > 5 || !absl::SimpleAtoi(port, &number) || number < 1 ||
      number > 65535) {
    return absl::InvalidArgumentError(
        absl::StrCat("port '", port, "' is not a number from 1 to 65535"));
  }
  return ServerAddress{std::string(host), number, std::string(element)};
}

}  // namespace

absl::StatusOr<ServerList> ParseServerList(absl::string_view value) {
  const std::vector<absl::string_view> elements = absl::StrSplit(value, ',');
  if (elements.size() == 1) {
    const absl::string_view only = absl::StripAsciiWhitespace(elements[0]);
    if (IsTargetUri(only)) return ServerList{std::string(only), {}};
  }
  ServerList list;
  std::vector<std::string> problems;
  std::set<std::pair<std::string, int>> seen;
  for (size_t i = 0; i < elements.size(); ++i) {
    const absl::string_view element = absl::StripAsciiWhitespace(elements[i]);
    if (element.empty()) {
      problems.push_back(elements.size() == 1
                             ? "no address given (host:port)"
                             : absl::StrCat("element ", i + 1, " of ", elements.size(),
                                            " is empty (addresses are separated by one comma)"));
      continue;
    }
    if (IsTargetUri(element)) {
      problems.push_back(absl::StrCat("'", element,
                                      "': a gRPC target URI can only be given alone; list "
                                      "several servers as host:port"));
      continue;
    }
    absl::StatusOr<ServerAddress> address = ParseAddress(element);
    if (!address.ok()) {
      problems.push_back(absl::StrCat("'", element, "': ", address.status().message()));
      continue;
    }
    // Names are case-insensitive; the same server twice would get twice the calls.
    if (!seen.emplace(absl::AsciiStrToLower(address->host), address->port).second) {
      problems.push_back(absl::StrCat("'", element, "' is given twice"));
      continue;
    }
    list.addresses.push_back(*std::move(address));
  }
  if (!problems.empty()) return absl::InvalidArgumentError(absl::StrJoin(problems, "; "));
  return list;
}

}  // namespace techmatch::client
