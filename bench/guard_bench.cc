// What the guard costs per call: (1) its own work in a tight loop — parse the token, the
// cached-key (or cached-session) lookup and byte comparison (SHA-256 only on the first call),
// the method's rule and the role check; (2) GetNeed end to end through an in-process server on
// port 0 with a valid API key and with a valid session token, against calls the guard refuses
// at once (no token), which cross the same gRPC stack but run no handler.
//
//   build-*/bin/guard_bench [--iterations=N] [--calls=N]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/string_view.h"
#include "absl/time/clock.h"
#include "core/auth/api_key.h"
#include "core/auth/invitation.h"
#include "core/auth/permissions.h"
#include "core/auth/session.h"
#include "core/auth/user.h"
#include "grpcpp/grpcpp.h"
#include "server/key_cache.h"
#include "server/session_cache.h"
#include "server/techmatch_server.h"
#include "storage/sqlite/sqlite_repository.h"
#include "techmatch/v1/need.grpc.pb.h"
#include "techmatch/v1/organization.grpc.pb.h"

namespace {

using Clock = std::chrono::steady_clock;

int Flag(int argc, char** argv, absl::string_view name, int fallback) {
  const std::string prefix = "--" + std::string(name) + "=";
  for (int i = 1; i < argc; ++i) {
    absl::string_view arg = argv[i];
    int value = 0;
    if (arg.substr(0, prefix.size()) == prefix &&
        absl::SimpleAtoi(arg.substr(prefix.size()), &value)) {
      return value;
    }
  }
  return fallback;
}

double NanosPer(Clock::duration elapsed, int n) {
  return std::chrono::duration<double, std::nano>(elapsed).count() / n;
}

std::string NewKey(techmatch::storage::Repository& repository) {
  techmatch::NewToken token = *techmatch::GenerateToken();
  const techmatch::ApiKey key =
      techmatch::KeyForToken(token, techmatch::Role::kOrganizer, "", "bench", absl::Now());
  if (!repository.CreateApiKey(key).ok()) std::abort();
  return token.token;
}

// A signed-in OFFICIAL user's session, stored directly: its token.
std::string NewSession(techmatch::storage::Repository& repository) {
  techmatch::NewToken code = *techmatch::GenerateToken(techmatch::kInvitationCodePrefix);
  techmatch::Invitation invitation;
  invitation.id = code.key_id;
  invitation.code_hash = techmatch::Sha256(code.token);
  invitation.email = "bench@example.com";
  invitation.display_name = "bench";
  invitation.create_time = absl::Now();
  invitation.expire_time = absl::Now() + absl::Hours(1);
  if (!repository.CreateInvitation(invitation).ok()) std::abort();
  techmatch::User user;
  user.meta.id = "bench";
  user.email = invitation.email;
  user.display_name = "bench";
  user.password_hash = "unused";
  if (!repository.CreateUserFromInvitation(user, invitation.id).ok()) std::abort();
  techmatch::NewToken token = *techmatch::GenerateToken(techmatch::kSessionTokenPrefix);
  techmatch::Session session;
  session.id = token.key_id;
  session.user_id = user.meta.id;
  session.token_hash = techmatch::Sha256(token.token);
  session.create_time = absl::Now();
  session.last_use_time = absl::Now();
  session.expire_time = absl::Now() + absl::Hours(12);
  if (!repository.CreateSession(session).ok()) std::abort();
  return token.token;
}

}  // namespace

