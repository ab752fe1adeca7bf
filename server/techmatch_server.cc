#include "server/techmatch_server.h"

#include <chrono>
#include <memory>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "grpcpp/ext/proto_server_reflection_plugin.h"
#include "grpcpp/health_check_service_interface.h"  // EnableDefaultHealthCheckService
#include "grpcpp/security/server_credentials.h"
#include "grpcpp/server_builder.h"
#include "server/index_loader.h"
#include "server/malformed_request_interceptor.h"
#include "spdlog/spdlog.h"
#include "storage/reachability.h"

namespace techmatch::server {
namespace {

constexpr int kMaxIdlePollers = 64;
// How long one database check may wait for an answer (server/database_monitor.h).
constexpr absl::Duration kDatabaseCheckTimeout = absl::Seconds(2);

// The short reads, served from the completion queues on the thread that polled them
// (server/async_server.h); each service class names its own (its base class and its
// ServeShortReads). Everything else (writes, which wait for fsync; matching and reports, which
// can take a while; streams; a method added later) stays on the sync API.
void ServeShortReads(AsyncServer& async, NeedServiceImpl& needs, OfferingServiceImpl& offerings,
                     IndustryServiceImpl& industries, OrganizationServiceImpl& organizations,
                     EventServiceImpl& events, MatchServiceImpl& matches,
                     AgreementServiceImpl& agreements, AuditServiceImpl& audit,
                     UserServiceImpl& users, SessionServiceImpl& sessions, KeyServiceImpl& keys,
                     RegistrationServiceImpl& registrations) {
  needs.ServeShortReads(async);
  offerings.ServeShortReads(async);
  industries.ServeShortReads(async);
  organizations.ServeShortReads(async);
  events.ServeShortReads(async);
  matches.ServeShortReads(async);
  agreements.ServeShortReads(async);
  audit.ServeShortReads(async);
  users.ServeShortReads(async);
  sessions.ServeShortReads(async);
  keys.ServeShortReads(async);
  registrations.ServeShortReads(async);
}

}  // namespace

TechmatchServer::TechmatchServer(std::unique_ptr<storage::Repository> repository, Currency currency,
                                 std::string page_token_key,
                                 std::shared_ptr<const TextAnalyzer> analyzer,
                                 const LongCallLimits& long_calls,
                                 const usecases::PeopleOptions& people)
    : repository_(std::move(repository)),
      matching_(std::move(analyzer)),
      people_(people),
      guard_(*repository_, long_calls, people.sessions, people.clock),
      context_{*repository_, std::move(currency),
               usecases::PageTokenCodec(std::move(page_token_key)), matching_, guard_},
      industries_(context_),
      organizations_(context_),
      events_(context_),
      needs_(context_),
      offerings_(context_),
      matches_(context_),
      agreements_(context_),
      reports_(context_, people.clock),
      audit_(context_),
      thesaurus_(context_),
      users_(context_, people_),
      sessions_(context_, people_),
      keys_(context_, people_),
      registrations_(context_, people_),
      indicators_(context_),
      targets_(context_, people.clock),
      projects_(context_),
      commissioners_(context_),
      financings_(context_) {}

TechmatchServer::~TechmatchServer() { Shutdown(absl::ZeroDuration()); }

absl::StatusOr<std::unique_ptr<TechmatchServer>> TechmatchServer::Start(
    const ServerOptions& options, std::unique_ptr<storage::Repository> repository) {
  TM_ASSIGN_OR_RETURN(Currency currency, Currency::FromCode(options.base_currency));
  TM_RETURN_IF_ERROR(ValidateLimits(options.limits));
  TM_RETURN_IF_ERROR(ValidateLongCallLimits(options.long_calls));
  TM_RETURN_IF_ERROR(DatabaseMonitor::CheckInterval(options.database_check_interval));
  TM_ASSIGN_OR_RETURN(std::shared_ptr<grpc::ServerCredentials> credentials,
                      ServerCredentialsFor(options.tls));
  TM_ASSIGN_OR_RETURN(std::string key, repository->PageTokenKey());
  TM_ASSIGN_OR_RETURN(std::shared_ptr<const TextAnalyzer> analyzer, TextAnalyzer::Create());
  std::unique_ptr<TechmatchServer> server(
      new TechmatchServer(std::move(repository), std::move(currency), std::move(key),
                          std::move(analyzer), options.long_calls, options.people));
  storage::ChangeFeed* const feed = server->repository_->change_feed();
  if (feed != nullptr) {
    // Before loading: a change another server makes meanwhile is applied again after.
    server->follower_ = std::make_unique<usecases::ChangeFollower>(
        *server->repository_, *feed, server->matching_, server->thesaurus_.entries());
    TM_RETURN_IF_ERROR(server->follower_->Start());
  }
  TM_RETURN_IF_ERROR(LoadMatchingIndex(*server->repository_, server->matching_));
  TM_RETURN_IF_ERROR(server->thesaurus_.LoadStored());
  if (feed != nullptr) {
    server->follow_thread_ = std::make_unique<FollowThread>(*server->follower_, *feed);
  }

  // Our own health service in place of gRPC's (server/health_service.h says why).
  grpc::EnableDefaultHealthCheckService(false);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  // The sync server runs each call on the thread that polled it and starts a new poller when
  // none is left; with the default of at most 2 idle pollers, every thread beyond that exits
  // after its call, so under concurrent load threads are created and destroyed per call
  // (427 thread starts in 2,618 GetNeed calls). Keeping up to kMaxIdlePollers idle threads
  // removed that churn: GetNeed throughput +17% (bench/README.md, "Server choices").
  builder.SetSyncServerOption(grpc::ServerBuilder::SyncServerOption::MAX_POLLERS, kMaxIdlePollers);
  builder.AddListeningPort(options.listen, credentials, &server->port_);
  ApplyLimits(options.limits, builder);
  server->async_ = std::make_unique<AsyncServer>(options.async_threads);
  ServeShortReads(*server->async_, server->needs_, server->offerings_, server->industries_,
                  server->organizations_, server->events_, server->matches_, server->agreements_,
                  server->audit_, server->users_, server->sessions_, server->keys_,
                  server->registrations_);
  server->async_->AddQueues(builder);
  // A request that does not parse is INVALID_ARGUMENT, not gRPC's INTERNAL, after the guard's
  // checks and audited when the method writes (the short reads parse their own).
  std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> creators;
  creators.push_back(std::make_unique<MalformedRequestInterceptorFactory>(server->async_->paths(),
                                                                          &server->guard_));
  builder.experimental().SetInterceptorCreators(std::move(creators));
  builder.RegisterService(&server->industries_);
  builder.RegisterService(&server->organizations_);
  builder.RegisterService(&server->events_);
  builder.RegisterService(&server->needs_);
  builder.RegisterService(&server->offerings_);
  builder.RegisterService(&server->matches_);
  builder.RegisterService(&server->agreements_);
  builder.RegisterService(&server->reports_);
  builder.RegisterService(&server->audit_);
  builder.RegisterService(&server->thesaurus_);
  builder.RegisterService(&server->users_);
  builder.RegisterService(&server->sessions_);
  builder.RegisterService(&server->keys_);
  builder.RegisterService(&server->registrations_);
  builder.RegisterService(&server->indicators_);
  builder.RegisterService(&server->targets_);
  builder.RegisterService(&server->projects_);
  builder.RegisterService(&server->commissioners_);
  builder.RegisterService(&server->financings_);
  builder.RegisterService(&server->health_);
  server->server_ = builder.BuildAndStart();
  if (server->server_ == nullptr || server->port_ == 0) {
    return absl::UnavailableError(absl::StrCat("cannot listen on ", options.listen));
  }
  server->async_->Start();
  server->health_.SetServing(true);
  // Only a database in another process can go away under the server (storage/reachability.h).
  if (auto* database = dynamic_cast<storage::Reachability*>(server->repository_.get())) {
    TM_ASSIGN_OR_RETURN(server->database_monitor_,
                        DatabaseMonitor::Start(
                            [database] { return database->CheckReachable(kDatabaseCheckTimeout); },
                            options.database_check_interval,
                            [health = &server->health_](bool reachable) {
                              health->SetDatabaseReachable(reachable);
                            }));
  }
  spdlog::info("techmatch-server listening on port {} ({}, base currency {})", server->port_,
               options.tls.cert_file.empty()        ? "plaintext"
               : options.tls.client_ca_file.empty() ? "TLS"
                                                    : "mutual TLS",
               options.base_currency);
  return server;
}

void TechmatchServer::Shutdown(absl::Duration grace) {
  if (server_ == nullptr) return;
  health_.SetServing(false);
  for (auto& companion : companions_) companion->Draining();
  server_->Shutdown(std::chrono::system_clock::now() + absl::ToChronoMilliseconds(grace));
  async_->Shutdown();
  for (auto& companion : companions_) companion->Stop();
  companions_.clear();
  follow_thread_.reset();
  database_monitor_.reset();
}

std::shared_ptr<grpc::Channel> TechmatchServer::InProcessChannel() {
  return InProcessChannel(grpc::ChannelArguments());
}

std::shared_ptr<grpc::Channel> TechmatchServer::InProcessChannel(
    const grpc::ChannelArguments& args) {
  return server_->InProcessChannel(args);
}

void TechmatchServer::Wait() {
  if (server_ != nullptr) server_->Wait();
}

}  // namespace techmatch::server
