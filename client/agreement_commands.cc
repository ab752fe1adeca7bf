// `techmatch agreement create|get|list|update|start|complete|terminate|export`
// (AgreementService).
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "client/agreement_export.h"
#include "client/agreement_text.h"
#include "client/agreement_view.h"
#include "client/commands.h"
#include "client/field_values.h"
#include "client/list_runner.h"
#include "client/list_text.h"
#include "client/mask_flags.h"
#include "client/resource_name.h"

namespace techmatch::client {
namespace {

using techmatch::v1::Agreement;

// The six money fields, with their flags, in the order of the API.
struct AmountFlag {
  const char* path;
  const char* flag;
  const char* help;
  bool realized;  // Settable only once implementation started: update only.
};
constexpr AmountFlag kAmountFlags[] = {
    {"contract_amount", "--contract-amount", "Technology contract amount (技術合同金額)", false},
    {"total_investment", "--total-investment", "The project's total investment (項目總投資)",
     false},
    {"expected_sales_revenue", "--expected-sales-revenue", "Expected sales revenue (預計銷售收入)",
     false},
    {"expected_profit_tax", "--expected-profit-tax", "Expected profit and taxes (預計利稅)", false},
    {"realized_output_value", "--realized-output-value", "Realized new output value (新增產值)",
     true},
    {"realized_profit_tax", "--realized-profit-tax", "Realized new profit and taxes (新增利稅)",
     true},
};

struct AgreementFlags {
  std::string name;
  std::string id;
  std::string request_id;
  std::string etag;
  std::string title;
  std::string kind;
  std::vector<std::string> parties;
  std::string event;
  std::string need;
  std::string offering;
  std::vector<std::string> industries;
  std::string sign_time;
  std::string amounts[std::size(kAmountFlags)];
  MaskFlags fields;
};

void AddFieldFlags(CLI::App* command, AgreementFlags* flags, bool update) {
  MaskFlags& fields = flags->fields;
  fields.Add(command->add_option("--title", flags->title, "Title, 1–200 characters"), "title");
  fields.Add(
      command->add_option("--kind", flags->kind,
                          "FRAMEWORK_COOPERATION, TECHNOLOGY_DEVELOPMENT, "
                          "TECHNOLOGY_TRANSFER, TECHNOLOGY_LICENSE, TECHNOLOGY_CONSULTING, "
                          "TECHNOLOGY_SERVICE (or development, transfer, 技術轉讓合同, ...)"),
      "kind");
  fields.Add(command
                 ->add_option("--party", flags->parties,
                              "ROLE:organization, repeated: --party SUPPLIER:scu "
                              "--party DEMANDER:luzhou-laojiao (roles SUPPLIER, DEMANDER, "
                              "GOVERNMENT, FINANCIER)")
                 ->expected(1)
                 ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll),
             "parties");
  fields.Add(command->add_option("--event", flags->event, "Event it was signed at"), "event");
  fields.Add(command->add_option("--need", flags->need, "Need it answers"), "need");
  fields.Add(command->add_option("--offering", flags->offering, "Offering it realizes"),
             "offering");
  fields.Add(AddListOption(command, "--industries", &flags->industries,
                           "Industries, the first primary, e.g. liquor,agriculture"),
             "industries");
  fields.Add(command->add_option("--sign-time", flags->sign_time,
                                 "When it was signed: 2026-10-20, 2026-10-20 10:30 or RFC 3339"),
             "sign_time");
  for (size_t i = 0; i < std::size(kAmountFlags); ++i) {
    const AmountFlag& amount = kAmountFlags[i];
    if (amount.realized && !update) continue;
    fields.Add(command->add_option(amount.flag, flags->amounts[i],
                                   absl::StrCat(amount.help, " in 元: 1,234.56, 230萬, 2.8億",
                                                update ? " (empty clears)" : "")),
               amount.path);
  }
}

google::type::Money* MutableAmount(Agreement* agreement, size_t index) {
  switch (index) {
    case 0:
      return agreement->mutable_contract_amount();
    case 1:
      return agreement->mutable_total_investment();
    case 2:
      return agreement->mutable_expected_sales_revenue();
    case 3:
      return agreement->mutable_expected_profit_tax();
    case 4:
      return agreement->mutable_realized_output_value();
    default:
      return agreement->mutable_realized_profit_tax();
  }
}

absl::Status Flagged(absl::string_view flag, const absl::Status& status) {
  return absl::InvalidArgumentError(absl::StrCat(flag, ": ", status.message()));
}

// Fills the fields whose flags were given; flag values the CLI cannot read are refused here,
// since the server would only see a default in their place.
absl::Status FillAgreement(const AgreementFlags& flags, absl::string_view currency,
                           Agreement* agreement) {
  const MaskFlags& given = flags.fields;
  if (given.Given("title")) agreement->set_title(flags.title);
  if (given.Given("kind")) {
    absl::StatusOr<Agreement::Kind> kind = ParseAgreementKind(flags.kind);
    if (!kind.ok()) return Flagged("--kind", kind.status());
    agreement->set_kind(*kind);
  }
  for (const std::string& text : flags.parties) {
    absl::StatusOr<techmatch::v1::Party> party = ParseParty(text);
    if (!party.ok()) return Flagged("--party", party.status());
    *agreement->add_parties() = *party;
  }
  if (given.Given("event")) agreement->set_event(QualifyName("events", flags.event));
  if (given.Given("need")) agreement->set_need(QualifyName("needs", flags.need));
  if (given.Given("offering")) agreement->set_offering(QualifyName("offerings", flags.offering));
  for (const std::string& industry :
       QualifyNames("industries", SplitFlagValues(flags.industries))) {
    agreement->add_industries(industry);
  }
  if (given.Given("sign_time")) {
    absl::StatusOr<google::protobuf::Timestamp> time = ParseTime(flags.sign_time);
    if (!time.ok()) return Flagged("--sign-time", time.status());
    *agreement->mutable_sign_time() = *time;
  }
  for (size_t i = 0; i < std::size(kAmountFlags); ++i) {
    if (!given.Given(kAmountFlags[i].path) || TrimText(flags.amounts[i]).empty()) continue;
    absl::StatusOr<google::type::Money> money = ParseMoney(flags.amounts[i], currency);
    if (!money.ok()) return Flagged(kAmountFlags[i].flag, money.status());
    *MutableAmount(agreement, i) = *money;
  }
  return absl::OkStatus();
}

void AddCreate(CLI::App* group, CommandEnv& env) {
  CLI::App* command = group->add_subcommand("create", "Record a signed agreement (state SIGNED)");
  auto flags = std::make_shared<AgreementFlags>();
  command->add_option("--id", flags->id, "Id, [a-z0-9][a-z0-9-]{0,62}; generated when omitted");
  command->add_option("--request-id", flags->request_id,
                      "Idempotency key: a retry creates nothing");
  AddFieldFlags(command, flags.get(), /*update=*/false);
  OnRun(command, env, [&env, flags] {
    techmatch::v1::CreateAgreementRequest request;
    request.set_agreement_id(flags->id);
    request.set_request_id(flags->request_id);
    if (absl::Status s = FillAgreement(*flags, env.options().currency, request.mutable_agreement());
        !s.ok()) {
      return env.FailLocal(s);
    }
    return CallAndPrint<Agreement>(
        env,
        [&](grpc::ClientContext* context, Agreement* response) {
          return env.session().agreements().CreateAgreement(context, request, response);
        },
        AgreementView());
  });
}

void AddUpdate(CLI::App* group, CommandEnv& env) {
  CLI::App* command = group->add_subcommand(
      "update", "Change an agreement's fields; realized figures once implementation started");
  auto flags = std::make_shared<AgreementFlags>();
  AddNameArgument(command, &flags->name, "The agreement");
  command->add_option("--etag", flags->etag, "Refuse the update if the record changed since");
  AddFieldFlags(command, flags.get(), /*update=*/true);
  OnRun(command, env, [&env, flags] {
    techmatch::v1::UpdateAgreementRequest request;
    *request.mutable_update_mask() = flags->fields.Mask();
    if (request.update_mask().paths().empty()) {
      return env.FailLocal(absl::InvalidArgumentError(
          absl::StrCat("nothing to update: give at least one of ", flags->fields.FlagNames())));
    }
    Agreement* agreement = request.mutable_agreement();
    agreement->set_name(QualifyName("agreements", flags->name));
    agreement->set_etag(flags->etag);
    if (absl::Status s = FillAgreement(*flags, env.options().currency, agreement); !s.ok()) {
      return env.FailLocal(s);
    }
    return CallAndPrint<Agreement>(
        env,
        [&](grpc::ClientContext* context, Agreement* response) {
          return env.session().agreements().UpdateAgreement(context, request, response);
        },
        AgreementView());
  });
}

// start, complete and terminate share their shape: a name, an optional etag, one call.
template <typename Request, typename Method>
void AddTransition(CLI::App* group, CommandEnv& env, const std::string& verb,
                   const std::string& help, Method method) {
  CLI::App* command = group->add_subcommand(verb, help);
  auto name = std::make_shared<std::string>();
  auto etag = std::make_shared<std::string>();
  AddNameArgument(command, name.get(), "The agreement");
  command->add_option("--etag", *etag, "Refuse if the record changed since");
  OnRun(command, env, [&env, name, etag, method] {
    Request request;
    request.set_name(QualifyName("agreements", *name));
    request.set_etag(*etag);
    return CallAndPrint<Agreement>(
        env,
        [&](grpc::ClientContext* context, Agreement* response) {
          return (env.session().agreements().*method)(context, request, response);
        },
        AgreementView());
  });
}

}  // namespace

