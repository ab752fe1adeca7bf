// The client side of the crash test: creates organizations and needs one after another, each
// with its own request id and a generated resource id, and appends the name of every
// acknowledged record to a file. A call that fails (the server was killed) is retried with the
// same request id until it is acknowledged, so a create that committed before the kill is
// answered with the record it made, never made twice (AIP-155).
//
//   crash_writer --target HOST:PORT --acked FILE --stop FILE --prefix P [--token T] [--spread]
//
// --spread sends the calls round robin over every address of the target (e.g.
// ipv4:127.0.0.1:P1,127.0.0.1:P2, servers sharing one database), as a client of several servers
// does; a retry goes to whichever is up.
//
// Stops (after its current create is acknowledged) once the stop file exists.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <thread>

#include "CLI/CLI.hpp"
#include "grpcpp/grpcpp.h"
#include "techmatch/v1/need.grpc.pb.h"
#include "techmatch/v1/organization.grpc.pb.h"

namespace {

bool Exists(const std::string& path) { return access(path.c_str(), F_OK) == 0; }

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"crash-test writer"};
  std::string target, acked_path, stop_path, prefix, token;
  app.add_option("--target", target)->required();
  app.add_option("--acked", acked_path)->required();
  app.add_option("--stop", stop_path)->required();
  app.add_option("--prefix", prefix)->required();
  app.add_option("--token", token)->envname("TECHMATCH_TOKEN");
  bool spread = false;
  app.add_flag("--spread", spread);
  CLI11_PARSE(app, argc, argv);

  grpc::ChannelArguments args;
  // Reconnect quickly once the killed server is back.
  args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 50);
  args.SetInt(GRPC_ARG_MIN_RECONNECT_BACKOFF_MS, 50);
  args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 200);
  if (spread) args.SetServiceConfigJSON(R"({"loadBalancingConfig": [{"round_robin": {}}]})");
  auto channel = grpc::CreateCustomChannel(target, grpc::InsecureChannelCredentials(), args);
  auto organizations = techmatch::v1::OrganizationService::NewStub(channel);
  auto needs = techmatch::v1::NeedService::NewStub(channel);
  std::ofstream acked(acked_path, std::ios::app);

  int retries = 0;
  // Calls `attempt` until it is OK; FAILED unless only the server's absence stopped it.
  auto until_acknowledged = [&](const std::function<grpc::Status(grpc::ClientContext&)>& attempt) {
    for (;;) {
      grpc::ClientContext context;
      context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(3));
      context.set_wait_for_ready(true);
      if (!token.empty()) context.AddMetadata("authorization", "Bearer " + token);
      const grpc::Status status = attempt(context);
      if (status.ok()) return true;
      if (status.error_code() != grpc::StatusCode::UNAVAILABLE &&
          status.error_code() != grpc::StatusCode::DEADLINE_EXCEEDED &&
          status.error_code() != grpc::StatusCode::CANCELLED) {
        std::cerr << "crash_writer: unexpected " << status.error_code() << ": "
                  << status.error_message() << "\n";
        return false;
      }
      ++retries;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  };

  std::string enterprise;
  int created = 0;
  for (int i = 0; !Exists(stop_path); ++i) {
    const std::string request_id = prefix + "-req-" + std::to_string(i);
    std::string name;
    bool ok;
    if (i % 10 == 0) {
      techmatch::v1::CreateOrganizationRequest request;
      request.set_request_id(request_id);
      request.mutable_organization()->set_display_name(prefix + " 酒厂 " + std::to_string(i));
      request.mutable_organization()->set_kind(techmatch::v1::Organization::ENTERPRISE);
      techmatch::v1::Organization response;
      ok = until_acknowledged([&](grpc::ClientContext& context) {
        return organizations->CreateOrganization(&context, request, &response);
      });
      name = response.name();
      enterprise = name;
    } else {
      techmatch::v1::CreateNeedRequest request;
      request.set_request_id(request_id);
      techmatch::v1::Need& need = *request.mutable_need();
      need.set_enterprise(enterprise);
      need.set_title(prefix + " 窖池温度监测 " + std::to_string(i));
      need.set_description("白酒发酵过程的在线监测。Online monitoring of fermentation.");
      need.add_industries("industries/liquor");
      techmatch::v1::Need response;
      ok = until_acknowledged([&](grpc::ClientContext& context) {
        return needs->CreateNeed(&context, request, &response);
      });
      name = response.name();
    }
    if (!ok) return 1;
    acked << request_id << ' ' << name << '\n' << std::flush;
    ++created;
  }
  std::cout << "crash_writer: " << created << " acknowledged, " << retries << " retries\n";
  return 0;
}
