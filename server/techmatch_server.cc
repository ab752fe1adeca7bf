#include "server/techmatch_server.h"

#include <chrono>

#include "absl/strings/str_cat.h"
#include "core/status_macros.h"
#include "server/index_loader.h"
#include "grpcpp/ext/proto_server_reflection_plugin.h"
#include "grpcpp/health_check_service_interface.h"
#include "grpcpp/security/server_credentials.h"
#include "grpcpp/server_builder.h"
#include "spdlog/spdlog.h"

namespace techmatch::server {
namespace {

constexpr int kMaxIdlePollers = 64;

}  // namespace

TechmatchServer::TechmatchServer(std::unique_ptr<storage::Repository> repository,
                                 Currency currency, std::string page_token_key,
                                 std::shared_ptr<const TextAnalyzer> analyzer)
    : repository_(std::move(repository)),
      matching_(std::move(analyzer)),
      guard_(*repository_),
      context_{*repository_, std::move(currency), PageTokenCodec(std::move(page_token_key)),
               matching_, guard_},
      industries_(context_),
      organizations_(context_),
      events_(context_),
      needs_(context_),
      offerings_(context_),
      matches_(context_),
      agreements_(context_),
      reports_(context_),
      audit_(context_) {}

TechmatchServer::~TechmatchServer() { Shutdown(absl::ZeroDuration()); }

absl::StatusOr<std::unique_ptr<TechmatchServer>> TechmatchServer::Start(
    const ServerOptions& options, std::unique_ptr<storage::Repository> repository) {
  TM_ASSIGN_OR_RETURN(Currency currency, Currency::FromCode(options.base_currency));
  TM_RETURN_IF_ERROR(ValidateLimits(options.limits));
  TM_ASSIGN_OR_RETURN(std::shared_ptr<grpc::ServerCredentials> credentials,
                      ServerCredentialsFor(options.tls));
  TM_ASSIGN_OR_RETURN(std::string key, repository->PageTokenKey());
  TM_ASSIGN_OR_RETURN(std::shared_ptr<const TextAnalyzer> analyzer, TextAnalyzer::Create());
  std::unique_ptr<TechmatchServer> server(new TechmatchServer(
      std::move(repository), std::move(currency), std::move(key), std::move(analyzer)));
  TM_RETURN_IF_ERROR(LoadMatchingIndex(*server->repository_, server->matching_));

  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  // The sync server runs each call on the thread that polled it and starts a new poller when
  // none is left; with the default of at most 2 idle pollers, every thread beyond that exits
  // after its call, so under concurrent load threads are created and destroyed per call
  // (427 thread starts in 2,618 GetNeed calls). Keeping up to kMaxIdlePollers idle threads
  // removed that churn: GetNeed throughput +17% (bench/README.md, "Server choices").
  builder.SetSyncServerOption(grpc::ServerBuilder::SyncServerOption::MAX_POLLERS,
                              kMaxIdlePollers);
  builder.AddListeningPort(options.listen, credentials, &server->port_);
  ApplyLimits(options.limits, builder);
  builder.RegisterService(&server->industries_);
  builder.RegisterService(&server->organizations_);
  builder.RegisterService(&server->events_);
  builder.RegisterService(&server->needs_);
  builder.RegisterService(&server->offerings_);
  builder.RegisterService(&server->matches_);
  builder.RegisterService(&server->agreements_);
  builder.RegisterService(&server->reports_);
  builder.RegisterService(&server->audit_);
  server->server_ = builder.BuildAndStart();
  if (server->server_ == nullptr || server->port_ == 0) {
    return absl::UnavailableError(absl::StrCat("cannot listen on ", options.listen));
  }
  server->server_->GetHealthCheckService()->SetServingStatus(true);
  spdlog::info("techmatch-server listening on port {} ({}, base currency {})", server->port_,
               options.tls.cert_file.empty()           ? "plaintext"
               : options.tls.client_ca_file.empty()    ? "TLS"
                                                       : "mutual TLS",
               options.base_currency);
  return server;
}

void TechmatchServer::Shutdown(absl::Duration grace) {
  if (server_ == nullptr) return;
  server_->GetHealthCheckService()->SetServingStatus(false);
  server_->Shutdown(std::chrono::system_clock::now() + absl::ToChronoMilliseconds(grace));
}

std::shared_ptr<grpc::Channel> TechmatchServer::InProcessChannel() {
  return server_->InProcessChannel(grpc::ChannelArguments());
}

void TechmatchServer::Wait() {
  if (server_ != nullptr) server_->Wait();
}

}  // namespace techmatch::server
