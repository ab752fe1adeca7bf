// `techmatch report agreements|event` (ReportService): the figures officials publish.
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "client/agreement_text.h"
#include "client/commands.h"
#include "client/list_text.h"
#include "client/report_format.h"
#include "client/resource_name.h"

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

}  // namespace

void AddReportCommands(CLI::App& app, CommandEnv& env) {
  CLI::App* group =
      app.add_subcommand("report", "Statistics of signed agreements and events (read-only)");
  group->require_subcommand(1);
  AddSummarize(group, env);
  AddEventSummary(group, env);
}

}  // namespace techmatch::client
