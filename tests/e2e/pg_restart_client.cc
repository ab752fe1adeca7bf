// The client of the PostgreSQL restart fault test (pg_restart_e2e_test.sh): writes a stream of
// needs to techmatch-servers over one PostgreSQL cluster, restarts the cluster in the middle
// (scripts/pg-cluster restart), and checks what the servers promise:
//   - each server's health (grpc.health.v1 Check of "", and /healthz) goes NOT_SERVING / 503
//     while the database is down and back to SERVING / 200 afterwards, without a restart;
//   - writes succeed again on every server;
//   - every need a server acknowledged (CreateNeed OK) is readable (GetNeed) on every server and
//     is in the matching index of every server (MatchOffering of the trial's offering, which
//     shares the trial's unique word and industry with each of its needs): the server that took
//     it indexed it at once, the other followed it through the change feed, catching up after
//     the restart.
//
// usage: pg_restart_client --token T --pg_cluster SCRIPT --cluster_dir DIR --trials N
//                          --server host:grpc_port:http_port [--server ...]
// Prints one line per trial (acknowledged, lost, failed calls, time to SERVING) and exits 0
// when every check held, 1 otherwise.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <iostream>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/grpcpp.h"
#include "techmatch/v1/match.grpc.pb.h"
#include "techmatch/v1/need.grpc.pb.h"
#include "techmatch/v1/offering.grpc.pb.h"
#include "techmatch/v1/organization.grpc.pb.h"

namespace {

using techmatch::v1::MatchService;
using techmatch::v1::NeedService;
using techmatch::v1::OfferingService;
using techmatch::v1::OrganizationService;

// How long the database stays down in each restart, and the bounds of everything awaited.
constexpr int kDownSeconds = 2;
constexpr absl::Duration kServingBound = absl::Seconds(20);
constexpr absl::Duration kWriteBeforeRestart = absl::Seconds(1);
constexpr absl::Duration kWriteAfterServing = absl::Seconds(1);
constexpr absl::Duration kWritePace = absl::Milliseconds(10);

struct Server {
  std::string host;
  int grpc_port = 0;
  int http_port = 0;
  std::shared_ptr<grpc::Channel> channel;
  std::unique_ptr<NeedService::Stub> needs;
  std::unique_ptr<OfferingService::Stub> offerings;
  std::unique_ptr<MatchService::Stub> matches;
  std::unique_ptr<OrganizationService::Stub> organizations;
};

struct Options {
  std::string token;
  std::string pg_cluster;
  std::string cluster_dir;
  int trials = 2;
  std::vector<Server> servers;
};

bool failed = false;
void Fail(const std::string& what) {
  std::cerr << "FAIL: " << what << "\n";
  failed = true;
}

std::unique_ptr<grpc::ClientContext> Ctx(const Options& options,
                                         absl::Duration deadline = absl::Seconds(5)) {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(absl::ToChronoTime(absl::Now() + deadline));
  context->AddMetadata("authorization", "Bearer " + options.token);
  return context;
}

// grpc.health.v1 Check of "": true for SERVING (status = 1), false for anything else.
bool GrpcServing(Server& server) {
  grpc::GenericStub stub(server.channel);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(2));
  grpc::Slice empty;
  grpc::ByteBuffer request(&empty, 1);
  grpc::ByteBuffer response;
  std::promise<grpc::Status> done;
  stub.UnaryCall(&context, "/grpc.health.v1.Health/Check", grpc::StubOptions(), &request, &response,
                 [&done](grpc::Status status) { done.set_value(status); });
  if (!done.get_future().get().ok()) return false;
  std::vector<grpc::Slice> slices;
  std::string bytes;
  if (!response.Dump(&slices).ok()) return false;
  for (const grpc::Slice& slice : slices) {
    bytes.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
  }
  return bytes == std::string("\x08\x01", 2);
}

