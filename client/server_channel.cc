#include "client/server_channel.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <random>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "grpc/grpc.h"

namespace techmatch::client {
namespace {

struct Resolved {
  bool v6 = false;
  std::string ip;  // Numeric, without brackets.
  int port = 0;
};

// Every address `address` names (a literal names itself), in the resolver's order.
absl::StatusOr<std::vector<Resolved>> Resolve(const ServerAddress& address) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  const std::string port = std::to_string(address.port);
  if (const int error = getaddrinfo(address.host.c_str(), port.c_str(), &hints, &found);
      error != 0) {
    return absl::UnavailableError(absl::StrCat("'", address.text, "': ", gai_strerror(error)));
  }
  std::vector<Resolved> resolved;
  for (const addrinfo* info = found; info != nullptr; info = info->ai_next) {
    char text[INET6_ADDRSTRLEN] = {};
    if (info->ai_family == AF_INET) {
      const auto* in = reinterpret_cast<const sockaddr_in*>(info->ai_addr);
      if (inet_ntop(AF_INET, &in->sin_addr, text, sizeof(text)) == nullptr) continue;
      resolved.push_back({false, text, address.port});
    } else if (info->ai_family == AF_INET6) {
      const auto* in6 = reinterpret_cast<const sockaddr_in6*>(info->ai_addr);
      if (inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof(text)) == nullptr) continue;
      resolved.push_back({true, text, address.port});
    }
  }
  freeaddrinfo(found);
  if (resolved.empty()) {
    return absl::UnavailableError(absl::StrCat("'", address.text, "': no IPv4 or IPv6 address"));
  }
  return resolved;
}

// One `ipv4:` target when every address is IPv4; otherwise one `ipv6:` target, IPv4 addresses
// written IPv4-mapped (gRPC has no scheme mixing the two families).
std::string SockaddrTarget(const std::vector<Resolved>& addresses) {
  const bool any_v6 = std::any_of(addresses.begin(), addresses.end(),
                                  [](const Resolved& address) { return address.v6; });
  std::vector<std::string> parts;
  for (const Resolved& address : addresses) {
    if (!any_v6) {
      parts.push_back(absl::StrCat(address.ip, ":", address.port));
    } else {
      parts.push_back(
          absl::StrCat("[", address.v6 ? "" : "::ffff:", address.ip, "]:", address.port));
    }
  }
  // Two names of one server give it one place. The order is shuffled: round_robin sends the
  // first call to the first server ready, mostly the first one dialled, and a CLI run is often
  // one call, so a fixed order would send most runs to the first address.
  std::vector<std::string> unique;
  for (std::string& part : parts) {
    if (std::find(unique.begin(), unique.end(), part) == unique.end()) {
      unique.push_back(std::move(part));
    }
  }
  std::shuffle(unique.begin(), unique.end(), std::mt19937(std::random_device()()));
  return absl::StrCat(any_v6 ? "ipv6:" : "ipv4:", absl::StrJoin(unique, ","));
}

}  // namespace

std::string MultiServerServiceConfig() {
  // The reads of techmatch.v1 (service/method): the calls that are retried.
  static constexpr const char* kReads[] = {
      "AgreementService/GetAgreement",
      "AgreementService/ListAgreements",
      "AgreementService/ExportAgreements",
      "AuditService/ListAuditEvents",
      "CommissionerService/GetCommissioner",
      "CommissionerService/ListCommissioners",
      "EventService/GetEvent",
      "EventService/ListEvents",
      "EventService/ListParticipants",
      "FinancingService/GetFinancing",
      "FinancingService/ListFinancings",
      "IndicatorService/ListIndicators",
      "IndicatorService/ListObservations",
      "IndustryService/ListIndustries",
      "IndustryService/GetIndustry",
      "KeyService/ListApiKeys",
      "MatchService/MatchNeed",
      "MatchService/MatchOffering",
      "MatchService/MatchEvent",
      "MatchService/WatchMatches",
      "MatchService/GetMeetingPlan",
      "MatchService/GetMeetingRequest",
      "MatchService/ListMeetingRequests",
      "MatchService/ListMeetings",
      "NeedService/GetNeed",
      "NeedService/ListNeeds",
      "OfferingService/GetOffering",
      "OfferingService/ListOfferings",
      "OrganizationService/GetOrganization",
      "OrganizationService/ListOrganizations",
      "ProjectService/GetProject",
      "ProjectService/ListProjects",
      "ProjectService/ListFundArrivals",
      "RegistrationService/GetApplication",
      "RegistrationService/ListApplications",
      "ReportService/SummarizeAgreements",
      "ReportService/GetEventSummary",
      "ReportService/GetProgrammeReport",
      "SessionService/ListSessions",
      "TargetService/GetTarget",
      "TargetService/ListTargets",
      "ThesaurusService/ListThesaurusEntries",
      "ThesaurusService/GetThesaurusEntry",
      "UserService/GetUser",
      "UserService/ListUsers",
  };
  std::vector<std::string> names;
  for (absl::string_view read : kReads) {
    const std::pair<absl::string_view, absl::string_view> name = absl::StrSplit(read, '/');
    names.push_back(absl::StrCat(R"({"service": "techmatch.v1.)", name.first, R"(", "method": ")",
                                 name.second, R"("})"));
  }
  // Reads that reached a server which then died fail UNAVAILABLE and are tried again on the
  // next server (round_robin picks among the ready ones). Retries rather than waitForReady, so
  // a call made when no server at all is up fails at once instead of waiting out its deadline.
  // Writes are not retried: the CLI sends a request_id only when --request-id is given, and
  // updates and state changes carry none, so a repeated write could be applied twice (or fail
  // on its own first success). gRPC still repeats any call that never reached a server.
  return absl::StrCat(R"json({
  "loadBalancingConfig": [{"round_robin": {}}],
  "healthCheckConfig": {"serviceName": ""},
  "methodConfig": [{
    "name": [)json",
                      absl::StrJoin(names, ", "), R"json(],
    "retryPolicy": {
      "maxAttempts": 3,
      "initialBackoff": "0.1s",
      "maxBackoff": "1s",
      "backoffMultiplier": 2,
      "retryableStatusCodes": ["UNAVAILABLE"]
    }
  }]
})json");
}

ChannelTarget ChannelTargetFor(const ServerList& servers) {
  ChannelTarget channel;
  if (!servers.uri.empty()) {
    channel.target = servers.uri;
    return channel;
  }
  if (servers.addresses.size() == 1) {
    channel.target = servers.addresses.front().text;
    return channel;
  }
  std::vector<Resolved> all;
  for (const ServerAddress& address : servers.addresses) {
    absl::StatusOr<std::vector<Resolved>> resolved = Resolve(address);
    if (!resolved.ok()) {
      channel.unresolved.push_back(std::string(resolved.status().message()));
      continue;
    }
    all.insert(all.end(), resolved->begin(), resolved->end());
  }
  if (all.empty()) {
    channel.target = servers.addresses.front().text;
    return channel;
  }
  channel.target = SockaddrTarget(all);
  // The authority (and the name TLS checks) would otherwise be the list of numeric addresses.
  channel.arguments.SetString(GRPC_ARG_DEFAULT_AUTHORITY, servers.addresses.front().text);
  channel.arguments.SetServiceConfigJSON(MultiServerServiceConfig());
  return channel;
}

}  // namespace techmatch::client