void AddAgreementCommands(CLI::App& app, CommandEnv& env) {
  CLI::App* group = app.add_subcommand(
      "agreement", "Signed agreements (協議, 技術合同): figures, lifecycle, exports");
  group->require_subcommand(1);
  AddCreate(group, env);
  {
    CLI::App* command = group->add_subcommand("get", "Show one agreement in full");
    auto name = std::make_shared<std::string>();
    auto history = std::make_shared<bool>(false);
    AddNameArgument(command, name.get(), "The agreement");
    command->add_flag("--history", *history, "Also show every change of its money figures");
    OnRun(command, env, [&env, name, history] {
      techmatch::v1::GetAgreementRequest request;
      request.set_name(QualifyName("agreements", *name));
      if (*history) request.set_view(techmatch::v1::AGREEMENT_VIEW_WITH_HISTORY);
      return CallAndPrint<Agreement>(
          env,
          [&](grpc::ClientContext* context, Agreement* response) {
            return env.session().agreements().GetAgreement(context, request, response);
          },
          AgreementView());
    });
  }
  {
    CLI::App* command = group->add_subcommand("list", "List agreements in name order");
    auto flags = std::make_shared<ListFlags>();
    AddListFlags(command, flags.get(),
                 "Filter on event, kind, state, industry, supplier, demander, region_code, "
                 "sign_time, need, offering and the money fields in 元, e.g. "
                 "'kind = TECHNOLOGY_TRANSFER AND contract_amount >= 1000000'");
    OnRun(command, env, [&env, flags] {
      return RunList<techmatch::v1::ListAgreementsResponse>(
          env, *flags, techmatch::v1::ListAgreementsRequest(),
          [&env](grpc::ClientContext* context, const auto& request, auto* response) {
            return env.session().agreements().ListAgreements(context, request, response);
          },
          [](const auto& response) -> const auto& { return response.agreements(); },
          AgreementView());
    });
  }
  AddUpdate(group, env);
  using Stub = techmatch::v1::AgreementService::Stub;
  AddTransition<techmatch::v1::StartAgreementRequest>(
      group, env, "start", "SIGNED → IMPLEMENTING (進入實質實施階段)", &Stub::StartAgreement);
  AddTransition<techmatch::v1::CompleteAgreementRequest>(
      group, env, "complete", "IMPLEMENTING → COMPLETED", &Stub::CompleteAgreement);
  AddTransition<techmatch::v1::TerminateAgreementRequest>(
      group, env, "terminate", "SIGNED or IMPLEMENTING → TERMINATED", &Stub::TerminateAgreement);
  AddAgreementExportCommand(group, env);
}

}  // namespace techmatch::client
