// `techmatch offering create|get|list|update|withdraw|publish|return|import` (OfferingService).
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

using techmatch::v1::Offering;

struct OfferingFlags {
  std::string name;
  std::string id;
  std::string request_id;
  std::string etag;
  std::string institute;
  std::string title;
  std::string description;
  std::vector<std::string> keywords;
  std::vector<std::string> industries;
  std::string trl;
  std::vector<std::string> patents;
  std::vector<std::string> cooperation_modes;
  std::string asking_price;
  std::vector<std::string> events;
  bool late_registration = false;
  MaskFlags fields;
};

// The field flags; `institute` only on create, as it is immutable.
void AddFieldFlags(CLI::App* command, OfferingFlags* flags, bool create) {
  if (create) {
    flags->fields.Add(command->add_option("--institute", flags->institute,
                                          "The university, institute or enterprise offering it"),
                      "institute");
  }
  flags->fields.Add(command->add_option("--title", flags->title, "Short title, 1–200 characters"),
                    "title");
  flags->fields.Add(command->add_option("--description", flags->description, "Full description"),
                    "description");
  flags->fields.Add(AddListOption(command, "--keywords", &flags->keywords, "Keywords"), "keywords");
  flags->fields.Add(AddListOption(command, "--industries", &flags->industries,
                                  "Industries, the first primary, e.g. energy,chemicals"),
                    "industries");
  flags->fields.Add(command->add_option("--trl", flags->trl, "Technology readiness level 1–9"),
                    "trl");
  flags->fields.Add(
      AddListOption(command, "--patents", &flags->patents, "Patent numbers, e.g. ZL201910123456.7"),
      "patents");
  flags->fields.Add(AddListOption(command, "--cooperation-modes", &flags->cooperation_modes,
                                  "TRANSFER, LICENSE, JOINT_DEVELOPMENT, TECHNICAL_SERVICE, "
                                  "CONSULTING, EQUITY_INVESTMENT"),
                    "cooperation_modes");
  flags->fields.Add(
      command->add_option("--asking-price", flags->asking_price,
                          "Asking price in yuan: 1,234.56, 230万, 2.8億 (empty clears)"),
      "asking_price");
  flags->fields.Add(
      AddListOption(command, "--events", &flags->events, "Events the offering is presented at"),
      "events");
}

absl::Status Flagged(absl::string_view flag, const absl::Status& status) {
  return absl::InvalidArgumentError(absl::StrCat(flag, ": ", status.message()));
}

absl::Status FillOffering(const OfferingFlags& flags, absl::string_view currency,
                          Offering* offering) {
  const MaskFlags& given = flags.fields;
  if (given.Given("institute")) {
    offering->set_institute(QualifyName("organizations", flags.institute));
  }
  if (given.Given("title")) offering->set_title(flags.title);
  if (given.Given("description")) offering->set_description(flags.description);
  for (const std::string& keyword : SplitFlagValues(flags.keywords)) {
    offering->add_keywords(keyword);
  }
  for (const std::string& industry :
       QualifyNames("industries", SplitFlagValues(flags.industries))) {
    offering->add_industries(industry);
  }
  if (given.Given("trl") && !TrimText(flags.trl).empty()) {
    absl::StatusOr<int> trl = ParseTrl(flags.trl);
    if (!trl.ok()) return Flagged("--trl", trl.status());
    offering->set_trl(*trl);
  }
  for (const std::string& patent : SplitFlagValues(flags.patents)) offering->add_patents(patent);
  absl::StatusOr<std::vector<techmatch::v1::CooperationMode>> modes =
      ParseCooperationModes(SplitFlagValues(flags.cooperation_modes));
  if (!modes.ok()) return Flagged("--cooperation-modes", modes.status());
  for (auto mode : *modes) offering->add_cooperation_modes(mode);
  if (given.Given("asking_price") && !TrimText(flags.asking_price).empty()) {
    absl::StatusOr<google::type::Money> price = ParseMoney(flags.asking_price, currency);
    if (!price.ok()) return Flagged("--asking-price", price.status());
    *offering->mutable_asking_price() = *price;
  }
  for (const std::string& event : QualifyNames("events", SplitFlagValues(flags.events))) {
    offering->add_events(event);
  }
  return absl::OkStatus();
}

