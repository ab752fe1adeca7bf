#include "client/agreement_export.h"

#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "client/agreement_sheet.h"
#include "client/commands.h"
#include "client/xlsx_export.h"

namespace techmatch::client {
namespace {

using techmatch::v1::Agreement;

struct ExportFlags {
  std::string filter;
  std::string csv_path;
  std::string json_path;
  std::string xlsx_path;
};

// An export of a whole year can be long: the stream gets ten times the unary deadline.
constexpr double kExportDeadlineScale = 10;

// Display names of every party, one GetOrganization per distinct organization (a fair has
// dozens, not thousands). An organization that cannot be read keeps its id in the sheet: the
// export is still correct, only less friendly.
std::map<std::string, std::string> PartyDisplayNames(CommandEnv& env,
                                                     const std::vector<Agreement>& agreements) {
  std::set<std::string> organizations;
  for (const Agreement& agreement : agreements) {
    for (const auto& party : agreement.parties()) organizations.insert(party.organization());
  }
  std::map<std::string, std::string> names;
  for (const std::string& organization : organizations) {
    techmatch::v1::GetOrganizationRequest request;
    request.set_name(organization);
    techmatch::v1::Organization response;
    std::unique_ptr<grpc::ClientContext> context = env.session().NewContext();
    if (env.session().organizations().GetOrganization(context.get(), request, &response).ok()) {
      names[organization] = response.display_name();
    }
  }
  return names;
}

absl::Status WriteTextFile(const std::string& path,
                           void (*write)(const AgreementSheet&, std::ostream&),
                           const AgreementSheet& sheet) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) return absl::NotFoundError(absl::StrCat("cannot write '", path, "'"));
  write(sheet, file);
  file.close();
  if (!file) return absl::DataLossError(absl::StrCat("writing '", path, "' failed"));
  return absl::OkStatus();
}

int RunExport(CommandEnv& env, const ExportFlags& flags) {
  if (flags.csv_path.empty() && flags.json_path.empty() && flags.xlsx_path.empty()) {
    return env.FailLocal(
        absl::InvalidArgumentError("give at least one of --csv FILE, --json FILE, --xlsx FILE"));
  }
  techmatch::v1::ExportAgreementsRequest request;
  request.set_filter(flags.filter);
  std::vector<Agreement> agreements;
  {
    std::unique_ptr<grpc::ClientContext> context = env.session().NewContext(kExportDeadlineScale);
    auto reader = env.session().agreements().ExportAgreements(context.get(), request);
    techmatch::v1::ExportAgreementsResponse response;
    while (reader->Read(&response)) {
      for (Agreement& agreement : *response.mutable_agreements()) {
        agreements.push_back(std::move(agreement));
      }
    }
    if (grpc::Status s = reader->Finish(); !s.ok()) return env.Fail(s);
  }
  absl::StatusOr<AgreementSheet> sheet =
      BuildAgreementSheet(agreements, PartyDisplayNames(env, agreements), env.options().currency);
  if (!sheet.ok()) return env.FailLocal(sheet.status());
  struct Target {
    const std::string& path;
    absl::Status (*write)(const AgreementSheet&, const std::string&);
  };
  const Target targets[] = {
      {flags.csv_path, [](const AgreementSheet& s,
                          const std::string& p) { return WriteTextFile(p, &WriteSheetCsv, s); }},
      {flags.json_path, [](const AgreementSheet& s,
                           const std::string& p) { return WriteTextFile(p, &WriteSheetJson, s); }},
      {flags.xlsx_path, &WriteAgreementXlsx},
  };
  for (const Target& target : targets) {
    if (target.path.empty()) continue;
    if (absl::Status s = target.write(*sheet, target.path); !s.ok()) return env.FailLocal(s);
    env.output().stream() << "wrote " << agreements.size() << " agreements and a totals row to "
                          << target.path << '\n';
  }
  return kExitOk;
}

}  // namespace

void AddAgreementExportCommand(CLI::App* group, CommandEnv& env) {
  CLI::App* command = group->add_subcommand(
      "export",
      "Write matching agreements, one row each plus a totals row, as CSV, JSON and/or XLSX");
  auto flags = std::make_shared<ExportFlags>();
  command->add_option("--filter", flags->filter, "The same filter as `agreement list`");
  // These shadow the global --csv/--json flags: here they name files.
  command->add_option("--csv", flags->csv_path, "Write CSV (UTF-8, amounts in 元) to FILE");
  command->add_option("--json", flags->json_path, "Write JSON to FILE");
  command->add_option("--xlsx", flags->xlsx_path, "Write an Excel workbook to FILE");
  OnRun(command, env, [&env, flags] { return RunExport(env, *flags); });
}

}  // namespace techmatch::client
