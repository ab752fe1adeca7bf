// `techmatch financing create|get|list` (FinancingService).
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "client/commands.h"
#include "client/field_values.h"
#include "client/financing_view.h"
#include "client/ledger_enum.h"
#include "client/ledger_import_runner.h"
#include "client/list_runner.h"
#include "client/list_text.h"
#include "client/resource_name.h"

namespace techmatch::client {
namespace {

using techmatch::v1::Financing;

struct FinancingFlags {
  std::string id;
  std::string request_id;
  std::string kind;
  std::string provider;
  std::string recipient;
  std::string amount;
  std::string grant_time;
  std::string agreement;
  std::string region_code;
};

absl::Status Flagged(absl::string_view flag, const absl::Status& status) {
  return absl::InvalidArgumentError(absl::StrCat(flag, ": ", status.message()));
}

absl::Status FillFinancing(const FinancingFlags& flags, absl::string_view currency, Financing* f) {
  absl::StatusOr<Financing::Kind> kind =
      ParseLedgerEnum<Financing::Kind>(flags.kind, Financing::Kind_Parse, "financing kind",
                                       "LOAN, GUARANTEE, EQUITY, AWARD or SUBSIDY");
  if (!kind.ok()) return Flagged("--kind", kind.status());
  f->set_kind(*kind);
  f->set_provider(QualifyName("organizations", flags.provider));
  f->set_recipient(QualifyName("organizations", flags.recipient));
  absl::StatusOr<google::type::Money> money = ParseMoney(flags.amount, currency);
  if (!money.ok()) return Flagged("--amount", money.status());
  *f->mutable_amount() = *money;
  absl::StatusOr<google::protobuf::Timestamp> time = ParseTime(flags.grant_time);
  if (!time.ok()) return Flagged("--grant-time", time.status());
  *f->mutable_grant_time() = *time;
  if (!TrimText(flags.agreement).empty()) {
    f->set_agreement(QualifyName("agreements", flags.agreement));
  }
  f->set_region_code(std::string(TrimText(flags.region_code)));
  return absl::OkStatus();
}

void AddCreate(CLI::App* group, CommandEnv& env) {
  CLI::App* command =
      group->add_subcommand("create", "Record a loan, guarantee, equity, award or subsidy");
  auto flags = std::make_shared<FinancingFlags>();
  command->add_option("--id", flags->id, "Id, [a-z0-9][a-z0-9-]{0,62}; generated when omitted");
  command->add_option("--request-id", flags->request_id,
                      "Idempotency key: a retry creates nothing");
  command->add_option("--kind", flags->kind, "LOAN, GUARANTEE, EQUITY, AWARD or SUBSIDY")
      ->required();
  command->add_option("--provider", flags->provider, "Who provides the money")->required();
  command->add_option("--recipient", flags->recipient, "Who receives it")->required();
  command->add_option("--amount", flags->amount, "The amount in 元: 1,234.56, 500萬")->required();
  command
      ->add_option("--grant-time", flags->grant_time,
                   "When it was granted: 2026-10-20, 2026-10-20 10:30 or RFC 3339")
      ->required();
  command->add_option("--agreement", flags->agreement, "The framework agreement it came under");
  command->add_option("--region", flags->region_code,
                      "GB/T 2260 region it counts in; the recipient's when omitted");
  OnRun(command, env, [&env, flags] {
    techmatch::v1::CreateFinancingRequest request;
    request.set_financing_id(flags->id);
    request.set_request_id(flags->request_id);
    if (absl::Status s = FillFinancing(*flags, env.options().currency, request.mutable_financing());
        !s.ok()) {
      return env.FailLocal(s);
    }
    return CallAndPrint<Financing>(
        env,
        [&](grpc::ClientContext* context, Financing* response) {
          return env.session().financings().CreateFinancing(context, request, response);
        },
        FinancingView());
  });
}

}  // namespace

void AddFinancingCommands(CLI::App& app, CommandEnv& env) {
  CLI::App* group = app.add_subcommand(
      "financing", "Science–finance records of the programme ledger: loans, guarantees, awards");
  group->require_subcommand(1);
  AddCreate(group, env);
  {
    CLI::App* command = group->add_subcommand("get", "Show one financing");
    auto name = std::make_shared<std::string>();
    AddNameArgument(command, name.get(), "The financing");
    OnRun(command, env, [&env, name] {
      techmatch::v1::GetFinancingRequest request;
      request.set_name(QualifyName("financings", *name));
      return CallAndPrint<Financing>(
          env,
          [&](grpc::ClientContext* context, Financing* response) {
            return env.session().financings().GetFinancing(context, request, response);
          },
          FinancingView());
    });
  }
  {
    CLI::App* command = group->add_subcommand("list", "List financings in name order");
    auto flags = std::make_shared<ListFlags>();
    AddListFlags(command, flags.get(),
                 "Filter on region_code (and the regions under it), year, kind, organization, "
                 "provider, recipient, agreement, grant_time and amount (in 元), e.g. "
                 "'kind = LOAN AND year = 2026'");
    OnRun(command, env, [&env, flags] {
      return RunList<techmatch::v1::ListFinancingsResponse>(
          env, *flags, techmatch::v1::ListFinancingsRequest(),
          [&env](grpc::ClientContext* context, const auto& request, auto* response) {
            return env.session().financings().ListFinancings(context, request, response);
          },
          [](const auto& response) -> const auto& { return response.financings(); },
          FinancingView());
    });
  }
  AddLedgerImportCommand(group, env, "import",
                         "Record financing from CSV: id,kind,provider,recipient,amount,grant_time,"
                         "agreement,region_code",
                         RunFinancingImport);
}

}  // namespace techmatch::client