// GET /healthz: the status code, 0 when there was no answer.
int HealthzStatus(const Server& server) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return 0;
  timeval timeout{2, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(server.http_port));
  ::inet_pton(AF_INET, server.host.c_str(), &address.sin_addr);
  int status = 0;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0) {
    const std::string request = "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    if (::send(fd, request.data(), request.size(), 0) == static_cast<ssize_t>(request.size())) {
      char buffer[64] = {};
      const ssize_t n = ::recv(fd, buffer, sizeof(buffer) - 1, 0);
      // "HTTP/1.1 200 OK"
      if (n >= 12) absl::SimpleAtoi(absl::string_view(buffer + 9, 3), &status);
    }
  }
  ::close(fd);
  return status;
}

// One acknowledged need: its id and the server that took it.
struct Ack {
  std::string id;
  size_t server;
};

struct TrialResult {
  int acknowledged = 0;
  int lost = 0;
  int failed_calls = 0;
  double seconds_to_serving = 0;  // The slowest server, from the end of the restart.
};

TrialResult RunTrial(Options& options, int trial) {
  TrialResult result;
  const std::string word = absl::StrCat("zqfault", trial, "w", getpid());
  // The trial's offering: every need of the trial shares its word and industry.
  techmatch::v1::CreateOfferingRequest create_offering;
  create_offering.set_offering_id(absl::StrCat("fault-", trial, "-", getpid()));
  techmatch::v1::Offering& offering = *create_offering.mutable_offering();
  offering.set_institute("organizations/scu");
  offering.set_title(absl::StrCat("窖池 ", word, " offering"));
  offering.set_description(absl::StrCat("Pit mud microbiome ", word));
  offering.add_keywords(word);
  offering.add_industries("industries/liquor");
  offering.set_trl(6);
  techmatch::v1::Offering created_offering;
  grpc::Status status = options.servers[0].offerings->CreateOffering(
      Ctx(options).get(), create_offering, &created_offering);
  if (!status.ok()) {
    Fail(absl::StrCat("trial ", trial, ": CreateOffering: ", status.error_message()));
    return result;
  }

  std::atomic<bool> stop{false};
  std::vector<Ack> acks;
  std::vector<absl::Time> ack_times;
  std::atomic<int> acked{0};
  std::thread writer([&] {
    for (int i = 0; !stop; ++i) {
      const size_t target = static_cast<size_t>(i) % options.servers.size();
      techmatch::v1::CreateNeedRequest request;
      request.set_need_id(absl::StrCat("f", trial, "-", getpid(), "-", i));
      request.set_request_id(absl::StrCat("fault-", getpid(), "-", trial, "-", i));
      techmatch::v1::Need& need = *request.mutable_need();
      need.set_enterprise("organizations/acme");
      need.set_title(absl::StrCat("窖池 ", word, " need ", i));
      need.set_description(absl::StrCat("Pit mud microbiome ", word));
      need.add_keywords(word);
      need.add_industries("industries/liquor");
      techmatch::v1::Need created;
      const grpc::Status written =
          options.servers[target].needs->CreateNeed(Ctx(options).get(), request, &created);
      if (written.ok()) {
        acks.push_back({request.need_id(), target});
        ack_times.push_back(absl::Now());
        ++acked;
      } else {
        ++result.failed_calls;
      }
      absl::SleepFor(kWritePace);
    }
  });

  absl::SleepFor(kWriteBeforeRestart);
  const int acked_before = acked.load();
  std::atomic<bool> restarted{false};
  absl::Time restart_done;
  std::thread restart([&] {
    const std::string command =
        absl::StrCat(options.pg_cluster, " restart ", options.cluster_dir, " ", kDownSeconds);
    if (std::system(command.c_str()) != 0) Fail(absl::StrCat("trial ", trial, ": ", command));
    restart_done = absl::Now();
    restarted = true;
  });
  // Health while the database is down: each server says NOT_SERVING and 503 at least once.
  std::vector<bool> saw_not_serving(options.servers.size(), false);
  std::vector<bool> saw_503(options.servers.size(), false);
  while (!restarted) {
    for (size_t s = 0; s < options.servers.size(); ++s) {
      if (!GrpcServing(options.servers[s])) saw_not_serving[s] = true;
      if (HealthzStatus(options.servers[s]) == 503) saw_503[s] = true;
    }
    absl::SleepFor(absl::Milliseconds(50));
  }
  restart.join();
  // Then SERVING and 200 again, within the bound.
  double slowest = 0;
  for (size_t s = 0; s < options.servers.size(); ++s) {
    if (!saw_not_serving[s])
      Fail(absl::StrCat("trial ", trial, ": server ", s, " never NOT_SERVING"));
    if (!saw_503[s]) Fail(absl::StrCat("trial ", trial, ": server ", s, " /healthz never 503"));
    while (!(GrpcServing(options.servers[s]) && HealthzStatus(options.servers[s]) == 200) &&
           absl::Now() - restart_done < kServingBound) {
      absl::SleepFor(absl::Milliseconds(20));
    }
    const double seconds = absl::ToDoubleSeconds(absl::Now() - restart_done);
    if (absl::Now() - restart_done >= kServingBound) {
      Fail(absl::StrCat("trial ", trial, ": server ", s, " not SERVING ",
                        absl::FormatDuration(kServingBound), " after the restart"));
    }
    slowest = std::max(slowest, seconds);
  }
  result.seconds_to_serving = slowest;
  const absl::Time serving = absl::Now();
  absl::SleepFor(kWriteAfterServing);
  stop = true;
  writer.join();

  // Writes succeed again on every server once it is SERVING.
  std::set<size_t> wrote_after;
  for (size_t i = 0; i < acks.size(); ++i) {
    if (ack_times[i] > serving) wrote_after.insert(acks[i].server);
  }
  if (wrote_after.size() != options.servers.size()) {
    Fail(absl::StrCat("trial ", trial, ": writes did not succeed again on every server"));
  }
  if (acked_before == 0) Fail(absl::StrCat("trial ", trial, ": no write before the restart"));

  // Every acknowledged need: readable on every server, and in every server's matching index
  // once its follower has caught up with the writes of the other (by sequence, after the
  // reconnect; a few seconds allowed for a loaded machine).
  std::vector<std::set<std::string>> matched(options.servers.size());
  const auto read_indexes = [&] {
    for (size_t s = 0; s < options.servers.size(); ++s) {
      techmatch::v1::MatchOfferingRequest request;
      request.set_offering(created_offering.name());
      request.set_page_size(1000);
      techmatch::v1::MatchOfferingResponse response;
      status = options.servers[s].matches->MatchOffering(Ctx(options).get(), request, &response);
      if (!status.ok()) {
        Fail(absl::StrCat("trial ", trial, ": MatchOffering on server ", s, ": ",
                          status.error_message()));
      }
      matched[s].clear();
      for (const auto& match : response.matches()) matched[s].insert(match.need());
    }
  };
  const auto everywhere = [&] {
    for (const Ack& ack : acks) {
      for (const auto& indexed : matched) {
        if (indexed.count(absl::StrCat("needs/", ack.id)) == 0) return false;
      }
    }
    return true;
  };
  for (int attempt = 0; attempt < 40; ++attempt) {
    read_indexes();
    if (everywhere()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
  }
  result.acknowledged = static_cast<int>(acks.size());
  for (const Ack& ack : acks) {
    const std::string name = absl::StrCat("needs/", ack.id);
    bool lost = false;
    for (size_t s = 0; s < options.servers.size(); ++s) {
      techmatch::v1::GetNeedRequest request;
      request.set_name(name);
      techmatch::v1::Need need;
      status = options.servers[s].needs->GetNeed(Ctx(options).get(), request, &need);
      if (!status.ok()) {
        Fail(absl::StrCat("trial ", trial, ": acknowledged ", name, " not readable on server ", s,
                          ": ", status.error_message()));
        lost = true;
      }
    }
    for (size_t s = 0; s < options.servers.size(); ++s) {
      if (matched[s].count(name) == 0) {
        Fail(absl::StrCat("trial ", trial, ": acknowledged ", name,
                          " not in the matching index of server ", s, " (taken by server ",
                          ack.server, ")"));
        lost = true;
      }
    }
    if (lost) ++result.lost;
  }
  return result;
}

bool ParseServer(absl::string_view text, Server& server) {
  const std::vector<std::string> parts = absl::StrSplit(text, ':');
  return parts.size() == 3 && absl::SimpleAtoi(parts[1], &server.grpc_port) &&
         absl::SimpleAtoi(parts[2], &server.http_port) && (server.host = parts[0], true);
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const std::string value = argv[i + 1];
    if (flag == "--token") {
      options.token = value;
    } else if (flag == "--pg_cluster") {
      options.pg_cluster = value;
    } else if (flag == "--cluster_dir") {
      options.cluster_dir = value;
    } else if (flag == "--trials") {
      if (!absl::SimpleAtoi(value, &options.trials) || options.trials < 1 || options.trials > 100) {
        std::cerr << "--trials must be between 1 and 100\n";
        return 2;
      }
    } else if (flag == "--server") {
      Server server;
      if (!ParseServer(value, server)) {
        std::cerr << "--server must be host:grpc_port:http_port, got " << value << "\n";
        return 2;
      }
      options.servers.push_back(std::move(server));
    } else {
      std::cerr << "unknown flag " << flag << "\n";
      return 2;
    }
  }
  if (options.servers.empty() || options.token.empty() || options.cluster_dir.empty() ||
      options.pg_cluster.empty()) {
    std::cerr << "usage: pg_restart_client --token T --pg_cluster SCRIPT --cluster_dir DIR "
                 "[--trials N] --server host:grpc_port:http_port...\n";
    return 2;
  }
  for (Server& server : options.servers) {
    server.channel = grpc::CreateChannel(absl::StrCat(server.host, ":", server.grpc_port),
                                         grpc::InsecureChannelCredentials());
    server.needs = NeedService::NewStub(server.channel);
    server.offerings = OfferingService::NewStub(server.channel);
    server.matches = MatchService::NewStub(server.channel);
    server.organizations = OrganizationService::NewStub(server.channel);
  }
  for (const auto& [id, kind] : {std::pair<std::string, techmatch::v1::Organization::Kind>{
                                     "acme", techmatch::v1::Organization::ENTERPRISE},
                                 {"scu", techmatch::v1::Organization::UNIVERSITY}}) {
    techmatch::v1::CreateOrganizationRequest request;
    request.set_organization_id(id);
    request.mutable_organization()->set_display_name("Org " + id);
    request.mutable_organization()->set_kind(kind);
    request.mutable_organization()->set_region_code("510500");
    techmatch::v1::Organization created;
    const grpc::Status status =
        options.servers[0].organizations->CreateOrganization(Ctx(options).get(), request, &created);
    if (!status.ok()) {
      std::cerr << "FAIL: CreateOrganization " << id << ": " << status.error_message() << "\n";
      return 1;
    }
  }
  int total_lost = 0;
  for (int trial = 1; trial <= options.trials; ++trial) {
    const TrialResult result = RunTrial(options, trial);
    total_lost += result.lost;
    std::printf(
        "trial %d: acknowledged %d, lost %d, failed calls %d, SERVING %.2f s after the "
        "restart\n",
        trial, result.acknowledged, result.lost, result.failed_calls, result.seconds_to_serving);
    std::fflush(stdout);
  }
  if (total_lost != 0) Fail(absl::StrCat(total_lost, " acknowledged needs lost"));
  return failed ? 1 : 0;
}
