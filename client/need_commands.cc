// `techmatch need create|get|list|update|withdraw|publish|return|close|import` (NeedService).
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "client/commands.h"
#include "client/enum_text.h"
#include "client/field_values.h"
#include "client/import_runner.h"
#include "client/list_runner.h"
#include "client/list_text.h"
#include "client/mask_flags.h"
#include "client/resource_name.h"
#include "client/resource_views.h"

namespace techmatch::client {
namespace {

using techmatch::v1::Need;

struct NeedFlags {
  std::string name;
  std::string id;
  std::string request_id;
  std::string etag;
  std::string enterprise;
  std::string title;
  std::string description;
  std::vector<std::string> keywords;
  std::vector<std::string> industries;
  std::string budget;
  std::string min_trl;
  std::vector<std::string> cooperation_modes;
  std::vector<std::string> events;
  bool late_registration = false;
  MaskFlags fields;
};

// The field flags; `enterprise` only on create, as it is immutable.
void AddFieldFlags(CLI::App* command, NeedFlags* flags, bool create) {
  if (create) {
    flags->fields.Add(
        command->add_option("--enterprise", flags->enterprise, "The enterprise with the need"),
        "enterprise");
  }
  flags->fields.Add(command->add_option("--title", flags->title, "Short title, 1–200 characters"),
                    "title");
  flags->fields.Add(command->add_option("--description", flags->description, "Full description"),
                    "description");
  flags->fields.Add(AddListOption(command, "--keywords", &flags->keywords, "Keywords"), "keywords");
  flags->fields.Add(AddListOption(command, "--industries", &flags->industries,
                                  "Industries, the first primary, e.g. liquor,agriculture"),
                    "industries");
  flags->fields.Add(command->add_option("--budget", flags->budget,
                                        "Budget in yuan: 1,234.56, 230万, 2.8億 (empty clears)"),
                    "budget");
  flags->fields.Add(command->add_option("--min-trl", flags->min_trl,
                                        "Minimum technology readiness level 1–9 (empty clears)"),
                    "min_trl");
  flags->fields.Add(AddListOption(command, "--cooperation-modes", &flags->cooperation_modes,
                                  "TRANSFER, LICENSE, JOINT_DEVELOPMENT, TECHNICAL_SERVICE, "
                                  "CONSULTING, EQUITY_INVESTMENT"),
                    "cooperation_modes");
  flags->fields.Add(
      AddListOption(command, "--events", &flags->events, "Events the need is registered for"),
      "events");
}

absl::Status Flagged(absl::string_view flag, const absl::Status& status) {
  return absl::InvalidArgumentError(absl::StrCat(flag, ": ", status.message()));
}

absl::Status FillNeed(const NeedFlags& flags, absl::string_view currency, Need* need) {
  const MaskFlags& given = flags.fields;
  if (given.Given("enterprise"))
    need->set_enterprise(QualifyName("organizations", flags.enterprise));
  if (given.Given("title")) need->set_title(flags.title);
  if (given.Given("description")) need->set_description(flags.description);
  for (const std::string& keyword : SplitFlagValues(flags.keywords)) need->add_keywords(keyword);
  for (const std::string& industry :
       QualifyNames("industries", SplitFlagValues(flags.industries))) {
    need->add_industries(industry);
  }
  if (given.Given("budget") && !TrimText(flags.budget).empty()) {
    absl::StatusOr<google::type::Money> budget = ParseMoney(flags.budget, currency);
    if (!budget.ok()) return Flagged("--budget", budget.status());
    *need->mutable_budget() = *budget;
  }
  if (given.Given("min_trl") && !TrimText(flags.min_trl).empty()) {
    absl::StatusOr<int> trl = ParseTrl(flags.min_trl);
    if (!trl.ok()) return Flagged("--min-trl", trl.status());
    need->set_min_trl(*trl);
  }
  absl::StatusOr<std::vector<techmatch::v1::CooperationMode>> modes =
      ParseCooperationModes(SplitFlagValues(flags.cooperation_modes));
  if (!modes.ok()) return Flagged("--cooperation-modes", modes.status());
  for (auto mode : *modes) need->add_cooperation_modes(mode);
  for (const std::string& event : QualifyNames("events", SplitFlagValues(flags.events))) {
    need->add_events(event);
  }
  return absl::OkStatus();
}

// --late-registration: add the need to events whose registration has closed (organizers and
// administrators only; the server records it in late_registration_events).
void AddLateFlag(CLI::App* command, bool* late) {
  command->add_flag("--late-registration,--late", *late,
                    "Add it to events whose registration has closed (organizers and "
                    "administrators only; recorded)");
}

void AddCreate(CLI::App* group, CommandEnv& env) {
  CLI::App* command = group->add_subcommand("create", "Create a technology need");
  auto flags = std::make_shared<NeedFlags>();
  command->add_option("--id", flags->id, "Id, [a-z0-9][a-z0-9-]{0,62}; generated when omitted");
  command->add_option("--request-id", flags->request_id,
                      "Idempotency key: a retry creates nothing");
  AddFieldFlags(command, flags.get(), /*create=*/true);
  AddLateFlag(command, &flags->late_registration);
  OnRun(command, env, [&env, flags] {
    techmatch::v1::CreateNeedRequest request;
    request.set_need_id(flags->id);
    request.set_request_id(flags->request_id);
    request.set_late_registration(flags->late_registration);
    if (absl::Status s = FillNeed(*flags, env.options().currency, request.mutable_need());
        !s.ok()) {
      return env.FailLocal(s);
    }
    return CallAndPrint<Need>(
        env,
        [&](grpc::ClientContext* context, Need* response) {
          return env.session().needs().CreateNeed(context, request, response);
        },
        NeedView());
  });
}

void AddUpdate(CLI::App* group, CommandEnv& env) {
  CLI::App* command = group->add_subcommand("update", "Change an open need's fields");
  auto flags = std::make_shared<NeedFlags>();
  AddNameArgument(command, &flags->name, "The need");
  command->add_option("--etag", flags->etag, "Refuse the update if the record changed since");
  AddFieldFlags(command, flags.get(), /*create=*/false);
  AddLateFlag(command, &flags->late_registration);
  OnRun(command, env, [&env, flags] {
    techmatch::v1::UpdateNeedRequest request;
    *request.mutable_update_mask() = flags->fields.Mask();
    request.set_late_registration(flags->late_registration);
    if (request.update_mask().paths().empty()) {
      return env.FailLocal(absl::InvalidArgumentError(
          absl::StrCat("nothing to update: give at least one of ", flags->fields.FlagNames())));
    }
    Need* need = request.mutable_need();
    need->set_name(QualifyName("needs", flags->name));
    need->set_etag(flags->etag);
    if (absl::Status s = FillNeed(*flags, env.options().currency, need); !s.ok()) {
      return env.FailLocal(s);
    }
    return CallAndPrint<Need>(
        env,
        [&](grpc::ClientContext* context, Need* response) {
          return env.session().needs().UpdateNeed(context, request, response);
        },
        NeedView());
  });
}

}  // namespace

void AddNeedCommands(CLI::App& app, CommandEnv& env) {
  CLI::App* group = app.add_subcommand("need", "Enterprises' technology needs (技術需求)");
  group->require_subcommand(1);
  AddCreate(group, env);
  {
    CLI::App* command = group->add_subcommand("get", "Show one need in full");
    auto name = std::make_shared<std::string>();
    AddNameArgument(command, name.get(), "The need");
    OnRun(command, env, [&env, name] {
      techmatch::v1::GetNeedRequest request;
      request.set_name(QualifyName("needs", *name));
      return CallAndPrint<Need>(
          env,
          [&](grpc::ClientContext* context, Need* response) {
            return env.session().needs().GetNeed(context, request, response);
          },
          NeedView());
    });
  }
  {
    CLI::App* command =
        group->add_subcommand("list", "List needs: in name order, or by relevance with --query");
    auto flags = std::make_shared<ListFlags>();
    auto query = std::make_shared<std::string>();
    AddListFlags(command, flags.get(),
                 "Filter on enterprise, industry, state, event, create_time, e.g. "
                 "'industry = \"industries/liquor\" AND state = OPEN'");
    command->add_option("--query", *query,
                        "Free text, analysed as matching analyses it (either Chinese script); "
                        "results in relevance order, e.g. '窖池 微生物'");
    OnRun(command, env, [&env, flags, query] {
      techmatch::v1::ListNeedsRequest request;
      request.set_query(*query);
      return RunList<techmatch::v1::ListNeedsResponse>(
          env, *flags, request,
          [&env](grpc::ClientContext* context, const auto& request, auto* response) {
            return env.session().needs().ListNeeds(context, request, response);
          },
          [](const auto& response) -> const auto& { return response.needs(); }, NeedView());
    });
  }
  AddUpdate(group, env);
  {
    CLI::App* command = group->add_subcommand("withdraw", "Withdraw an open need");
    auto name = std::make_shared<std::string>();
    auto etag = std::make_shared<std::string>();
    AddNameArgument(command, name.get(), "The need");
    command->add_option("--etag", *etag, "Refuse if the record changed since");
    OnRun(command, env, [&env, name, etag] {
      techmatch::v1::WithdrawNeedRequest request;
      request.set_name(QualifyName("needs", *name));
      request.set_etag(*etag);
      return CallAndPrint<Need>(
          env,
          [&](grpc::ClientContext* context, Need* response) {
            return env.session().needs().WithdrawNeed(context, request, response);
          },
          NeedView());
    });
  }
  {
    CLI::App* command = group->add_subcommand(
        "publish", "Publish a submitted need (organizers and administrators)");
    auto name = std::make_shared<std::string>();
    auto etag = std::make_shared<std::string>();
    AddNameArgument(command, name.get(), "The need");
    command->add_option("--etag", *etag, "Refuse if the record changed since");
    OnRun(command, env, [&env, name, etag] {
      techmatch::v1::PublishNeedRequest request;
      request.set_name(QualifyName("needs", *name));
      request.set_etag(*etag);
      return CallAndPrint<Need>(
          env,
          [&](grpc::ClientContext* context, Need* response) {
            return env.session().needs().PublishNeed(context, request, response);
          },
          NeedView());
    });
  }
  {
    CLI::App* command = group->add_subcommand(
        "return", "Return a submitted need to its enterprise with a reason (organizers)");
    auto name = std::make_shared<std::string>();
    auto reason = std::make_shared<std::string>();
    auto etag = std::make_shared<std::string>();
    AddNameArgument(command, name.get(), "The need");
    command->add_option("--reason", *reason, "Why, for the enterprise (1-500 characters)");
    command->add_option("--etag", *etag, "Refuse if the record changed since");
    OnRun(command, env, [&env, name, reason, etag] {
      techmatch::v1::ReturnNeedRequest request;
      request.set_name(QualifyName("needs", *name));
      request.set_reason(*reason);
      request.set_etag(*etag);
      return CallAndPrint<Need>(
          env,
          [&](grpc::ClientContext* context, Need* response) {
            return env.session().needs().ReturnNeed(context, request, response);
          },
          NeedView());
    });
  }
  {
    CLI::App* command =
        group->add_subcommand("close", "Close an open need an agreement met; it leaves matching");
    auto name = std::make_shared<std::string>();
    auto agreement = std::make_shared<std::string>();
    auto etag = std::make_shared<std::string>();
    AddNameArgument(command, name.get(), "The need");
    command->add_option("--agreement", *agreement,
                        "The agreement that met it (agreements/ID or ID); without it, any "
                        "agreement for the need");
    command->add_option("--etag", *etag, "Refuse if the record changed since");
    OnRun(command, env, [&env, name, agreement, etag] {
      techmatch::v1::CloseNeedRequest request;
      request.set_name(QualifyName("needs", *name));
      if (!agreement->empty()) request.set_agreement(QualifyName("agreements", *agreement));
      request.set_etag(*etag);
      return CallAndPrint<Need>(
          env,
          [&](grpc::ClientContext* context, Need* response) {
            return env.session().needs().CloseNeed(context, request, response);
          },
          NeedView());
    });
  }
  {
    CLI::App* command = group->add_subcommand(
        "import",
        "Import needs from CSV: id,enterprise,title,description,keywords,industries,budget,"
        "min_trl,cooperation_modes,events (lists separated by ; ； 、)");
    auto path = std::make_shared<std::string>();
    auto options = std::make_shared<ImportOptions>();
    command->add_option("file", *path, "CSV file, UTF-8 with or without BOM")->required();
    command->add_flag("--late-registration,--late", options->late_registration,
                      "Every row may join events whose registration has closed (organizers and "
                      "administrators only; recorded)");
    command->add_option("--rejects", options->rejects_path,
                        "Write every rejected row (CSV line, field, problem) to FILE as the "
                        "import goes, instead of listing them");
    OnRun(command, env, [&env, path, options] { return RunNeedImport(env, *path, *options); });
  }
}

}  // namespace techmatch::client
