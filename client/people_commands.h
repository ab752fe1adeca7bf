// The people commands (login, logout, session, user, invitation, key, application) and the
// stubs they call: on a channel of their own to the same server with the same TLS settings,
// each call carrying the token and deadline Session::NewContext gives every command.
#ifndef TECHMATCH_CLIENT_PEOPLE_COMMANDS_H_
#define TECHMATCH_CLIENT_PEOPLE_COMMANDS_H_

#include "CLI/CLI.hpp"
#include "client/command_env.h"
#include "techmatch/v1/key.grpc.pb.h"
#include "techmatch/v1/registration.grpc.pb.h"
#include "techmatch/v1/session.grpc.pb.h"
#include "techmatch/v1/user.grpc.pb.h"

namespace techmatch::client {

// login, logout, session list|revoke
void AddSessionCommands(CLI::App& app, CommandEnv& env);
// user list|get|update|disable, invitation create|accept
void AddUserCommands(CLI::App& app, CommandEnv& env);
// key create|list|revoke
void AddKeyCommands(CLI::App& app, CommandEnv& env);
// application submit|list|get|approve|reject
void AddApplicationCommands(CLI::App& app, CommandEnv& env);

// Stubs of the people services, on one channel made on first use.
class PeopleStubs {
 public:
  explicit PeopleStubs(CommandEnv& env) : env_(env) {}
  techmatch::v1::UserService::Stub& users();
  techmatch::v1::SessionService::Stub& sessions();
  techmatch::v1::KeyService::Stub& keys();
  techmatch::v1::RegistrationService::Stub& registrations();

 private:
  std::shared_ptr<grpc::Channel> channel();

  CommandEnv& env_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<techmatch::v1::UserService::Stub> users_;
  std::unique_ptr<techmatch::v1::SessionService::Stub> sessions_;
  std::unique_ptr<techmatch::v1::KeyService::Stub> keys_;
  std::unique_ptr<techmatch::v1::RegistrationService::Stub> registrations_;
};

// The stubs of `env`'s command (one per process).
PeopleStubs& People(CommandEnv& env);

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_PEOPLE_COMMANDS_H_
