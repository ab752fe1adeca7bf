// `techmatch login|logout` and `techmatch session list|revoke` (SessionService): signing in
// with an email and password, the session token kept for later calls (client/session_file.h).
#include <iostream>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "client/commands.h"
#include "client/field_values.h"
#include "client/password_prompt.h"
#include "client/people_commands.h"
#include "client/people_views.h"
#include "client/resource_name.h"
#include "client/session_file.h"

namespace techmatch::client {
namespace {

void AddLogin(CLI::App& app, CommandEnv& env) {
  CLI::App* command = app.add_subcommand(
      "login",
      "Sign in: asks for the password (not echoed) and keeps the session token in "
      "~/.config/techmatch/session (readable by you alone) for later commands");
  auto email = std::make_shared<std::string>();
  command->add_option("--email", *email, "Your sign-in address")->required();
  OnRun(command, env, [&env, email] {
    absl::StatusOr<std::string> password = ReadPassword("Password: ", env.err());
    if (!password.ok()) return env.FailLocal(password.status());
    techmatch::v1::CreateSessionRequest request;
    request.set_email(*email);
    request.set_password(*password);
    techmatch::v1::CreateSessionResponse response;
    std::unique_ptr<grpc::ClientContext> context = env.session().NewContext();
    if (grpc::Status status =
            env.session().sessions().CreateSession(context.get(), request, &response);
        !status.ok()) {
      return env.Fail(status);
    }
    if (absl::Status kept = WriteSessionToken(response.token()); !kept.ok()) {
      return env.FailLocal(kept);
    }
    env.err() << "signed in as " << response.user().name() << " ("
              << techmatch::v1::Role_Name(response.user().role()) << "); the session ends by "
              << FormatTime(response.expire_time()) << "\n";
    env.output().PrintOne(response.user(), UserView());
    return kExitOk;
  });
}

void AddLogout(CLI::App& app, CommandEnv& env) {
  CLI::App* command =
      app.add_subcommand("logout", "Sign out: end the kept session and forget its token");
  OnRun(command, env, [&env] {
    const std::string token = ReadSessionToken();
    int code = kExitOk;
    if (!token.empty() && env.options().token.empty()) {
      std::unique_ptr<grpc::ClientContext> context = env.session().NewContext();
      techmatch::v1::DeleteSessionResponse response;
      grpc::Status status = env.session().sessions().DeleteSession(
          context.get(), techmatch::v1::DeleteSessionRequest(), &response);
      // An ended session is as good as signed out; other failures are reported, and the
      // token is forgotten either way.
      if (!status.ok() && status.error_code() != grpc::StatusCode::UNAUTHENTICATED) {
        code = env.Fail(status);
      }
    }
    if (absl::Status removed = RemoveSessionToken(); !removed.ok()) {
      return env.FailLocal(removed);
    }
    if (code == kExitOk) env.err() << "signed out\n";
    return code;
  });
}

void AddSessionGroup(CLI::App& app, CommandEnv& env) {
  CLI::App* group = app.add_subcommand("session", "Your sessions (an ADMIN: anyone's)");
  group->require_subcommand(1);
  {
    CLI::App* command = group->add_subcommand("list", "List open sessions, newest first");
    auto user = std::make_shared<std::string>();
    auto page_size = std::make_shared<int>(0);
    auto page_token = std::make_shared<std::string>();
    command->add_option("--user", *user, "Whose sessions (ADMIN only); yours when omitted");
    command->add_option("--page-size", *page_size, "Sessions per page");
    command->add_option("--page-token", *page_token, "Continue a previous list");
    OnRun(command, env, [&env, user, page_size, page_token] {
      techmatch::v1::ListSessionsRequest request;
      if (!user->empty()) request.set_parent(QualifyName("users", *user));
      request.set_page_size(*page_size);
      request.set_page_token(*page_token);
      techmatch::v1::ListSessionsResponse response;
      std::unique_ptr<grpc::ClientContext> context = env.session().NewContext();
      if (grpc::Status status =
              env.session().sessions().ListSessions(context.get(), request, &response);
          !status.ok()) {
        return env.Fail(status);
      }
      env.output().PrintList(response, response.sessions(), SessionView());
      if (!response.next_page_token().empty()) {
        env.err() << "more: --page-token " << response.next_page_token() << "\n";
      }
      return kExitOk;
    });
  }
  {
    CLI::App* command = group->add_subcommand("revoke", "End a session");
    auto name = std::make_shared<std::string>();
    command->add_option("name", *name, "users/{user}/sessions/{id}")->required();
    OnRun(command, env, [&env, name] {
      techmatch::v1::RevokeSessionRequest request;
      request.set_name(*name);
      return CallAndPrint<techmatch::v1::Session>(
          env,
          [&](grpc::ClientContext* context, techmatch::v1::Session* response) {
            return env.session().sessions().RevokeSession(context, request, response);
          },
          SessionView());
    });
  }
}

}  // namespace

void AddSessionCommands(CLI::App& app, CommandEnv& env) {
  AddLogin(app, env);
  AddLogout(app, env);
  AddSessionGroup(app, env);
}

}  // namespace techmatch::client
