// `techmatch application submit|list|get|approve|reject` (RegistrationService):
// self-registration of organizations, reviewed by organizers.
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "client/commands.h"
#include "client/enum_text.h"
#include "client/list_runner.h"
#include "client/list_text.h"
#include "client/people_commands.h"
#include "client/people_views.h"
#include "client/resource_name.h"
#include "client/resource_views.h"

namespace techmatch::client {
namespace {

using techmatch::v1::Application;

}  // namespace

void AddApplicationCommands(CLI::App& app, CommandEnv& env) {
  CLI::App* group =
      app.add_subcommand("application", "Organizations applying to join, and their review");
  group->require_subcommand(1);
  {
    CLI::App* command = group->add_subcommand(
        "submit", "Apply to join (needs no token); an organizer reviews the application");
    struct Flags {
      std::string display_name, kind, region_code, contact_email, contact_name, request_id;
      std::vector<std::string> industries;
    };
    auto flags = std::make_shared<Flags>();
    command->add_option("--display-name", flags->display_name, "The organization's name")
        ->required();
    command->add_option("--kind", flags->kind, "ENTERPRISE, UNIVERSITY, RESEARCH_INSTITUTE, ...")
        ->required();
    command->add_option("--region-code", flags->region_code, "GB/T 2260 region code");
    AddListOption(command, "--industries", &flags->industries, "Industries, e.g. liquor,energy");
    command
        ->add_option("--contact-email", flags->contact_email,
                     "Sign-in address of the person who will act for it")
        ->required();
    command->add_option("--contact-name", flags->contact_name, "That person's name")->required();
    command->add_option("--request-id", flags->request_id, "Idempotency key");
    OnRun(command, env, [&env, flags] {
      absl::StatusOr<techmatch::v1::Organization::Kind> kind = ParseOrganizationKind(flags->kind);
      if (!kind.ok()) {
        return env.FailLocal(
            absl::InvalidArgumentError(absl::StrCat("--kind: ", kind.status().message())));
      }
      techmatch::v1::SubmitApplicationRequest request;
      Application* application = request.mutable_application();
      techmatch::v1::Organization* org = application->mutable_organization();
      org->set_display_name(flags->display_name);
      org->set_kind(*kind);
      org->set_region_code(flags->region_code);
      for (const std::string& industry :
           QualifyNames("industries", SplitFlagValues(flags->industries))) {
        org->add_industries(industry);
      }
      application->set_contact_email(flags->contact_email);
      application->set_contact_name(flags->contact_name);
      request.set_request_id(flags->request_id);
      return CallAndPrint<Application>(
          env,
          [&](grpc::ClientContext* context, Application* response) {
            return env.session().registrations().SubmitApplication(context, request, response);
          },
          ApplicationView());
    });
  }
  {
    CLI::App* command = group->add_subcommand("list", "List applications (ORGANIZER, ADMIN)");
    auto flags = std::make_shared<ListFlags>();
    AddListFlags(command, flags.get(), "Filter on state, e.g. 'state = PENDING'");
    OnRun(command, env, [&env, flags] {
      return RunList<techmatch::v1::ListApplicationsResponse>(
          env, *flags, techmatch::v1::ListApplicationsRequest(),
          [&env](grpc::ClientContext* context, const auto& request, auto* response) {
            return env.session().registrations().ListApplications(context, request, response);
          },
          [](const auto& response) -> const auto& { return response.applications(); },
          ApplicationView());
    });
  }
  {
    CLI::App* command = group->add_subcommand("get", "Show one application");
    auto name = std::make_shared<std::string>();
    AddNameArgument(command, name.get(), "The application");
    OnRun(command, env, [&env, name] {
      techmatch::v1::GetApplicationRequest request;
      request.set_name(QualifyName("applications", *name));
      return CallAndPrint<Application>(
          env,
          [&](grpc::ClientContext* context, Application* response) {
            return env.session().registrations().GetApplication(context, request, response);
          },
          ApplicationView());
    });
  }
  {
    CLI::App* command = group->add_subcommand(
        "approve",
        "Approve: creates the organization and invites its contact (prints the one-time code)");
    struct Flags {
      std::string name, organization_id, contact_role;
    };
    auto flags = std::make_shared<Flags>();
    AddNameArgument(command, &flags->name, "The application");
    command->add_option("--organization-id", flags->organization_id,
                        "Id of the organization to create; generated when omitted");
    command->add_option("--contact-role", flags->contact_role,
                        "ENTERPRISE or INSTITUTE; follows the organization's kind when omitted");
    OnRun(command, env, [&env, flags] {
      techmatch::v1::ApproveApplicationRequest request;
      request.set_name(QualifyName("applications", flags->name));
      request.set_organization_id(flags->organization_id);
      if (!flags->contact_role.empty()) {
        absl::StatusOr<techmatch::v1::Role> role = ParseRole(flags->contact_role);
        if (!role.ok()) return env.FailLocal(role.status());
        request.set_contact_role(*role);
      }
      techmatch::v1::ApproveApplicationResponse response;
      std::unique_ptr<grpc::ClientContext> context = env.session().NewContext();
      if (grpc::Status status =
              env.session().registrations().ApproveApplication(context.get(), request, &response);
          !status.ok()) {
        return env.Fail(status);
      }
      if (env.output().format() == OutputFormat::kJson) {
        env.output().stream() << ToJson(response) << '\n';
        return kExitOk;
      }
      env.output().PrintOne(response.application(), ApplicationView());
      env.output().stream() << '\n';
      env.output().PrintOne(response.invitation(), InvitationView());
      return kExitOk;
    });
  }
  {
    CLI::App* command = group->add_subcommand("reject", "Reject with a reason");
    auto name = std::make_shared<std::string>();
    auto reason = std::make_shared<std::string>();
    AddNameArgument(command, name.get(), "The application");
    command->add_option("--reason", *reason, "Why, as the applicant will read it")->required();
    OnRun(command, env, [&env, name, reason] {
      techmatch::v1::RejectApplicationRequest request;
      request.set_name(QualifyName("applications", *name));
      request.set_reason(*reason);
      return CallAndPrint<Application>(
          env,
          [&](grpc::ClientContext* context, Application* response) {
            return env.session().registrations().RejectApplication(context, request, response);
          },
          ApplicationView());
    });
  }
}

}  // namespace techmatch::client
