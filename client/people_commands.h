// The people commands (login, logout, session, user, invitation, key, application). They call
// the people services through Session's generated clients, on the one channel every command uses.
#ifndef TECHMATCH_CLIENT_PEOPLE_COMMANDS_H_
#define TECHMATCH_CLIENT_PEOPLE_COMMANDS_H_

#include "CLI/CLI.hpp"
#include "client/command_env.h"

namespace techmatch::client {

// login, logout, session list|revoke
void AddSessionCommands(CLI::App& app, CommandEnv& env);
// user list|get|update|disable, invitation create|accept
void AddUserCommands(CLI::App& app, CommandEnv& env);
// key create|list|revoke
void AddKeyCommands(CLI::App& app, CommandEnv& env);
// application submit|list|get|approve|reject
void AddApplicationCommands(CLI::App& app, CommandEnv& env);

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_PEOPLE_COMMANDS_H_
