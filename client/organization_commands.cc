// `techmatch organization create|get|list|update|import` (OrganizationService).
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "client/commands.h"
#include "client/enum_text.h"
#include "client/import_runner.h"
#include "client/list_runner.h"
#include "client/list_text.h"
#include "client/mask_flags.h"
#include "client/resource_name.h"
#include "client/resource_views.h"

namespace techmatch::client {
namespace {

using techmatch::v1::Organization;

struct OrganizationFlags {
  std::string name;
  std::string id;
  std::string request_id;
  std::string etag;
  std::string display_name;
  std::string kind;
  std::string parent;
  std::string region_code;
  std::vector<std::string> industries;
  MaskFlags fields;
};

// The mutable fields' flags (kind only on create: it is immutable).
void AddFieldFlags(CLI::App* command, OrganizationFlags* flags, bool create) {
  flags->fields.Add(command->add_option("--display-name", flags->display_name,
                                        "The name as people write it, e.g. 四川大學"),
                    "display_name");
  if (create) {
    flags->fields.Add(command->add_option("--kind", flags->kind,
                                          "ENTERPRISE, UNIVERSITY, RESEARCH_INSTITUTE, "
                                          "GOVERNMENT, INTERMEDIARY or FINANCIAL_INSTITUTION"),
                      "kind");
  }
  flags->fields.Add(command->add_option("--parent", flags->parent,
                                        "Parent organization, e.g. a college's university"),
                    "parent");
  flags->fields.Add(command->add_option("--region-code", flags->region_code,
                                        "GB/T 2260 division code, six digits, e.g. 510500"),
                    "region_code");
  flags->fields.Add(
      AddListOption(command, "--industries", &flags->industries, "Industries, e.g. liquor,energy"),
      "industries");
}

// Copies the given flags into `org`; INVALID_ARGUMENT for a value the CLI cannot read.
absl::Status FillOrganization(const OrganizationFlags& flags, Organization* org) {
  if (flags.fields.Given("display_name")) org->set_display_name(flags.display_name);
  if (flags.fields.Given("kind")) {
    absl::StatusOr<Organization::Kind> kind = ParseOrganizationKind(flags.kind);
    if (!kind.ok())
      return absl::InvalidArgumentError(absl::StrCat("--kind: ", kind.status().message()));
    org->set_kind(*kind);
  }
  if (flags.fields.Given("parent")) org->set_parent(QualifyName("organizations", flags.parent));
  if (flags.fields.Given("region_code")) org->set_region_code(flags.region_code);
  for (const std::string& industry :
       QualifyNames("industries", SplitFlagValues(flags.industries))) {
    org->add_industries(industry);
  }
  return absl::OkStatus();
}

}  // namespace

void AddOrganizationCommands(CLI::App& app, CommandEnv& env) {
  CLI::App* group = app.add_subcommand("organization",
                                       "Enterprises, universities, institutes, government bodies");
  group->alias("org");
  group->require_subcommand(1);

  {
    CLI::App* command = group->add_subcommand("create", "Create an organization");
    auto flags = std::make_shared<OrganizationFlags>();
    command->add_option("--id", flags->id, "Id, [a-z0-9][a-z0-9-]{0,62}; generated when omitted");
    command->add_option("--request-id", flags->request_id,
                        "Idempotency key: a retry creates nothing");
    AddFieldFlags(command, flags.get(), /*create=*/true);
    OnRun(command, env, [&env, flags] {
      techmatch::v1::CreateOrganizationRequest request;
      request.set_organization_id(flags->id);
      request.set_request_id(flags->request_id);
      if (absl::Status s = FillOrganization(*flags, request.mutable_organization()); !s.ok()) {
        return env.FailLocal(s);
      }
      return CallAndPrint<Organization>(
          env,
          [&](grpc::ClientContext* context, Organization* response) {
            return env.session().organizations().CreateOrganization(context, request, response);
          },
          OrganizationView());
    });
  }
  {
    CLI::App* command = group->add_subcommand("get", "Show one organization");
    auto name = std::make_shared<std::string>();
    AddNameArgument(command, name.get(), "The organization");
    OnRun(command, env, [&env, name] {
      techmatch::v1::GetOrganizationRequest request;
      request.set_name(QualifyName("organizations", *name));
      return CallAndPrint<Organization>(
          env,
          [&](grpc::ClientContext* context, Organization* response) {
            return env.session().organizations().GetOrganization(context, request, response);
          },
          OrganizationView());
    });
  }
  {
    CLI::App* command = group->add_subcommand("list", "List organizations in name order");
    auto flags = std::make_shared<ListFlags>();
    AddListFlags(command, flags.get(),
                 "Filter on kind, region_code, parent, e.g. 'kind = UNIVERSITY'");
    OnRun(command, env, [&env, flags] {
      return RunList<techmatch::v1::ListOrganizationsResponse>(
          env, *flags, techmatch::v1::ListOrganizationsRequest(),
          [&env](grpc::ClientContext* context, const auto& request, auto* response) {
            return env.session().organizations().ListOrganizations(context, request, response);
          },
          [](const auto& response) -> const auto& { return response.organizations(); },
          OrganizationView());
    });
  }
  {
    CLI::App* command = group->add_subcommand("update", "Change an organization's fields");
    auto flags = std::make_shared<OrganizationFlags>();
    AddNameArgument(command, &flags->name, "The organization");
    command->add_option("--etag", flags->etag, "Refuse the update if the record changed since");
    AddFieldFlags(command, flags.get(), /*create=*/false);
    OnRun(command, env, [&env, flags] {
      techmatch::v1::UpdateOrganizationRequest request;
      *request.mutable_update_mask() = flags->fields.Mask();
      if (request.update_mask().paths().empty()) {
        return env.FailLocal(absl::InvalidArgumentError(
            absl::StrCat("nothing to update: give at least one of ", flags->fields.FlagNames())));
      }
      Organization* org = request.mutable_organization();
      org->set_name(QualifyName("organizations", flags->name));
      org->set_etag(flags->etag);
      if (absl::Status s = FillOrganization(*flags, org); !s.ok()) return env.FailLocal(s);
      return CallAndPrint<Organization>(
          env,
          [&](grpc::ClientContext* context, Organization* response) {
            return env.session().organizations().UpdateOrganization(context, request, response);
          },
          OrganizationView());
    });
  }
  {
    CLI::App* command =
        group->add_subcommand("import",
                              "Create organizations from a CSV file "
                              "(id,display_name,kind,parent,region_code,industries)");
    auto path = std::make_shared<std::string>();
    command->add_option("file", *path, "CSV file, UTF-8")->required();
    OnRun(command, env, [&env, path] { return RunOrganizationImport(env, *path); });
  }
}

}  // namespace techmatch::client
