// `techmatch commissioner create|get|list|update` (CommissionerService).
#include <cstdint>
#include <memory>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "client/commands.h"
#include "client/commissioner_view.h"
#include "client/field_values.h"
#include "client/ledger_enum.h"
#include "client/ledger_import_runner.h"
#include "client/list_runner.h"
#include "client/list_text.h"
#include "client/mask_flags.h"
#include "client/resource_name.h"

namespace techmatch::client {
namespace {

using techmatch::v1::Commissioner;

// The counted outcomes with their flags, in API order.
struct CountFlag {
  const char* path;
  const char* flag;
  const char* help;
  void (Commissioner::*set)(int64_t);
};
constexpr CountFlag kCountFlags[] = {
    {"technologies_promoted", "--technologies-promoted", "Technologies promoted (推广新技术)",
     &Commissioner::set_technologies_promoted},
    {"new_products", "--new-products", "New products introduced (引进新品种)",
     &Commissioner::set_new_products},
    {"projects", "--projects", "Projects carried out (实施项目)", &Commissioner::set_projects},
    {"joint_ventures", "--joint-ventures", "Joint ventures set up (领办经济实体)",
     &Commissioner::set_joint_ventures},
    {"cooperatives", "--cooperatives", "Specialized cooperatives (专业合作社)",
     &Commissioner::set_cooperatives},
    {"enterprises_founded", "--enterprises-founded", "Enterprises founded (创办企业)",
     &Commissioner::set_enterprises_founded},
};

// The money outcomes with their flags, in API order.
struct AmountFlag {
  const char* path;
  const char* flag;
  const char* help;
  google::type::Money* (Commissioner::*mutable_field)();
};
constexpr AmountFlag kAmountFlags[] = {
    {"investment", "--investment", "Investment brought in (带动投资)",
     &Commissioner::mutable_investment},
    {"profit", "--profit", "Profit created (创造利润)", &Commissioner::mutable_profit},
    {"farmer_income_increase", "--farmer-income-increase", "Farmers' income increase (带动增收)",
     &Commissioner::mutable_farmer_income_increase},
};

struct CommissionerFlags {
  std::string name;
  std::string id;
  std::string request_id;
  std::string etag;
  std::string display_name;
  std::string home;
  std::string region_code;
  std::string year;
  std::string service_model;
  std::string counts[std::size(kCountFlags)];
  std::string amounts[std::size(kAmountFlags)];
  MaskFlags fields;
};

void AddFieldFlags(CLI::App* command, CommissionerFlags* flags, bool update) {
  MaskFlags& fields = flags->fields;
  fields.Add(command->add_option("--display-name", flags->display_name, "The person's name"),
             "display_name");
  fields.Add(command->add_option("--home", flags->home, "The organization they come from"),
             "home_organization");
  fields.Add(command->add_option("--region", flags->region_code,
                                 "GB/T 2260 code of the region served, e.g. 510521"),
             "region_code");
  fields.Add(command->add_option("--year", flags->year, "The year of service, e.g. 2026"), "year");
  fields.Add(command->add_option("--service-model", flags->service_model,
                                 "MARKET_LED, TECHNOLOGY_PUSHED or VENTURE"),
             "service_model");
  for (size_t i = 0; i < std::size(kCountFlags); ++i) {
    fields.Add(command->add_option(kCountFlags[i].flag, flags->counts[i],
                                   absl::StrCat(kCountFlags[i].help, ", a whole number")),
               kCountFlags[i].path);
  }
  for (size_t i = 0; i < std::size(kAmountFlags); ++i) {
    fields.Add(command->add_option(kAmountFlags[i].flag, flags->amounts[i],
                                   absl::StrCat(kAmountFlags[i].help, " in 元: 1,234.56, 230萬",
                                                update ? " (empty clears)" : "")),
               kAmountFlags[i].path);
  }
}

absl::Status Flagged(absl::string_view flag, const absl::Status& status) {
  return absl::InvalidArgumentError(absl::StrCat(flag, ": ", status.message()));
}

absl::Status FillCommissioner(const CommissionerFlags& flags, absl::string_view currency,
                              Commissioner* c) {
  const MaskFlags& given = flags.fields;
  if (given.Given("display_name")) c->set_display_name(flags.display_name);
  if (given.Given("home_organization")) {
    c->set_home_organization(QualifyName("organizations", flags.home));
  }
  if (given.Given("region_code")) c->set_region_code(std::string(TrimText(flags.region_code)));
  if (given.Given("year")) {
    int year = 0;
    if (!absl::SimpleAtoi(flags.year, &year)) {
      return Flagged("--year", absl::InvalidArgumentError("must be a whole year, e.g. 2026"));
    }
    c->set_year(year);
  }
  if (given.Given("service_model")) {
    absl::StatusOr<Commissioner::ServiceModel> model = ParseLedgerEnum<Commissioner::ServiceModel>(
        flags.service_model, Commissioner::ServiceModel_Parse, "service model",
        "MARKET_LED, TECHNOLOGY_PUSHED or VENTURE");
    if (!model.ok()) return Flagged("--service-model", model.status());
    c->set_service_model(*model);
  }
  for (size_t i = 0; i < std::size(kCountFlags); ++i) {
    if (!given.Given(kCountFlags[i].path)) continue;
    int64_t value = 0;
    if (!absl::SimpleAtoi(flags.counts[i], &value)) {
      return Flagged(kCountFlags[i].flag, absl::InvalidArgumentError("must be a whole number"));
    }
    (c->*kCountFlags[i].set)(value);
  }
  for (size_t i = 0; i < std::size(kAmountFlags); ++i) {
    if (!given.Given(kAmountFlags[i].path) || TrimText(flags.amounts[i]).empty()) continue;
    absl::StatusOr<google::type::Money> money = ParseMoney(flags.amounts[i], currency);
    if (!money.ok()) return Flagged(kAmountFlags[i].flag, money.status());
    *(c->*kAmountFlags[i].mutable_field)() = *money;
  }
  return absl::OkStatus();
}

void AddCreate(CLI::App* group, CommandEnv& env) {
  CLI::App* command =
      group->add_subcommand("create", "Record a technology commissioner's year of service");
  auto flags = std::make_shared<CommissionerFlags>();
  command->add_option("--id", flags->id, "Id, [a-z0-9][a-z0-9-]{0,62}; generated when omitted");
  command->add_option("--request-id", flags->request_id,
                      "Idempotency key: a retry creates nothing");
  AddFieldFlags(command, flags.get(), /*update=*/false);
  OnRun(command, env, [&env, flags] {
    techmatch::v1::CreateCommissionerRequest request;
    request.set_commissioner_id(flags->id);
    request.set_request_id(flags->request_id);
    if (absl::Status s =
            FillCommissioner(*flags, env.options().currency, request.mutable_commissioner());
        !s.ok()) {
      return env.FailLocal(s);
    }
    return CallAndPrint<Commissioner>(
        env,
        [&](grpc::ClientContext* context, Commissioner* response) {
          return env.session().commissioners().CreateCommissioner(context, request, response);
        },
        CommissionerView());
  });
}

void AddUpdate(CLI::App* group, CommandEnv& env) {
  CLI::App* command =
      group->add_subcommand("update", "Change a commissioner's fields and outcomes");
  auto flags = std::make_shared<CommissionerFlags>();
  AddNameArgument(command, &flags->name, "The commissioner");
  command->add_option("--etag", flags->etag, "Refuse the update if the record changed since");
  AddFieldFlags(command, flags.get(), /*update=*/true);
  OnRun(command, env, [&env, flags] {
    techmatch::v1::UpdateCommissionerRequest request;
    *request.mutable_update_mask() = flags->fields.Mask();
    if (request.update_mask().paths().empty()) {
      return env.FailLocal(absl::InvalidArgumentError(
          absl::StrCat("nothing to update: give at least one of ", flags->fields.FlagNames())));
    }
    Commissioner* commissioner = request.mutable_commissioner();
    commissioner->set_name(QualifyName("commissioners", flags->name));
    commissioner->set_etag(flags->etag);
    if (absl::Status s = FillCommissioner(*flags, env.options().currency, commissioner); !s.ok()) {
      return env.FailLocal(s);
    }
    return CallAndPrint<Commissioner>(
        env,
        [&](grpc::ClientContext* context, Commissioner* response) {
          return env.session().commissioners().UpdateCommissioner(context, request, response);
        },
        CommissionerView());
  });
}

}  // namespace

void AddCommissionerCommands(CLI::App& app, CommandEnv& env) {
  CLI::App* group = app.add_subcommand(
      "commissioner", "Technology commissioners (科技特派员) of the programme ledger");
  group->require_subcommand(1);
  AddCreate(group, env);
  {
    CLI::App* command = group->add_subcommand("get", "Show one commissioner");
    auto name = std::make_shared<std::string>();
    AddNameArgument(command, name.get(), "The commissioner");
    OnRun(command, env, [&env, name] {
      techmatch::v1::GetCommissionerRequest request;
      request.set_name(QualifyName("commissioners", *name));
      return CallAndPrint<Commissioner>(
          env,
          [&](grpc::ClientContext* context, Commissioner* response) {
            return env.session().commissioners().GetCommissioner(context, request, response);
          },
          CommissionerView());
    });
  }
  {
    CLI::App* command = group->add_subcommand("list", "List commissioners in name order");
    auto flags = std::make_shared<ListFlags>();
    AddListFlags(command, flags.get(),
                 "Filter on region_code (and the regions under it), year, service_model and "
                 "organization, e.g. 'region_code = \"510500\" AND service_model = VENTURE'");
    OnRun(command, env, [&env, flags] {
      return RunList<techmatch::v1::ListCommissionersResponse>(
          env, *flags, techmatch::v1::ListCommissionersRequest(),
          [&env](grpc::ClientContext* context, const auto& request, auto* response) {
            return env.session().commissioners().ListCommissioners(context, request, response);
          },
          [](const auto& response) -> const auto& { return response.commissioners(); },
          CommissionerView());
    });
  }
  AddUpdate(group, env);
  AddLedgerImportCommand(group, env, "import",
                         "Record commissioners from CSV: id,display_name,home_organization,"
                         "region_code,year,service_model, the outcome counts and amounts",
                         RunCommissionerImport);
}

}  // namespace techmatch::client
