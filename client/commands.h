// The command tree: one Add*Commands per API service, each adding a subcommand per method.
#ifndef TECHMATCH_CLIENT_COMMANDS_H_
#define TECHMATCH_CLIENT_COMMANDS_H_

#include <functional>
#include <memory>
#include <string>
#include <utility>

#include "CLI/CLI.hpp"
#include "client/command_env.h"
#include "client/output.h"

namespace techmatch::client {

void AddIndustryCommands(CLI::App& app, CommandEnv& env);
void AddThesaurusCommands(CLI::App& app, CommandEnv& env);
void AddOrganizationCommands(CLI::App& app, CommandEnv& env);
void AddEventCommands(CLI::App& app, CommandEnv& env);
void AddNeedCommands(CLI::App& app, CommandEnv& env);
void AddOfferingCommands(CLI::App& app, CommandEnv& env);
void AddMatchCommands(CLI::App& app, CommandEnv& env);
void AddMeetingCommands(CLI::App& app, CommandEnv& env);
void AddAgreementCommands(CLI::App& app, CommandEnv& env);
void AddReportCommands(CLI::App& app, CommandEnv& env);
void AddAuditCommands(CLI::App& app, CommandEnv& env);
void AddIndicatorCommands(CLI::App& app, CommandEnv& env);
void AddTargetCommands(CLI::App& app, CommandEnv& env);
void AddProjectCommands(CLI::App& app, CommandEnv& env);
void AddCommissionerCommands(CLI::App& app, CommandEnv& env);
void AddFinancingCommands(CLI::App& app, CommandEnv& env);

// Runs `run` when `command` was chosen, after every flag (global ones too) is parsed, and
// keeps its exit code.
inline void OnRun(CLI::App* command, CommandEnv& env, std::function<int()> run) {
  command->callback([&env, run = std::move(run)] { env.set_exit_code(run()); });
}

// Makes one unary call `call(context, &response)` under a fresh deadline and prints the
// resource it returns with `view`.
template <typename Response, typename Call>
int CallAndPrint(CommandEnv& env, Call call, const View<Response>& view) {
  Response response;
  std::unique_ptr<grpc::ClientContext> context = env.session().NewContext();
  if (grpc::Status status = call(context.get(), &response); !status.ok()) {
    return env.Fail(status);
  }
  env.output().PrintOne(response, view);
  return kExitOk;
}

// A positional resource name or bare id, e.g. `needs/lz-001` or `lz-001`.
inline CLI::Option* AddNameArgument(CLI::App* command, std::string* name, const std::string& what) {
  return command->add_option("name", *name, what + ": a resource name or a bare id")->required();
}

// A list-valued flag: repeatable, each value split on , ; ； 、 (so `--industries a,b` works).
inline CLI::Option* AddListOption(CLI::App* command, const std::string& flag,
                                  std::vector<std::string>* values, const std::string& help) {
  return command->add_option(flag, *values, help + " (comma-separated or repeated)")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_COMMANDS_H_
