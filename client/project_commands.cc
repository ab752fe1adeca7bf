// `techmatch project create|get|list|update|arrive|arrivals` (ProjectService).
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "client/commands.h"
#include "client/field_values.h"
#include "client/ledger_enum.h"
#include "client/ledger_import_runner.h"
#include "client/list_runner.h"
#include "client/list_text.h"
#include "client/mask_flags.h"
#include "client/project_view.h"
#include "client/resource_name.h"

namespace techmatch::client {
namespace {

using techmatch::v1::FundArrival;
using techmatch::v1::Project;

struct ProjectFlags {
  std::string name;
  std::string id;
  std::string request_id;
  std::string etag;
  std::string title;
  std::string level;
  std::string programme;
  std::string lead;
  std::vector<std::string> partners;
  std::string region_code;
  std::string year;
  std::string approved_funds;
  MaskFlags fields;
};

void AddFieldFlags(CLI::App* command, ProjectFlags* flags, bool update) {
  MaskFlags& fields = flags->fields;
  fields.Add(command->add_option("--title", flags->title, "Title, 1–200 characters"), "title");
  fields.Add(
      command->add_option("--level", flags->level, "NATIONAL, PROVINCIAL, MUNICIPAL or COUNTY"),
      "level");
  fields.Add(
      command->add_option("--programme", flags->programme, "The programme, e.g. 国家科技支撑计划"),
      "programme");
  fields.Add(command->add_option("--lead", flags->lead, "The lead organization"),
             "lead_organization");
  fields.Add(AddListOption(command, "--partners", &flags->partners, "Partner organizations"),
             "partners");
  fields.Add(command->add_option("--region", flags->region_code,
                                 "GB/T 2260 code of the region it counts in, e.g. 510521"),
             "region_code");
  fields.Add(command->add_option("--year", flags->year, "The year it was approved, e.g. 2026"),
             "year");
  fields.Add(command->add_option("--approved-funds", flags->approved_funds,
                                 absl::StrCat("Funds approved in 元: 1,234.56, 230萬, 2.8億",
                                              update ? " (empty clears)" : "")),
             "approved_funds");
}

absl::Status Flagged(absl::string_view flag, const absl::Status& status) {
  return absl::InvalidArgumentError(absl::StrCat(flag, ": ", status.message()));
}

// Fills the fields whose flags were given; values the CLI cannot read are refused here.
absl::Status FillProject(const ProjectFlags& flags, absl::string_view currency, Project* p) {
  const MaskFlags& given = flags.fields;
  if (given.Given("title")) p->set_title(flags.title);
  if (given.Given("level")) {
    absl::StatusOr<Project::Level> level = ParseLedgerEnum<Project::Level>(
        flags.level, Project::Level_Parse, "level", "NATIONAL, PROVINCIAL, MUNICIPAL or COUNTY");
    if (!level.ok()) return Flagged("--level", level.status());
    p->set_level(*level);
  }
  if (given.Given("programme")) p->set_programme(flags.programme);
  if (given.Given("lead_organization")) {
    p->set_lead_organization(QualifyName("organizations", flags.lead));
  }
  for (const std::string& org : QualifyNames("organizations", SplitFlagValues(flags.partners))) {
    p->add_partners(org);
  }
  if (given.Given("region_code")) p->set_region_code(std::string(TrimText(flags.region_code)));
  if (given.Given("year")) {
    int year = 0;
    if (!absl::SimpleAtoi(flags.year, &year)) {
      return Flagged("--year", absl::InvalidArgumentError("must be a whole year, e.g. 2026"));
    }
    p->set_year(year);
  }
  if (given.Given("approved_funds") && !TrimText(flags.approved_funds).empty()) {
    absl::StatusOr<google::type::Money> money = ParseMoney(flags.approved_funds, currency);
    if (!money.ok()) return Flagged("--approved-funds", money.status());
    *p->mutable_approved_funds() = *money;
  }
  return absl::OkStatus();
}

void AddCreate(CLI::App* group, CommandEnv& env) {
  CLI::App* command = group->add_subcommand("create", "Record a funded project");
  auto flags = std::make_shared<ProjectFlags>();
  command->add_option("--id", flags->id, "Id, [a-z0-9][a-z0-9-]{0,62}; generated when omitted");
  command->add_option("--request-id", flags->request_id,
                      "Idempotency key: a retry creates nothing");
  AddFieldFlags(command, flags.get(), /*update=*/false);
  OnRun(command, env, [&env, flags] {
    techmatch::v1::CreateProjectRequest request;
    request.set_project_id(flags->id);
    request.set_request_id(flags->request_id);
    if (absl::Status s = FillProject(*flags, env.options().currency, request.mutable_project());
        !s.ok()) {
      return env.FailLocal(s);
    }
    return CallAndPrint<Project>(
        env,
        [&](grpc::ClientContext* context, Project* response) {
          return env.session().projects().CreateProject(context, request, response);
        },
        ProjectView());
  });
}

void AddUpdate(CLI::App* group, CommandEnv& env) {
  CLI::App* command = group->add_subcommand("update", "Change a project's fields");
  auto flags = std::make_shared<ProjectFlags>();
  AddNameArgument(command, &flags->name, "The project");
  command->add_option("--etag", flags->etag, "Refuse the update if the record changed since");
  AddFieldFlags(command, flags.get(), /*update=*/true);
  OnRun(command, env, [&env, flags] {
    techmatch::v1::UpdateProjectRequest request;
    *request.mutable_update_mask() = flags->fields.Mask();
    if (request.update_mask().paths().empty()) {
      return env.FailLocal(absl::InvalidArgumentError(
          absl::StrCat("nothing to update: give at least one of ", flags->fields.FlagNames())));
    }
    Project* project = request.mutable_project();
    project->set_name(QualifyName("projects", flags->name));
    project->set_etag(flags->etag);
    if (absl::Status s = FillProject(*flags, env.options().currency, project); !s.ok()) {
      return env.FailLocal(s);
    }
    return CallAndPrint<Project>(
        env,
        [&](grpc::ClientContext* context, Project* response) {
          return env.session().projects().UpdateProject(context, request, response);
        },
        ProjectView());
  });
}

void AddArrive(CLI::App* group, CommandEnv& env) {
  CLI::App* command =
      group->add_subcommand("arrive", "Record funds that arrived for a project (append-only)");
  struct Flags {
    std::string project;
    std::string amount;
    std::string arrive_time;
    std::string note;
    std::string request_id;
  };
  auto flags = std::make_shared<Flags>();
  AddNameArgument(command, &flags->project, "The project");
  command->add_option("--amount", flags->amount, "The amount in 元: 1,234.56, 230萬")->required();
  command
      ->add_option("--arrive-time", flags->arrive_time,
                   "When it arrived: 2026-10-20, 2026-10-20 10:30 or RFC 3339")
      ->required();
  command->add_option("--note", flags->note, "Optional note, e.g. the tranche");
  command->add_option("--request-id", flags->request_id,
                      "Idempotency key: a retry records nothing");
  OnRun(command, env, [&env, flags] {
    techmatch::v1::RecordFundArrivalRequest request;
    request.set_project(QualifyName("projects", flags->project));
    request.set_note(flags->note);
    request.set_request_id(flags->request_id);
    absl::StatusOr<google::type::Money> money = ParseMoney(flags->amount, env.options().currency);
    if (!money.ok()) return env.FailLocal(Flagged("--amount", money.status()));
    *request.mutable_amount() = *money;
    absl::StatusOr<google::protobuf::Timestamp> time = ParseTime(flags->arrive_time);
    if (!time.ok()) return env.FailLocal(Flagged("--arrive-time", time.status()));
    *request.mutable_arrive_time() = *time;
    return CallAndPrint<FundArrival>(
        env,
        [&](grpc::ClientContext* context, FundArrival* response) {
          return env.session().projects().RecordFundArrival(context, request, response);
        },
        FundArrivalView());
  });
}

}  // namespace

void AddProjectCommands(CLI::App& app, CommandEnv& env) {
  CLI::App* group =
      app.add_subcommand("project", "Funded projects of the programme ledger and their funds");
  group->require_subcommand(1);
  AddCreate(group, env);
  {
    CLI::App* command = group->add_subcommand("get", "Show one project");
    auto name = std::make_shared<std::string>();
    AddNameArgument(command, name.get(), "The project");
    OnRun(command, env, [&env, name] {
      techmatch::v1::GetProjectRequest request;
      request.set_name(QualifyName("projects", *name));
      return CallAndPrint<Project>(
          env,
          [&](grpc::ClientContext* context, Project* response) {
            return env.session().projects().GetProject(context, request, response);
          },
          ProjectView());
    });
  }
  {
    CLI::App* command = group->add_subcommand("list", "List projects in name order");
    auto flags = std::make_shared<ListFlags>();
    AddListFlags(command, flags.get(),
                 "Filter on region_code (and the regions under it), year, level, organization, "
                 "lead_organization, programme, approved_funds, arrived_funds (in 元) and "
                 "over_approved, e.g. 'region_code = \"510500\" AND year = 2026'");
    OnRun(command, env, [&env, flags] {
      return RunList<techmatch::v1::ListProjectsResponse>(
          env, *flags, techmatch::v1::ListProjectsRequest(),
          [&env](grpc::ClientContext* context, const auto& request, auto* response) {
            return env.session().projects().ListProjects(context, request, response);
          },
          [](const auto& response) -> const auto& { return response.projects(); }, ProjectView());
    });
  }
  AddUpdate(group, env);
  AddArrive(group, env);
  AddLedgerImportCommand(group, env, "import",
                         "Record projects from CSV: id,title,level,programme,lead_organization,"
                         "partners,region_code,year,approved_funds",
                         RunProjectImport);
  AddLedgerImportCommand(group, env, "import-arrivals",
                         "Record fund arrivals from CSV: project,amount,arrive_time,note",
                         RunFundArrivalImport);
  {
    CLI::App* command =
        group->add_subcommand("arrivals", "List a project's fund arrivals, oldest first");
    auto project = std::make_shared<std::string>();
    auto flags = std::make_shared<ListFlags>();
    AddNameArgument(command, project.get(), "The project");
    AddListFlags(command, flags.get(), "Not taken: arrivals are listed in recording order");
    OnRun(command, env, [&env, project, flags] {
      if (!flags->filter.empty()) {
        return env.FailLocal(absl::InvalidArgumentError("--filter: fund arrivals take no filter"));
      }
      techmatch::v1::ListFundArrivalsRequest request;
      request.set_parent(QualifyName("projects", *project));
      return RunList<techmatch::v1::ListFundArrivalsResponse>(
          env, *flags, request,
          [&env](grpc::ClientContext* context, const auto& request, auto* response) {
            return env.session().projects().ListFundArrivals(context, request, response);
          },
          [](const auto& response) -> const auto& { return response.fund_arrivals(); },
          FundArrivalView());
    });
  }
}

}  // namespace techmatch::client
