// `techmatch report agreements|event|programme` (ReportService): the figures officials publish.
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "client/agreement_text.h"
#include "client/commands.h"
#include "client/list_text.h"
#include "client/programme_sheets.h"
#include "client/report_format.h"
#include "client/resource_name.h"
#include "client/xlsx_export.h"

namespace techmatch::client {
namespace {

struct SummaryFlags {
  std::vector<std::string> group_by;
  std::string filter;
  std::string region_level;
};

void AddSummarize(CLI::App* group, CommandEnv& env) {
  CLI::App* command = group->add_subcommand(
      "agreements", "Counts and sums of agreements per group, and in total (amounts per --unit)");
  auto flags = std::make_shared<SummaryFlags>();
  AddListOption(command, "--group-by", &flags->group_by,
                "Dimensions: event, kind, state, industry, region, supplier, demander, "
                "sign_year, sign_month (none: only the total)");
  command->add_option("--filter", flags->filter,
                      "The same filter as `agreement list`, e.g. 'event = \"events/fair-2026\"'");
  command->add_option("--region-level", flags->region_level,
                      "Level of the region group: province, city or county (the default: each "
                      "organization's own code)");
  OnRun(command, env, [&env, flags] {
    techmatch::v1::RegionLevel level = techmatch::v1::REGION_LEVEL_UNSPECIFIED;
    if (!flags->region_level.empty() &&
        !techmatch::v1::RegionLevel_Parse(
            absl::StrCat("REGION_LEVEL_", absl::AsciiStrToUpper(flags->region_level)), &level)) {
      return env.FailLocal(absl::InvalidArgumentError(absl::StrCat(
          "--region-level: one of province, city, county, got '", flags->region_level, "'")));
    }
    absl::StatusOr<std::vector<techmatch::v1::GroupBy>> dimensions =
        ParseGroupBy(SplitFlagValues(flags->group_by));
    if (!dimensions.ok()) {
      return env.FailLocal(
          absl::InvalidArgumentError(absl::StrCat("--group-by: ", dimensions.status().message())));
    }
    techmatch::v1::SummarizeAgreementsRequest request;
    request.set_filter(flags->filter);
    for (techmatch::v1::GroupBy dimension : *dimensions) request.add_group_by(dimension);
    request.set_region_level(level);
    techmatch::v1::SummarizeAgreementsResponse response;
    std::unique_ptr<grpc::ClientContext> context = env.session().NewContext();
    if (grpc::Status s =
            env.session().reports().SummarizeAgreements(context.get(), request, &response);
        !s.ok()) {
      return env.Fail(s);
    }
    Output& output = env.output();
    if (output.format() == OutputFormat::kJson) {
      output.stream() << ToJson(response) << '\n';
    } else if (output.format() == OutputFormat::kCsv) {
      SummaryTable(response, *dimensions, output.values(), /*upper=*/false)
          .RenderCsv(output.stream());
    } else {
      SummaryTable(response, *dimensions, output.values(), /*upper=*/true)
          .RenderAligned(output.stream());
    }
    return kExitOk;
  });
}

void AddEventSummary(CLI::App* group, CommandEnv& env) {
  CLI::App* command = group->add_subcommand(
      "event", "An event's figures and the paragraph an annual summary states them in");
  auto name = std::make_shared<std::string>();
  auto language = std::make_shared<std::string>("zh-Hans");
  AddNameArgument(command, name.get(), "The event");
  command->add_option("--lang", *language, "Language of the narrative")
      ->check(CLI::IsMember({"zh-Hans", "zh-Hant", "en"}))
      ->capture_default_str();
  OnRun(command, env, [&env, name, language] {
    techmatch::v1::GetEventSummaryRequest request;
    request.set_event(QualifyName("events", *name));
    request.set_language_code(*language);
    techmatch::v1::EventSummary response;
    std::unique_ptr<grpc::ClientContext> context = env.session().NewContext();
    if (grpc::Status s = env.session().reports().GetEventSummary(context.get(), request, &response);
        !s.ok()) {
      return env.Fail(s);
    }
    Output& output = env.output();
    if (output.format() == OutputFormat::kJson) {
      output.stream() << ToJson(response) << '\n';
    } else {
      RenderEventSummary(response, output.values(), output.stream());
    }
    return kExitOk;
  });
}

struct ProgrammeFlags {
  int year = 0;
  std::string region;
  std::string language = "zh-Hans";
  std::string format;
  std::string output;
};

int RunProgramme(CommandEnv& env, const ProgrammeFlags& flags) {
  // --format, else the global --json/--csv, else a table.
  std::string format = flags.format;
  if (format.empty()) {
    format = env.output().format() == OutputFormat::kJson  ? "json"
             : env.output().format() == OutputFormat::kCsv ? "csv"
                                                           : "table";
  }
  if (format == "xlsx" && flags.output.empty()) {
    return env.FailLocal(absl::InvalidArgumentError("--format xlsx needs --output FILE"));
  }
  techmatch::v1::GetProgrammeReportRequest request;
  request.set_year(flags.year);
  request.set_region_code(flags.region);
  request.set_language_code(flags.language);
  techmatch::v1::ProgrammeReport report;
  std::unique_ptr<grpc::ClientContext> context = env.session().NewContext();
  if (grpc::Status s = env.session().reports().GetProgrammeReport(context.get(), request, &report);
      !s.ok()) {
    return env.Fail(s);
  }
  absl::StatusOr<std::vector<NamedSheet>> sheets = ProgrammeSheets(report, env.options().currency);
  if (!sheets.ok()) return env.FailLocal(sheets.status());
  if (format == "xlsx") {
    std::vector<std::pair<std::string, const AgreementSheet*>> worksheets;
    for (const NamedSheet& named : *sheets) worksheets.emplace_back(named.name, &named.sheet);
    if (absl::Status s = WriteSheetsXlsx(worksheets, flags.output); !s.ok()) {
      return env.FailLocal(s);
    }
    env.output().stream() << "wrote " << sheets->size() << " sheets to " << flags.output << '\n';
    return kExitOk;
  }
  std::ofstream file;
  if (!flags.output.empty()) {
    file.open(flags.output, std::ios::binary | std::ios::trunc);
    if (!file) {
      return env.FailLocal(absl::NotFoundError(absl::StrCat("cannot write '", flags.output, "'")));
    }
  }
  std::ostream& out = flags.output.empty() ? env.output().stream() : file;
  if (format == "json") {
    out << ToJson(report) << '\n';
  } else if (format == "csv") {
    WriteSheetsCsv(*sheets, out);
  } else {
    RenderSheets(*sheets, out);
  }
  if (!flags.output.empty()) {
    file.close();
    if (!file) {
      return env.FailLocal(
          absl::DataLossError(absl::StrCat("writing '", flags.output, "' failed")));
    }
  }
  return kExitOk;
}

void AddProgramme(CLI::App* group, CommandEnv& env) {
  CLI::App* command = group->add_subcommand(
      "programme",
      "The programme's annual report of a region: indicators against targets, fairs, agreements, "
      "projects against the previous year, commissioners, financing, each subordinate region, "
      "and the narrative");
  auto flags = std::make_shared<ProgrammeFlags>();
  command->add_option("--year", flags->year, "The year, 1980–2100")->required();
  command->add_option("--region", flags->region, "GB/T 2260 code of the region, e.g. 510100")
      ->required();
  command->add_option("--language", flags->language, "Language of the narrative")
      ->check(CLI::IsMember({"zh-Hans", "zh-Hant", "en"}))
      ->capture_default_str();
  command
      ->add_option("--format", flags->format,
                   "table, json, csv (one section after another) or xlsx (one sheet per "
                   "section; needs --output); default: the global --json/--csv, else table")
      ->check(CLI::IsMember({"table", "json", "csv", "xlsx"}));
  command->add_option("--output", flags->output, "Write to FILE instead of the terminal");
  OnRun(command, env, [&env, flags] { return RunProgramme(env, *flags); });
}

}  // namespace

void AddReportCommands(CLI::App& app, CommandEnv& env) {
  CLI::App* group = app.add_subcommand(
      "report", "Statistics of agreements, events and the programme year (read-only)");
  group->require_subcommand(1);
  AddSummarize(group, env);
  AddEventSummary(group, env);
  AddProgramme(group, env);
}

}  // namespace techmatch::client
