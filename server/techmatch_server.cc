#include "server/techmatch_server.h"

#include <chrono>

#include "absl/strings/str_cat.h"
#include "core/status_macros.h"
#include "grpcpp/ext/proto_server_reflection_plugin.h"
#include "grpcpp/health_check_service_interface.h"
#include "grpcpp/security/server_credentials.h"
#include "grpcpp/server_builder.h"
#include "spdlog/spdlog.h"

namespace techmatch::server {

TechmatchServer::TechmatchServer(std::unique_ptr<storage::Repository> repository,
                                 Currency currency, std::string page_token_key)
    : repository_(std::move(repository)),
      context_{*repository_, std::move(currency), PageTokenCodec(std::move(page_token_key))},
      industries_(context_),
      organizations_(context_),
      events_(context_),
      needs_(context_),
      offerings_(context_) {}

TechmatchServer::~TechmatchServer() { Shutdown(absl::ZeroDuration()); }

absl::StatusOr<std::unique_ptr<TechmatchServer>> TechmatchServer::Start(
    const ServerOptions& options, std::unique_ptr<storage::Repository> repository) {
  TM_ASSIGN_OR_RETURN(Currency currency, Currency::FromCode(options.base_currency));
  TM_ASSIGN_OR_RETURN(std::string key, repository->PageTokenKey());
  std::unique_ptr<TechmatchServer> server(
      new TechmatchServer(std::move(repository), std::move(currency), std::move(key)));

  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  builder.AddListeningPort(options.listen, grpc::InsecureServerCredentials(), &server->port_);
  builder.RegisterService(&server->industries_);
  builder.RegisterService(&server->organizations_);
  builder.RegisterService(&server->events_);
  builder.RegisterService(&server->needs_);
  builder.RegisterService(&server->offerings_);
  server->server_ = builder.BuildAndStart();
  if (server->server_ == nullptr || server->port_ == 0) {
    return absl::UnavailableError(absl::StrCat("cannot listen on ", options.listen));
  }
  server->server_->GetHealthCheckService()->SetServingStatus(true);
  spdlog::info("techmatch-server listening on port {} (base currency {})", server->port_,
               options.base_currency);
  return server;
}

void TechmatchServer::Shutdown(absl::Duration grace) {
  if (server_ == nullptr) return;
  server_->GetHealthCheckService()->SetServingStatus(false);
  server_->Shutdown(std::chrono::system_clock::now() + absl::ToChronoMilliseconds(grace));
}

void TechmatchServer::Wait() {
  if (server_ != nullptr) server_->Wait();
}

}  // namespace techmatch::server
