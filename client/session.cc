#include "client/session.h"

#include <chrono>
#include <utility>

#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"

namespace techmatch::client {

Session::Session(std::string target, absl::Duration timeout,
                 std::shared_ptr<grpc::ChannelCredentials> credentials, std::string token)
    : target_(std::move(target)),
      timeout_(timeout),
      credentials_(std::move(credentials)),
      authorization_(token.empty() ? "" : "Bearer " + token) {}

std::unique_ptr<grpc::ClientContext> Session::NewContext(double scale) const {
  return NewContextFor(timeout_ * scale);
}

std::unique_ptr<grpc::ClientContext> Session::NewContextFor(absl::Duration duration) const {
  auto context = std::make_unique<grpc::ClientContext>();
  if (duration != absl::InfiniteDuration()) {
    context->set_deadline(std::chrono::system_clock::now() + absl::ToChronoMilliseconds(duration));
  }
  // Metadata rather than call credentials: gRPC sends call credentials only over TLS, and the
  // server may listen in plain TCP on a trusted network.
  if (!authorization_.empty()) context->AddMetadata("authorization", authorization_);
  return context;
}

const std::shared_ptr<grpc::Channel>& Session::channel() {
  if (channel_ == nullptr) {
    channel_ = grpc::CreateChannel(target_, credentials_);
  }
  return channel_;
}

techmatch::v1::IndustryService::Stub& Session::industries() {
  if (!industries_) industries_ = techmatch::v1::IndustryService::NewStub(channel());
  return *industries_;
}

techmatch::v1::OrganizationService::Stub& Session::organizations() {
  if (!organizations_) organizations_ = techmatch::v1::OrganizationService::NewStub(channel());
  return *organizations_;
}

techmatch::v1::EventService::Stub& Session::events() {
  if (!events_) events_ = techmatch::v1::EventService::NewStub(channel());
  return *events_;
}

techmatch::v1::NeedService::Stub& Session::needs() {
  if (!needs_) needs_ = techmatch::v1::NeedService::NewStub(channel());
  return *needs_;
}

techmatch::v1::OfferingService::Stub& Session::offerings() {
  if (!offerings_) offerings_ = techmatch::v1::OfferingService::NewStub(channel());
  return *offerings_;
}

techmatch::v1::MatchService::Stub& Session::matches() {
  if (!matches_) matches_ = techmatch::v1::MatchService::NewStub(channel());
  return *matches_;
}

techmatch::v1::AgreementService::Stub& Session::agreements() {
  if (!agreements_) agreements_ = techmatch::v1::AgreementService::NewStub(channel());
  return *agreements_;
}

techmatch::v1::ReportService::Stub& Session::reports() {
  if (!reports_) reports_ = techmatch::v1::ReportService::NewStub(channel());
  return *reports_;
}

techmatch::v1::AuditService::Stub& Session::audit() {
  if (!audit_) audit_ = techmatch::v1::AuditService::NewStub(channel());
  return *audit_;
}

techmatch::v1::ThesaurusService::Stub& Session::thesaurus() {
  if (!thesaurus_) thesaurus_ = techmatch::v1::ThesaurusService::NewStub(channel());
  return *thesaurus_;
}

techmatch::v1::UserService::Stub& Session::users() {
  if (!users_) users_ = techmatch::v1::UserService::NewStub(channel());
  return *users_;
}

techmatch::v1::SessionService::Stub& Session::sessions() {
  if (!sessions_) sessions_ = techmatch::v1::SessionService::NewStub(channel());
  return *sessions_;
}

techmatch::v1::KeyService::Stub& Session::keys() {
  if (!keys_) keys_ = techmatch::v1::KeyService::NewStub(channel());
  return *keys_;
}

techmatch::v1::RegistrationService::Stub& Session::registrations() {
  if (!registrations_) registrations_ = techmatch::v1::RegistrationService::NewStub(channel());
  return *registrations_;
}

}  // namespace techmatch::client
