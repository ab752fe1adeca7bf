#include <cstdlib>
#include <memory>

#include "client/channel_credentials.h"
#include "client/people_commands.h"
#include "grpcpp/create_channel.h"

namespace techmatch::client {

std::shared_ptr<grpc::Channel> PeopleStubs::channel() {
  if (channel_ == nullptr) {
    absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> credentials =
        ChannelCredentialsFor(env_.options().tls);
    if (!credentials.ok()) {
      // As CommandEnv::session(): only a file that vanished since the flags were checked.
      env_.FailLocal(credentials.status());
      std::exit(kExitBadInput);
    }
    channel_ = grpc::CreateChannel(env_.options().server, *credentials);
  }
  return channel_;
}

techmatch::v1::UserService::Stub& PeopleStubs::users() {
  if (!users_) users_ = techmatch::v1::UserService::NewStub(channel());
  return *users_;
}

techmatch::v1::SessionService::Stub& PeopleStubs::sessions() {
  if (!sessions_) sessions_ = techmatch::v1::SessionService::NewStub(channel());
  return *sessions_;
}

techmatch::v1::KeyService::Stub& PeopleStubs::keys() {
  if (!keys_) keys_ = techmatch::v1::KeyService::NewStub(channel());
  return *keys_;
}

techmatch::v1::RegistrationService::Stub& PeopleStubs::registrations() {
  if (!registrations_) registrations_ = techmatch::v1::RegistrationService::NewStub(channel());
  return *registrations_;
}

PeopleStubs& People(CommandEnv& env) {
  static PeopleStubs* const kStubs = new PeopleStubs(env);
  return *kStubs;
}

}  // namespace techmatch::client
