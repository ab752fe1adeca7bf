// `techmatch match need|offering|event|watch` (MatchService): ranked matches with their reasons.
#include <fstream>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "client/commands.h"
#include "client/match_format.h"
#include "client/resource_name.h"
#include "client/table.h"

namespace techmatch::client {
namespace {

struct MatchFlags {
  std::string name;
  int page_size = 0;  // 0: the server's default (20).
  std::string event;
  bool all_industries = false;
};

void AddMatchFlags(CLI::App* command, MatchFlags* flags, const std::string& what,
                   const std::string& event_help) {
  AddNameArgument(command, &flags->name, what);
  command->add_option("--page-size", flags->page_size,
                      "How many matches (server default 20, at most 1000)");
  command->add_option("--event", flags->event, event_help);
  command->add_flag("--all-industries", flags->all_industries,
                    "Also consider candidates that share no industry");
}

Table CsvTable(const std::vector<std::string>& header,
               const std::vector<std::vector<std::string>>& rows) {
  std::vector<Column> columns;
  for (const std::string& name : header) columns.push_back({name});
  Table table(std::move(columns));
  for (const auto& row : rows) table.AddRow(row);
  return table;
}

// Prints a MatchNeed/MatchOffering response in the chosen format.
template <typename Response>
void PrintMatches(CommandEnv& env, const Response& response, Counterpart counterpart) {
  Output& output = env.output();
  switch (output.format()) {
    case OutputFormat::kJson:
      output.stream() << ToJson(response) << '\n';
      return;
    case OutputFormat::kCsv:
      CsvTable(MatchCsvHeader(counterpart), MatchCsvRows(response.matches(), counterpart))
          .RenderCsv(output.stream());
      return;
    case OutputFormat::kTable:
      RenderMatches(response.matches(), counterpart, output.stream());
      return;
  }
}

void AddMatchNeed(CLI::App* group, CommandEnv& env) {
  CLI::App* command =
      group->add_subcommand("need", "The offerings that best fit a need, best first, with reasons");
  auto flags = std::make_shared<MatchFlags>();
  AddMatchFlags(command, flags.get(), "The need (must be OPEN)",
                "Only offerings presented at this event");
  OnRun(command, env, [&env, flags] {
    techmatch::v1::MatchNeedRequest request;
    request.set_need(QualifyName("needs", flags->name));
    request.set_page_size(flags->page_size);
    request.set_event(QualifyName("events", flags->event));
    request.set_all_industries(flags->all_industries);
    techmatch::v1::MatchNeedResponse response;
    std::unique_ptr<grpc::ClientContext> context = env.session().NewContext();
    if (grpc::Status s = env.session().matches().MatchNeed(context.get(), request, &response);
        !s.ok()) {
      return env.Fail(s);
    }
    PrintMatches(env, response, Counterpart::kOffering);
    return kExitOk;
  });
}

void AddMatchOffering(CLI::App* group, CommandEnv& env) {
  CLI::App* command = group->add_subcommand(
      "offering", "The needs an offering best fits, best first, with reasons");
  auto flags = std::make_shared<MatchFlags>();
  AddMatchFlags(command, flags.get(), "The offering (must be AVAILABLE)",
                "Only needs registered for this event");
  OnRun(command, env, [&env, flags] {
    techmatch::v1::MatchOfferingRequest request;
    request.set_offering(QualifyName("offerings", flags->name));
    request.set_page_size(flags->page_size);
    request.set_event(QualifyName("events", flags->event));
    request.set_all_industries(flags->all_industries);
    techmatch::v1::MatchOfferingResponse response;
    std::unique_ptr<grpc::ClientContext> context = env.session().NewContext();
    if (grpc::Status s = env.session().matches().MatchOffering(context.get(), request, &response);
        !s.ok()) {
      return env.Fail(s);
    }
    PrintMatches(env, response, Counterpart::kNeed);
    return kExitOk;
  });
}

struct EventFlags {
  std::string name;
  int per_need_limit = 0;  // 0: the server's default (5).
  std::string csv_path;
};

// A whole fair can take a while to match: the stream gets ten times the unary deadline.
constexpr double kEventDeadlineScale = 10;

void AddMatchEvent(CLI::App* group, CommandEnv& env) {
  CLI::App* command = group->add_subcommand(
      "event", "Every open need registered for an event with its best offerings presented there");
  auto flags = std::make_shared<EventFlags>();
  AddNameArgument(command, &flags->name, "The event");
  command->add_option("--per-need-limit", flags->per_need_limit,
                      "Matches per need (server default 5, at most 100)");
  // Shadows the global --csv flag: here the CSV goes to a file, and the terminal keeps the
  // readable summary.
  command->add_option("--csv", flags->csv_path,
                      "Also write one row per (need, match) to this CSV file: need, need_title, "
                      "rank, offering, offering_title, score, shared_terms");
  OnRun(command, env, [&env, flags] {
    std::ofstream file;
    if (!flags->csv_path.empty()) {
      file.open(flags->csv_path, std::ios::binary | std::ios::trunc);
      if (!file) {
        return env.FailLocal(
            absl::NotFoundError(absl::StrCat("cannot write '", flags->csv_path, "'")));
      }
    }
    techmatch::v1::MatchEventRequest request;
    request.set_event(QualifyName("events", flags->name));
    request.set_per_need_limit(flags->per_need_limit);
    std::unique_ptr<grpc::ClientContext> context = env.session().NewContext(kEventDeadlineScale);
    auto reader = env.session().matches().MatchEvent(context.get(), request);
    Output& output = env.output();
    std::vector<std::vector<std::string>> rows;
    techmatch::v1::MatchEventResponse response;
    int needs = 0;
    while (reader->Read(&response)) {
      ++needs;
      for (auto& row : MatchEventCsvRows(response)) rows.push_back(std::move(row));
      if (output.format() == OutputFormat::kJson) {
        output.stream() << ToJson(response) << '\n';
      } else if (output.format() == OutputFormat::kTable) {
        RenderEventNeed(response, output.stream());
      }
    }
    if (grpc::Status s = reader->Finish(); !s.ok()) return env.Fail(s);
    const Table table = CsvTable(MatchEventCsvHeader(), rows);
    if (output.format() == OutputFormat::kCsv) table.RenderCsv(output.stream());
    if (file.is_open()) {
      table.RenderCsv(file);
      file.close();
      if (!file) {
        return env.FailLocal(
            absl::DataLossError(absl::StrCat("writing '", flags->csv_path, "' failed")));
      }
      env.err() << "wrote " << rows.size() << " rows for " << needs << " needs to "
                << flags->csv_path << '\n';
    } else if (needs == 0 && output.format() == OutputFormat::kTable) {
      output.stream() << "no open needs are registered for the event\n";
    }
    return kExitOk;
  });
}

struct WatchFlags {
  std::string subject;  // a need or offering name, or the query text
  double min_score = 0;
  int count = 0;       // 0: until interrupted
  double seconds = 0;  // 0: no time limit
  std::string target;  // query watches: needs | offerings
  std::vector<std::string> industries;
};

// The current time as the lead of a watched match: when it reached the terminal.
std::string Now() {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", absl::Now(), absl::UTCTimeZone());
}

// Streams WatchMatches until the count is reached, the time is up or the user interrupts; each
// match is printed (and flushed) as it arrives.
int RunWatch(CommandEnv& env, const WatchFlags& flags, techmatch::v1::WatchMatchesRequest request,
             Counterpart counterpart, const std::string& what) {
  if (flags.count < 0) {
    return env.FailLocal(absl::InvalidArgumentError("--count must not be negative"));
  }
  if (flags.seconds < 0) {
    return env.FailLocal(absl::InvalidArgumentError("--for must not be negative"));
  }
  request.set_min_score(flags.min_score);
  const absl::Duration limit =
      flags.seconds > 0 ? absl::Seconds(flags.seconds) : absl::InfiniteDuration();
  std::unique_ptr<grpc::ClientContext> context = env.session().NewContextFor(limit);
  auto reader = env.session().matches().WatchMatches(context.get(), request);
  reader->WaitForInitialMetadata();
  // A refused watch ends with trailers only; an open one says so in its headers.
  if (context->GetServerInitialMetadata().count("techmatch-watch-open") == 0) {
    return env.Fail(reader->Finish());
  }
  Output& output = env.output();
  env.err() << "watching for " << what << " scoring at least " << FormatScore(flags.min_score)
            << (flags.count > 0 ? absl::StrCat(", until ", flags.count, " arrive") : "")
            << (flags.seconds > 0 ? absl::StrCat(", for ", flags.seconds, " s") : "")
            << " (Ctrl-C to stop)\n";
  if (output.format() == OutputFormat::kCsv)
    RenderCsvRow(WatchCsvHeader(counterpart), output.stream());
  output.stream().flush();
  int received = 0;
  techmatch::v1::WatchMatchesResponse message;
  while ((flags.count == 0 || received < flags.count) && reader->Read(&message)) {
    ++received;
    switch (output.format()) {
      case OutputFormat::kJson:
        output.stream() << ToJson(message) << '\n';
        break;
      case OutputFormat::kCsv:
        RenderCsvRow(WatchCsvRow(message.match(), counterpart, Now()), output.stream());
        break;
      case OutputFormat::kTable:
        RenderWatchedMatch(message.match(), counterpart, Now(), output.stream());
        break;
    }
    output.stream().flush();
  }
  if (flags.count > 0 && received == flags.count) {
    context->TryCancel();
    while (reader->Read(&message)) {
    }
    reader->Finish();
    return kExitOk;
  }
  const grpc::Status status = reader->Finish();
  // The time the user gave is up: that is how a bounded watch ends, not a failure.
  if (status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED && flags.seconds > 0) {
    env.err() << received << " matches in " << flags.seconds << " s\n";
    return kExitOk;
  }
  return env.Fail(status);
}

void AddWatchFlags(CLI::App* command, WatchFlags* flags) {
  command->add_option("--min-score", flags->min_score,
                      "Only matches scoring at least this, 0 to 1 (default 0)");
  command->add_option("--count", flags->count, "Stop after this many matches");
  command->add_option("--for", flags->seconds, "Stop after this many seconds");
}

void AddMatchWatch(CLI::App* group, CommandEnv& env) {
  CLI::App* watch = group->add_subcommand(
      "watch", "Live matches: print each need or offering stored from now on that fits");
  watch->require_subcommand(1);

  CLI::App* need = watch->add_subcommand("need", "Offerings that fit a need, as they are stored");
  auto need_flags = std::make_shared<WatchFlags>();
  AddNameArgument(need, &need_flags->subject, "The need (must be OPEN)");
  AddWatchFlags(need, need_flags.get());
  OnRun(need, env, [&env, need_flags] {
    techmatch::v1::WatchMatchesRequest request;
    request.set_need(QualifyName("needs", need_flags->subject));
    return RunWatch(env, *need_flags, request, Counterpart::kOffering,
                    absl::StrCat("offerings fitting ", request.need()));
  });

  CLI::App* offering =
      watch->add_subcommand("offering", "Needs that an offering fits, as they are stored");
  auto offering_flags = std::make_shared<WatchFlags>();
  AddNameArgument(offering, &offering_flags->subject, "The offering (must be AVAILABLE)");
  AddWatchFlags(offering, offering_flags.get());
  OnRun(offering, env, [&env, offering_flags] {
    techmatch::v1::WatchMatchesRequest request;
    request.set_offering(QualifyName("offerings", offering_flags->subject));
    return RunWatch(env, *offering_flags, request, Counterpart::kNeed,
                    absl::StrCat("needs fitting ", request.offering()));
  });

  CLI::App* query = watch->add_subcommand(
      "query", "Needs or offerings whose text fits a free-text query, as they are stored");
  auto query_flags = std::make_shared<WatchFlags>();
  query->add_option("text", query_flags->subject, "The query text")->required();
  query->add_option("--target", query_flags->target, "What to watch: needs or offerings")
      ->required()
      ->check(CLI::IsMember({"needs", "offerings"}, CLI::ignore_case));
  query->add_option("--industry", query_flags->industries,
                    "Only records filed under this industry (repeatable)");
  AddWatchFlags(query, query_flags.get());
  OnRun(query, env, [&env, query_flags] {
    techmatch::v1::WatchMatchesRequest request;
    techmatch::v1::WatchQuery& query = *request.mutable_query();
    query.set_text(query_flags->subject);
    const bool needs = absl::AsciiStrToLower(query_flags->target) == "needs";
    query.set_target(needs ? techmatch::v1::WATCH_TARGET_NEEDS
                           : techmatch::v1::WATCH_TARGET_OFFERINGS);
    for (const std::string& industry : query_flags->industries) {
      query.add_industries(QualifyName("industries", industry));
    }
    return RunWatch(env, *query_flags, request, needs ? Counterpart::kNeed : Counterpart::kOffering,
                    absl::StrCat(needs ? "needs" : "offerings", " fitting the query"));
  });
}

}  // namespace

void AddMatchCommands(CLI::App& app, CommandEnv& env) {
  CLI::App* group =
      app.add_subcommand("match", "Ranked, explained matches between needs and offerings");
  group->require_subcommand(1);
  AddMatchNeed(group, env);
  AddMatchOffering(group, env);
  AddMatchEvent(group, env);
  AddMatchWatch(group, env);
}

}  // namespace techmatch::client