// --late-registration: add the offering to events whose registration has closed (organizers and
// administrators only; the server records it in late_registration_events).
void AddLateFlag(CLI::App* command, bool* late) {
  command->add_flag("--late-registration,--late", *late,
                    "Add it to events whose registration has closed (organizers and "
                    "administrators only; recorded)");
}

void AddCreate(CLI::App* group, CommandEnv& env) {
  CLI::App* command = group->add_subcommand("create", "Create a technology offering");
  auto flags = std::make_shared<OfferingFlags>();
  command->add_option("--id", flags->id, "Id, [a-z0-9][a-z0-9-]{0,62}; generated when omitted");
  command->add_option("--request-id", flags->request_id,
                      "Idempotency key: a retry creates nothing");
  AddFieldFlags(command, flags.get(), /*create=*/true);
  AddLateFlag(command, &flags->late_registration);
  OnRun(command, env, [&env, flags] {
    techmatch::v1::CreateOfferingRequest request;
    request.set_offering_id(flags->id);
    request.set_request_id(flags->request_id);
    request.set_late_registration(flags->late_registration);
    if (absl::Status s = FillOffering(*flags, env.options().currency, request.mutable_offering());
        !s.ok()) {
      return env.FailLocal(s);
    }
    return CallAndPrint<Offering>(
        env,
        [&](grpc::ClientContext* context, Offering* response) {
          return env.session().offerings().CreateOffering(context, request, response);
        },
        OfferingView());
  });
}

void AddUpdate(CLI::App* group, CommandEnv& env) {
  CLI::App* command = group->add_subcommand("update", "Change an available offering's fields");
  auto flags = std::make_shared<OfferingFlags>();
  AddNameArgument(command, &flags->name, "The offering");
  command->add_option("--etag", flags->etag, "Refuse the update if the record changed since");
  AddFieldFlags(command, flags.get(), /*create=*/false);
  AddLateFlag(command, &flags->late_registration);
  OnRun(command, env, [&env, flags] {
    techmatch::v1::UpdateOfferingRequest request;
    *request.mutable_update_mask() = flags->fields.Mask();
    request.set_late_registration(flags->late_registration);
    if (request.update_mask().paths().empty()) {
      return env.FailLocal(absl::InvalidArgumentError(
          absl::StrCat("nothing to update: give at least one of ", flags->fields.FlagNames())));
    }
    Offering* offering = request.mutable_offering();
    offering->set_name(QualifyName("offerings", flags->name));
    offering->set_etag(flags->etag);
    if (absl::Status s = FillOffering(*flags, env.options().currency, offering); !s.ok()) {
      return env.FailLocal(s);
    }
    return CallAndPrint<Offering>(
        env,
        [&](grpc::ClientContext* context, Offering* response) {
          return env.session().offerings().UpdateOffering(context, request, response);
        },
        OfferingView());
  });
}

}  // namespace