int main(int argc, char** argv) {
  const int iterations = Flag(argc, argv, "iterations", 1000000);
  const int calls = Flag(argc, argv, "calls", 20000);
  char pattern[] = "/tmp/guard-bench-XXXXXX";
  if (mkdtemp(pattern) == nullptr) return 1;
  const std::string db = std::string(pattern) + "/bench.db";
  auto repository = techmatch::storage::SqliteRepository::Open(db, {});
  if (!repository.ok()) return 1;
  const std::string token = NewKey(**repository);
  const std::string session_token = NewSession(**repository);

  // (1) The guard's own work.
  {
    techmatch::server::KeyCache keys(**repository, absl::Hours(1));
    const char* kMethod = "/techmatch.v1.NeedService/GetNeed";
    int ok = 0;
    const Clock::time_point start = Clock::now();
    for (int i = 0; i < iterations; ++i) {
      absl::StatusOr<techmatch::Principal> principal = keys.Authenticate(token);
      ok += principal.ok() &&
            techmatch::Authorize(*principal, kMethod, techmatch::FindMethodRule(kMethod)).ok();
    }
    const double per_call = NanosPer(Clock::now() - start, iterations);
    std::printf(
        "guard work (token parse + cached key + rule + role): %.0f ns/call "
        "(%d/%d admitted)\n",
        per_call, ok, iterations);
  }

  {
    techmatch::server::SessionCache sessions(
        **repository, techmatch::SessionPolicy(), [] { return absl::Now(); }, absl::Hours(1));
    const char* kMethod = "/techmatch.v1.NeedService/GetNeed";
    int ok = 0;
    const Clock::time_point start = Clock::now();
    for (int i = 0; i < iterations; ++i) {
      absl::StatusOr<techmatch::Principal> principal = sessions.Authenticate(session_token);
      ok += principal.ok() &&
            techmatch::Authorize(*principal, kMethod, techmatch::FindMethodRule(kMethod)).ok();
    }
    const double per_call = NanosPer(Clock::now() - start, iterations);
    std::printf(
        "guard work (token parse + cached session + rule + role): %.0f ns/call "
        "(%d/%d admitted)\n",
        per_call, ok, iterations);
  }

  // (2) GetNeed through gRPC.
  techmatch::server::ServerOptions options;
  options.listen = "127.0.0.1:0";
  auto server = techmatch::server::TechmatchServer::Start(options, *std::move(repository));
  if (!server.ok()) return 1;
  auto channel = grpc::CreateChannel("127.0.0.1:" + std::to_string((*server)->port()),
                                     grpc::InsecureChannelCredentials());
  auto organizations = techmatch::v1::OrganizationService::NewStub(channel);
  auto needs = techmatch::v1::NeedService::NewStub(channel);
  auto context_with = [](const std::string& bearer) {
    auto c = std::make_unique<grpc::ClientContext>();
    c->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    if (!bearer.empty()) c->AddMetadata("authorization", "Bearer " + bearer);
    return c;
  };
  auto context = [&](bool with_token) { return context_with(with_token ? token : ""); };
  {
    techmatch::v1::CreateOrganizationRequest org;
    org.set_organization_id("acme");
    org.mutable_organization()->set_display_name("Acme");
    org.mutable_organization()->set_kind(techmatch::v1::Organization::ENTERPRISE);
    techmatch::v1::Organization created_org;
    if (!organizations->CreateOrganization(context(true).get(), org, &created_org).ok()) return 1;
    techmatch::v1::CreateNeedRequest need;
    need.set_need_id("n1");
    need.mutable_need()->set_enterprise("organizations/acme");
    need.mutable_need()->set_title("濃香型白酒窖池微生物調控");
    need.mutable_need()->add_industries("industries/liquor");
    techmatch::v1::Need created;
    if (!needs->CreateNeed(context(true).get(), need, &created).ok()) return 1;
  }
  techmatch::v1::GetNeedRequest get;
  get.set_name("needs/n1");
  for (int i = 0; i < calls / 10; ++i) {  // warm-up: connection, caches, allocator
    techmatch::v1::Need need;
    (void)needs->GetNeed(context(true).get(), get, &need);
  }
  struct Mode {
    const char* what;
    const std::string* bearer;
  };
  const std::string none;
  const Mode modes[] = {{"with an API key (guard + handler)", &token},
                        {"with a session token (guard + handler)", &session_token},
                        {"without a token (refused by the guard)", &none}};
  for (int round = 0; round < 2; ++round) {  // twice each, alternating
    for (const Mode& mode : modes) {
      int ok = 0;
      const Clock::time_point start = Clock::now();
      for (int i = 0; i < calls; ++i) {
        techmatch::v1::Need need;
        ok += needs->GetNeed(context_with(*mode.bearer).get(), get, &need).ok();
      }
      std::printf("GetNeed %s: %.1f us/call (%d OK of %d)\n", mode.what,
                  NanosPer(Clock::now() - start, calls) / 1000, ok, calls);
    }
  }
  (*server)->Shutdown(absl::Seconds(1));
  server->reset();
  std::system(("rm -rf '" + std::string(pattern) + "'").c_str());
  return 0;
}
