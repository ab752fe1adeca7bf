#include "fuzz/in_process_server.h"

#include <cstdio>
#include <cstdlib>

#include "absl/time/clock.h"
#include "core/auth/api_key.h"
#include "core/auth/role.h"
#include "server/techmatch_server.h"
#include "spdlog/spdlog.h"
#include "storage/sqlite/sqlite_repository.h"
#include "techmatch/v1/event.grpc.pb.h"
#include "techmatch/v1/organization.grpc.pb.h"

namespace techmatch::fuzz {
namespace {

// The token while the fixture starts (Seed calls NewContext before Get() returns).
std::string* starting_token = nullptr;

struct Fixture {
  std::string dir;
  std::string token;  // an ADMIN key's: every method is allowed, so handlers are reached
  std::unique_ptr<server::TechmatchServer> server;
  std::shared_ptr<grpc::Channel> channel;
};

void Seed(grpc::Channel& channel) {
  auto organizations = v1::OrganizationService::NewStub(channel.shared_from_this());
  const std::pair<const char*, v1::Organization::Kind> seeds[] = {
      {"acme", v1::Organization::ENTERPRISE},
      {"scu", v1::Organization::UNIVERSITY},
      {"gov", v1::Organization::GOVERNMENT},
  };
  for (const auto& [id, kind] : seeds) {
    v1::CreateOrganizationRequest request;
    request.set_organization_id(id);
    request.mutable_organization()->set_display_name(id);
    request.mutable_organization()->set_kind(kind);
    v1::Organization created;
    auto context = NewContext();
    const grpc::Status status = organizations->CreateOrganization(context.get(), request, &created);
    if (!status.ok()) {
      std::fprintf(stderr, "fuzz: cannot seed %s: %s\n", id, status.error_message().c_str());
      std::abort();
    }
  }
  auto events = v1::EventService::NewStub(channel.shared_from_this());
  v1::CreateEventRequest request;
  request.set_event_id("fair");
  request.mutable_event()->set_display_name("fair");
  request.mutable_event()->mutable_start_time()->set_seconds(1795000000);
  request.mutable_event()->mutable_end_time()->set_seconds(1795086400);
  v1::Event event;
  auto context = NewContext();
  if (!events->CreateEvent(context.get(), request, &event).ok()) std::abort();
}

Fixture* Start() {
  spdlog::set_level(spdlog::level::err);  // per-call logs would drown the fuzzer's output
  auto* fixture = new Fixture;
  char pattern[] = "/tmp/techmatch-fuzz-XXXXXX";
  if (mkdtemp(pattern) == nullptr) std::abort();
  fixture->dir = pattern;
  storage::SqliteOptions storage_options;
  // A fuzzer writes thousands of records a second; losing them on power loss is fine here.
  storage_options.synchronous = storage::Synchronous::kNormal;
  auto repository = storage::SqliteRepository::Open(fixture->dir + "/fuzz.db", storage_options);
  if (!repository.ok()) std::abort();
  absl::StatusOr<NewToken> token = GenerateToken();
  if (!token.ok()) std::abort();
  if (!(*repository)
           ->CreateApiKey(KeyForToken(*token, Role::kAdmin, "", "fuzz", absl::Now()))
           .ok()) {
    std::abort();
  }
  fixture->token = token->token;
  server::ServerOptions options;
  options.listen = "127.0.0.1:0";
  auto server = server::TechmatchServer::Start(options, *std::move(repository));
  if (!server.ok()) {
    std::fprintf(stderr, "fuzz: cannot start the server: %s\n", server.status().ToString().c_str());
    std::abort();
  }
  fixture->server = *std::move(server);
  fixture->channel = fixture->server->InProcessChannel();
  starting_token = &fixture->token;
  Seed(*fixture->channel);
  starting_token = nullptr;
  // The temporary directory goes when the process ends normally.
  static std::string* const dir = new std::string(fixture->dir);
  std::atexit([] { (void)std::system(("rm -rf '" + *dir + "'").c_str()); });
  return fixture;
}

Fixture& Get() {
  static Fixture* const fixture = Start();
  return *fixture;
}

}  // namespace

std::shared_ptr<grpc::Channel> InProcessChannel() { return Get().channel; }

std::unique_ptr<grpc::ClientContext> NewContext() {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  const std::string& token = starting_token != nullptr ? *starting_token : Get().token;
  context->AddMetadata("authorization", "Bearer " + token);
  return context;
}

void CheckStatus(const grpc::Status& status, const std::string& method) {
  switch (status.error_code()) {
    case grpc::StatusCode::OK:
    case grpc::StatusCode::INVALID_ARGUMENT:
    case grpc::StatusCode::NOT_FOUND:
    case grpc::StatusCode::ALREADY_EXISTS:
    case grpc::StatusCode::FAILED_PRECONDITION:
    case grpc::StatusCode::ABORTED:
    case grpc::StatusCode::OUT_OF_RANGE:
    case grpc::StatusCode::PERMISSION_DENIED:
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return;
    case grpc::StatusCode::UNAUTHENTICATED:
      // Signing in with credentials that do not match is the one documented UNAUTHENTICATED
      // answer to a caller that holds a valid ADMIN key.
      if (method == "/techmatch.v1.SessionService/CreateSession") return;
      [[fallthrough]];
    default:
      std::fprintf(stderr, "fuzz: %s answered %d: %s\n", method.c_str(),
                   static_cast<int>(status.error_code()), status.error_message().c_str());
      std::abort();
  }
}

}  // namespace techmatch::fuzz
