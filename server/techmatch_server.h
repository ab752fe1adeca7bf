// The techmatch gRPC server: every service over one repository, health checking and
// reflection on. Tests start it on port 0 in-process; main.cc wraps it in a binary.
#ifndef TECHMATCH_SERVER_TECHMATCH_SERVER_H_
#define TECHMATCH_SERVER_TECHMATCH_SERVER_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "core/matching/matching_engine.h"
#include "grpcpp/server.h"
#include "server/agreement_service.h"
#include "server/async_server.h"
#include "server/audit_service.h"
#include "server/commissioner_service.h"
#include "server/database_monitor.h"
#include "server/financing_service.h"
#include "server/follow_thread.h"
#include "server/guard.h"
#include "server/health_service.h"
#include "server/indicator_service.h"
#include "server/long_calls.h"
#include "server/match_service.h"
#include "server/need_service.h"
#include "server/offering_service.h"
#include "server/people_services.h"
#include "server/project_service.h"
#include "server/reference_services.h"
#include "server/report_service.h"
#include "server/service_context.h"
#include "server/target_service.h"
#include "server/thesaurus_service.h"
#include "server/transport.h"
#include "storage/repository.h"
#include "usecases/change_follower.h"
#include "usecases/people_context.h"

namespace techmatch::server {

struct ServerOptions {
  // host:port; port 0 picks a free port (see TechmatchServer::port()).
  std::string listen = "127.0.0.1:50051";
  // ISO 4217 code of the deployment's one currency.
  std::string base_currency = "CNY";
  // Plaintext unless certificate and key are given.
  TlsFiles tls;
  TransportLimits limits;
  // Long calls per principal, idle streams (server/long_calls.h).
  LongCallLimits long_calls;
  // Completion queues (one thread each) serving the short reads (AsyncServer); 0: one per core.
  int async_threads = 0;
  // Sessions' idle and absolute bounds, invitations' lifetime, the clock (tests move it).
  usecases::PeopleOptions people;
  // How often health asks whether the database answers (server/database_monitor.h), within
  // DatabaseMonitor's bounds.
  absl::Duration database_check_interval = absl::Seconds(1);
};

// Serves beside gRPC and stops with it (the HTTP listener of server/http/).
class Companion {
 public:
  virtual ~Companion() = default;
  // Shutdown has begun (health is NOT_SERVING); in-flight calls still run.
  virtual void Draining() = 0;
  // gRPC has stopped: stop serving. Called once.
  virtual void Stop() = 0;
};

class TechmatchServer {
 public:
  // Loads the matching index from `repository`, binds and starts serving; fails when the
  // address cannot be bound, an option is bad, or the text-analysis data is missing.
  static absl::StatusOr<std::unique_ptr<TechmatchServer>> Start(
      const ServerOptions& options, std::unique_ptr<storage::Repository> repository);
  ~TechmatchServer();

  TechmatchServer(const TechmatchServer&) = delete;
  TechmatchServer& operator=(const TechmatchServer&) = delete;

  int port() const { return port_; }
  // A channel to this server inside the process (no socket): for in-process clients such as
  // the fuzz targets.
  std::shared_ptr<grpc::Channel> InProcessChannel();
  std::shared_ptr<grpc::Channel> InProcessChannel(const grpc::ChannelArguments& args);
  // Health goes NOT_SERVING at once; in-flight calls get until `grace` to finish, then are
  // cancelled. Safe to call more than once.
  void Shutdown(absl::Duration grace);
  // Blocks until the server has shut down.
  void Wait();
  // `companion` is told of the shutdown and stopped after gRPC.
  void Attach(std::unique_ptr<Companion> companion) { companions_.push_back(std::move(companion)); }
  // SERVING or not, and why (for /healthz).
  const HealthService& health() const { return health_; }

 private:
  TechmatchServer(std::unique_ptr<storage::Repository> repository, Currency currency,
                  std::string page_token_key, std::shared_ptr<const TextAnalyzer> analyzer,
                  const LongCallLimits& long_calls, const usecases::PeopleOptions& people);

  std::unique_ptr<storage::Repository> repository_;
  MatchingEngine matching_;
  usecases::PeopleContext people_;
  Guard guard_;
  ServiceContext context_;
  IndustryServiceImpl industries_;
  OrganizationServiceImpl organizations_;
  EventServiceImpl events_;
  NeedServiceImpl needs_;
  OfferingServiceImpl offerings_;
  MatchServiceImpl matches_;
  AgreementServiceImpl agreements_;
  ReportServiceImpl reports_;
  AuditServiceImpl audit_;
  ThesaurusServiceImpl thesaurus_;
  UserServiceImpl users_;
  SessionServiceImpl sessions_;
  KeyServiceImpl keys_;
  RegistrationServiceImpl registrations_;
  IndicatorServiceImpl indicators_;
  TargetServiceImpl targets_;
  ProjectServiceImpl projects_;
  CommissionerServiceImpl commissioners_;
  FinancingServiceImpl financings_;
  HealthService health_;
  // Declared after health_ and repository_, which its thread uses.
  std::unique_ptr<DatabaseMonitor> database_monitor_;
  // Other servers' writes on a shared database (null on SQLite); the thread is declared after
  // everything it updates, so it stops before they go.
  std::unique_ptr<usecases::ChangeFollower> follower_;
  std::unique_ptr<FollowThread> follow_thread_;
  // Declared before server_ so that it goes after it.
  std::unique_ptr<AsyncServer> async_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
  // Declared after server_ so that they go before it.
  std::vector<std::unique_ptr<Companion>> companions_;
};

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_TECHMATCH_SERVER_H_
