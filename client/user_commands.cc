// `techmatch user list|get|update|disable` and `techmatch invitation create|accept`
// (UserService).
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "client/commands.h"
#include "client/list_runner.h"
#include "client/mask_flags.h"
#include "client/password_prompt.h"
#include "client/people_commands.h"
#include "client/people_views.h"
#include "client/resource_name.h"

namespace techmatch::client {
namespace {

using techmatch::v1::Invitation;
using techmatch::v1::User;

struct UserFlags {
  std::string name;
  std::string etag;
  std::string email;
  std::string display_name;
  std::string organization;
  std::string role;
  std::string region_code;
  MaskFlags fields;
};

void AddUserGroup(CLI::App& app, CommandEnv& env) {
  CLI::App* group = app.add_subcommand("user", "People who sign in");
  group->require_subcommand(1);
  {
    CLI::App* command = group->add_subcommand("list", "List users in name order");
    auto flags = std::make_shared<ListFlags>();
    AddListFlags(command, flags.get(),
                 "Filter on organization, role, state, region, e.g. 'role = ENTERPRISE'");
    OnRun(command, env, [&env, flags] {
      return RunList<techmatch::v1::ListUsersResponse>(
          env, *flags, techmatch::v1::ListUsersRequest(),
          [&env](grpc::ClientContext* context, const auto& request, auto* response) {
            return env.session().users().ListUsers(context, request, response);
          },
          [](const auto& response) -> const auto& { return response.users(); }, UserView());
    });
  }
  {
    CLI::App* command = group->add_subcommand("get", "Show one user");
    auto name = std::make_shared<std::string>();
    AddNameArgument(command, name.get(), "The user");
    OnRun(command, env, [&env, name] {
      techmatch::v1::GetUserRequest request;
      request.set_name(QualifyName("users", *name));
      return CallAndPrint<User>(
          env,
          [&](grpc::ClientContext* context, User* response) {
            return env.session().users().GetUser(context, request, response);
          },
          UserView());
    });
  }
  {
    CLI::App* command = group->add_subcommand("update", "Change a user's fields");
    auto flags = std::make_shared<UserFlags>();
    AddNameArgument(command, &flags->name, "The user");
    command->add_option("--etag", flags->etag, "Refuse the update if the user changed since");
    flags->fields.Add(command->add_option("--email", flags->email, "Sign-in address"), "email");
    flags->fields.Add(command->add_option("--display-name", flags->display_name, "The name"),
                      "display_name");
    flags->fields.Add(command->add_option("--organization", flags->organization,
                                          "Organization (INSTITUTE and ENTERPRISE users)"),
                      "organization");
    flags->fields.Add(command->add_option("--role", flags->role, "Role"), "role");
    flags->fields.Add(command->add_option("--region-code", flags->region_code,
                                          "GB/T 2260 region code, six digits"),
                      "region_code");
    OnRun(command, env, [&env, flags] {
      techmatch::v1::UpdateUserRequest request;
      *request.mutable_update_mask() = flags->fields.Mask();
      if (request.update_mask().paths().empty()) {
        return env.FailLocal(absl::InvalidArgumentError(
            absl::StrCat("nothing to update: give at least one of ", flags->fields.FlagNames())));
      }
      User* user = request.mutable_user();
      user->set_name(QualifyName("users", flags->name));
      user->set_etag(flags->etag);
      user->set_email(flags->email);
      user->set_display_name(flags->display_name);
      if (!flags->organization.empty()) {
        user->set_organization(QualifyName("organizations", flags->organization));
      }
      if (flags->fields.Given("role")) {
        absl::StatusOr<techmatch::v1::Role> role = ParseRole(flags->role);
        if (!role.ok()) return env.FailLocal(role.status());
        user->set_role(*role);
      }
      user->set_region_code(flags->region_code);
      return CallAndPrint<User>(
          env,
          [&](grpc::ClientContext* context, User* response) {
            return env.session().users().UpdateUser(context, request, response);
          },
          UserView());
    });
  }
  {
    CLI::App* command =
        group->add_subcommand("disable", "Disable a user for good (its sessions end)");
    auto name = std::make_shared<std::string>();
    auto etag = std::make_shared<std::string>();
    AddNameArgument(command, name.get(), "The user");
    command->add_option("--etag", *etag, "Refuse if the user changed since");
    OnRun(command, env, [&env, name, etag] {
      techmatch::v1::DisableUserRequest request;
      request.set_name(QualifyName("users", *name));
      request.set_etag(*etag);
      return CallAndPrint<User>(
          env,
          [&](grpc::ClientContext* context, User* response) {
            return env.session().users().DisableUser(context, request, response);
          },
          UserView());
    });
  }
}

void AddInvitationGroup(CLI::App& app, CommandEnv& env) {
  CLI::App* group = app.add_subcommand("invitation", "Inviting people, accepting invitations");
  group->require_subcommand(1);
  {
    CLI::App* command = group->add_subcommand(
        "create", "Invite a person; prints the one-time code (shown only now) to pass on");
    struct Flags {
      std::string organization, role, email, display_name, region_code, request_id;
    };
    auto flags = std::make_shared<Flags>();
    command->add_option("--organization", flags->organization,
                        "Organization (required for INSTITUTE and ENTERPRISE)");
    command->add_option("--role", flags->role, "ADMIN, ORGANIZER, INSTITUTE, ENTERPRISE, OFFICIAL")
        ->required();
    command->add_option("--email", flags->email, "The person's sign-in address")->required();
    command->add_option("--display-name", flags->display_name, "The person's name")->required();
    command->add_option("--region-code", flags->region_code, "GB/T 2260 region code");
    command->add_option("--request-id", flags->request_id, "Idempotency key");
    OnRun(command, env, [&env, flags] {
      absl::StatusOr<techmatch::v1::Role> role = ParseRole(flags->role);
      if (!role.ok()) return env.FailLocal(role.status());
      techmatch::v1::CreateInvitationRequest request;
      Invitation* invitation = request.mutable_invitation();
      if (!flags->organization.empty()) {
        invitation->set_organization(QualifyName("organizations", flags->organization));
      }
      invitation->set_role(*role);
      invitation->set_email(flags->email);
      invitation->set_display_name(flags->display_name);
      invitation->set_region_code(flags->region_code);
      request.set_request_id(flags->request_id);
      return CallAndPrint<Invitation>(
          env,
          [&](grpc::ClientContext* context, Invitation* response) {
            return env.session().users().CreateInvitation(context, request, response);
          },
          InvitationView());
    });
  }
  {
    CLI::App* command = group->add_subcommand(
        "accept", "Accept an invitation: asks for the new password (not echoed)");
    struct Flags {
      std::string code, user_id, display_name;
    };
    auto flags = std::make_shared<Flags>();
    command->add_option("--code", flags->code, "The one-time code of the invitation")
        ->required()
        ->envname("TECHMATCH_INVITATION_CODE");
    command->add_option("--user-id", flags->user_id,
                        "Your user id, [a-z0-9][a-z0-9-]{0,62}; generated when omitted");
    command->add_option("--display-name", flags->display_name,
                        "Your name; the invitation's when omitted");
    OnRun(command, env, [&env, flags] {
      absl::StatusOr<std::string> password = ReadPassword("New password: ", env.err());
      if (!password.ok()) return env.FailLocal(password.status());
      techmatch::v1::AcceptInvitationRequest request;
      request.set_code(flags->code);
      request.set_user_id(flags->user_id);
      request.set_password(*password);
      request.set_display_name(flags->display_name);
      return CallAndPrint<User>(
          env,
          [&](grpc::ClientContext* context, User* response) {
            return env.session().users().AcceptInvitation(context, request, response);
          },
          UserView());
    });
  }
}

}  // namespace

void AddUserCommands(CLI::App& app, CommandEnv& env) {
  AddUserGroup(app, env);
  AddInvitationGroup(app, env);
}

}  // namespace techmatch::client