void AddOfferingCommands(CLI::App& app, CommandEnv& env) {
  CLI::App* group = app.add_subcommand("offering", "Institutes' technology offerings (科技成果)");
  group->require_subcommand(1);
  AddCreate(group, env);
  {
    CLI::App* command = group->add_subcommand("get", "Show one offering in full");
    auto name = std::make_shared<std::string>();
    AddNameArgument(command, name.get(), "The offering");
    OnRun(command, env, [&env, name] {
      techmatch::v1::GetOfferingRequest request;
      request.set_name(QualifyName("offerings", *name));
      return CallAndPrint<Offering>(
          env,
          [&](grpc::ClientContext* context, Offering* response) {
            return env.session().offerings().GetOffering(context, request, response);
          },
          OfferingView());
    });
  }
  {
    CLI::App* command = group->add_subcommand(
        "list", "List offerings: in name order, or by relevance with --query");
    auto flags = std::make_shared<ListFlags>();
    auto query = std::make_shared<std::string>();
    AddListFlags(command, flags.get(),
                 "Filter on institute, industry, state, event, trl, e.g. "
                 "'industry = \"industries/energy\" AND trl >= 6'");
    command->add_option("--query", *query,
                        "Free text, analysed as matching analyses it (either Chinese script); "
                        "results in relevance order, e.g. '纤维素 乙醇'");
    OnRun(command, env, [&env, flags, query] {
      techmatch::v1::ListOfferingsRequest request;
      request.set_query(*query);
      return RunList<techmatch::v1::ListOfferingsResponse>(
          env, *flags, request,
          [&env](grpc::ClientContext* context, const auto& request, auto* response) {
            return env.session().offerings().ListOfferings(context, request, response);
          },
          [](const auto& response) -> const auto& { return response.offerings(); }, OfferingView());
    });
  }
  AddUpdate(group, env);
  {
    CLI::App* command = group->add_subcommand("withdraw", "Withdraw an available offering");
    auto name = std::make_shared<std::string>();
    auto etag = std::make_shared<std::string>();
    AddNameArgument(command, name.get(), "The offering");
    command->add_option("--etag", *etag, "Refuse if the record changed since");
    OnRun(command, env, [&env, name, etag] {
      techmatch::v1::WithdrawOfferingRequest request;
      request.set_name(QualifyName("offerings", *name));
      request.set_etag(*etag);
      return CallAndPrint<Offering>(
          env,
          [&](grpc::ClientContext* context, Offering* response) {
            return env.session().offerings().WithdrawOffering(context, request, response);
          },
          OfferingView());
    });
  }
  {
    CLI::App* command = group->add_subcommand(
        "publish", "Publish a submitted offering (organizers and administrators)");
    auto name = std::make_shared<std::string>();
    auto etag = std::make_shared<std::string>();
    AddNameArgument(command, name.get(), "The offering");
    command->add_option("--etag", *etag, "Refuse if the record changed since");
    OnRun(command, env, [&env, name, etag] {
      techmatch::v1::PublishOfferingRequest request;
      request.set_name(QualifyName("offerings", *name));
      request.set_etag(*etag);
      return CallAndPrint<Offering>(
          env,
          [&](grpc::ClientContext* context, Offering* response) {
            return env.session().offerings().PublishOffering(context, request, response);
          },
          OfferingView());
    });
  }
  {
    CLI::App* command = group->add_subcommand(
        "return", "Return a submitted offering to its institute with a reason (organizers)");
    auto name = std::make_shared<std::string>();
    auto reason = std::make_shared<std::string>();
    auto etag = std::make_shared<std::string>();
    AddNameArgument(command, name.get(), "The offering");
    command->add_option("--reason", *reason, "Why, for the institute (1-500 characters)");
    command->add_option("--etag", *etag, "Refuse if the record changed since");
    OnRun(command, env, [&env, name, reason, etag] {
      techmatch::v1::ReturnOfferingRequest request;
      request.set_name(QualifyName("offerings", *name));
      request.set_reason(*reason);
      request.set_etag(*etag);
      return CallAndPrint<Offering>(
          env,
          [&](grpc::ClientContext* context, Offering* response) {
            return env.session().offerings().ReturnOffering(context, request, response);
          },
          OfferingView());
    });
  }
  {
    CLI::App* command = group->add_subcommand(
        "import",
        "Import offerings from CSV: id,institute,title,description,keywords,industries,trl,"
        "patents,cooperation_modes,asking_price,events (lists separated by ; ； 、)");
    auto path = std::make_shared<std::string>();
    auto options = std::make_shared<ImportOptions>();
    command->add_option("file", *path, "CSV file, UTF-8 with or without BOM")->required();
    command->add_flag("--late-registration,--late", options->late_registration,
                      "Every row may join events whose registration has closed (organizers and "
                      "administrators only; recorded)");
    command->add_option("--rejects", options->rejects_path,
                        "Write every rejected row (CSV line, field, problem) to FILE as the "
                        "import goes, instead of listing them");
    OnRun(command, env, [&env, path, options] { return RunOfferingImport(env, *path, *options); });
  }
}

}  // namespace techmatch::client
