// `techmatch meeting plan|request|requests|generate|accept|decline|schedule|list|lock|unlock|
// cancel|agendas` (MatchService's meeting methods).
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "client/commands.h"
#include "client/field_values.h"
#include "client/list_runner.h"
#include "client/meeting_agenda.h"
#include "client/resource_name.h"
#include "client/table.h"

namespace techmatch::client {
namespace {

using techmatch::v1::Meeting;
using techmatch::v1::MeetingPlan;
using techmatch::v1::MeetingRequest;

std::string Score(double score) { return absl::StrFormat("%.3f", score); }

const View<MeetingRequest>& MeetingRequestView() {
  static const auto* view = new View<MeetingRequest>{
      [](const MeetingRequest& r, const ValueFormat&) {
        return Record{{"name", r.name()},
                      {"need", r.need()},
                      {"offering", r.offering()},
                      {"enterprise", r.enterprise()},
                      {"institute", r.institute()},
                      {"requested_by", MeetingRequest::Side_Name(r.requested_by())},
                      {"mutual", r.mutual() ? "true" : "false"},
                      {"score", Score(r.score())},
                      {"state", MeetingRequest::State_Name(r.state())},
                      {"create_time", FormatTime(r.create_time())},
                      {"etag", r.etag()}};
      },
      {{"name"}, {"need"}, {"offering"}, {"requested_by"}, {"mutual"}, {"score"}, {"state"}}};
  return *view;
}

std::string SlotTimes(const Meeting& m) {
  return absl::StrCat(FormatTime(m.start_time()), " – ", FormatTime(m.end_time()));
}

const View<Meeting>& MeetingView() {
  static const auto* view =
      new View<Meeting>{[](const Meeting& m, const ValueFormat&) {
                          return Record{{"name", m.name()},
                                        {"slot", std::to_string(m.slot())},
                                        {"time", SlotTimes(m)},
                                        {"table", std::to_string(m.table())},
                                        {"enterprise", m.enterprise_display_name()},
                                        {"institute", m.institute_display_name()},
                                        {"counterpart", m.counterpart_display_name()},
                                        {"need", m.need_title()},
                                        {"offering", m.offering_title()},
                                        {"score", Score(m.score())},
                                        {"mutual", m.mutual() ? "true" : "false"},
                                        {"locked", m.locked() ? "true" : "false"},
                                        {"meeting_request", m.meeting_request()},
                                        {"etag", m.etag()}};
                        },
                        {{"slot", Align::kRight},
                         {"time"},
                         {"table", Align::kRight},
                         {"enterprise", Align::kLeft, 24},
                         {"institute", Align::kLeft, 24},
                         {"need", Align::kLeft, 30},
                         {"score", Align::kRight},
                         {"locked"},
                         {"name"}}};
  return *view;
}

// The agenda of one participant names the counterpart instead of both sides.
const View<Meeting>& AgendaView() {
  static const auto* view = new View<Meeting>{MeetingView().record,
                                              {{"slot", Align::kRight},
                                               {"time"},
                                               {"table", Align::kRight},
                                               {"counterpart", Align::kLeft, 24},
                                               {"need", Align::kLeft, 30},
                                               {"offering", Align::kLeft, 30},
                                               {"locked"},
                                               {"name"}}};
  return *view;
}

const View<MeetingPlan>& PlanView() {
  static const auto* view = new View<MeetingPlan>{
      [](const MeetingPlan& plan, const ValueFormat&) {
        std::string slots;
        for (int i = 0; i < plan.slots_size(); ++i) {
          absl::StrAppend(&slots, i == 0 ? "" : "\n", i + 1, ". ",
                          FormatTime(plan.slots(i).start_time()), " – ",
                          FormatTime(plan.slots(i).end_time()));
        }
        return Record{
            {"name", plan.name()},
            {"table_count", std::to_string(plan.table_count())},
            {"max_meetings_per_participant", std::to_string(plan.max_meetings_per_participant())},
            {"slots", slots},
            {"update_time", FormatTime(plan.update_time())},
            {"etag", plan.etag()}};
      },
      {{"name"}, {"table_count"}}};
  return *view;
}

// `events/e/meetingRequests/x`, or `x` with --event e.
std::string ChildName(const std::string& name, const std::string& event,
                      const std::string& collection) {
  if (absl::StartsWith(name, "events/")) return name;
  return absl::StrCat(QualifyName("events", event), "/", collection, "/", name);
}

absl::StatusOr<google::protobuf::Timestamp> TimestampOf(absl::Time time) {
  google::protobuf::Timestamp ts;
  ts.set_seconds(absl::ToUnixSeconds(time));
  return ts;
}

absl::Time TimeOf(const google::protobuf::Timestamp& ts) {
  return absl::FromUnixSeconds(ts.seconds()) + absl::Nanoseconds(ts.nanos());
}

struct PlanFlags {
  std::string event;
  std::string start;
  int length_minutes = 0;
  int gap_minutes = 0;
  int count = 0;
  std::vector<std::string> breaks;  // START/END
  int tables = 0;
  int max_per_participant = 0;
  std::string etag;
};

// Slots of `length` minutes from `start`, `gap` minutes apart, skipping the breaks.
absl::StatusOr<MeetingPlan> PlanFromFlags(const PlanFlags& flags) {
  MeetingPlan plan;
  plan.set_name(QualifyName("events", flags.event) + "/meetingPlan");
  plan.set_table_count(flags.tables);
  plan.set_max_meetings_per_participant(flags.max_per_participant);
  if (flags.count <= 0 || flags.length_minutes <= 0) {
    return absl::InvalidArgumentError("--count and --length must be positive");
  }
  absl::StatusOr<google::protobuf::Timestamp> start = ParseTime(flags.start);
  if (!start.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("--start: ", start.status().message()));
  }
  std::vector<std::pair<absl::Time, absl::Time>> breaks;
  for (const std::string& text : flags.breaks) {
    std::vector<std::string> parts = absl::StrSplit(text, '/');
    if (parts.size() != 2) {
      return absl::InvalidArgumentError(
          absl::StrCat("--break takes START/END, e.g. 2026-10-20T12:00:00+08:00/"
                       "2026-10-20T13:30:00+08:00, got '",
                       text, "'"));
    }
    absl::StatusOr<google::protobuf::Timestamp> from = ParseTime(parts[0]);
    absl::StatusOr<google::protobuf::Timestamp> to = ParseTime(parts[1]);
    if (!from.ok() || !to.ok()) {
      return absl::InvalidArgumentError(absl::StrCat("--break '", text, "': bad time"));
    }
    breaks.emplace_back(TimeOf(*from), TimeOf(*to));
  }
  absl::Time at = TimeOf(*start);
  const absl::Duration length = absl::Minutes(flags.length_minutes);
  for (int i = 0; i < flags.count; ++i) {
    for (bool moved = true; moved;) {
      moved = false;
      for (const auto& [from, to] : breaks) {
        if (at < to && at + length > from) {
          at = to;
          moved = true;
        }
      }
    }
    techmatch::v1::TimeSlot* slot = plan.add_slots();
    *slot->mutable_start_time() = *TimestampOf(at);
    *slot->mutable_end_time() = *TimestampOf(at + length);
    at += length + absl::Minutes(flags.gap_minutes);
  }
  return plan;
}

void AddPlan(CLI::App* group, CommandEnv& env) {
  CLI::App* command = group->add_subcommand(
      "plan", "Show an event's meeting plan, or set it with --start/--length/--count/--tables");
  auto flags = std::make_shared<PlanFlags>();
  command->add_option("event", flags->event, "The event")->required();
  command->add_option("--start", flags->start,
                      "First slot's start, e.g. 2026-10-20T09:00:00+08:00");
  command->add_option("--length", flags->length_minutes, "Meeting length in minutes");
  command->add_option("--gap", flags->gap_minutes, "Minutes between meetings (default 0)");
  command->add_option("--count", flags->count, "How many slots");
  AddListOption(command, "--break", &flags->breaks,
                "A break START/END (RFC 3339 or local 'YYYY-MM-DD HH:MM'); slots skip it");
  command->add_option("--tables", flags->tables, "Number of tables");
  command->add_option("--max-per-participant", flags->max_per_participant,
                      "Most meetings one participant may have (0: no limit)");
  command->add_option("--etag", flags->etag, "Replace only if the plan is still at this etag");
  OnRun(command, env, [&env, flags] {
    if (flags->start.empty()) {
      techmatch::v1::GetMeetingPlanRequest request;
      request.set_name(QualifyName("events", flags->event) + "/meetingPlan");
      return CallAndPrint<MeetingPlan>(
          env,
          [&](grpc::ClientContext* context, MeetingPlan* response) {
            return env.session().matches().GetMeetingPlan(context, request, response);
          },
          PlanView());
    }
    absl::StatusOr<MeetingPlan> plan = PlanFromFlags(*flags);
    if (!plan.ok()) return env.FailLocal(plan.status());
    techmatch::v1::UpdateMeetingPlanRequest request;
    *request.mutable_meeting_plan() = *std::move(plan);
    request.mutable_meeting_plan()->set_etag(flags->etag);
    return CallAndPrint<MeetingPlan>(
        env,
        [&](grpc::ClientContext* context, MeetingPlan* response) {
          return env.session().matches().UpdateMeetingPlan(context, request, response);
        },
        PlanView());
  });
}

void AddRequest(CLI::App* group, CommandEnv& env) {
  struct Flags {
    std::string event, need, offering, by = "organizer", id, request_id;
  };
  CLI::App* command = group->add_subcommand(
      "request", "Request a meeting between a need and an offering (a repeat is idempotent)");
  auto flags = std::make_shared<Flags>();
  command->add_option("event", flags->event, "The event")->required();
  command->add_option("--need", flags->need, "The enterprise's need")->required();
  command->add_option("--offering", flags->offering, "The institute's offering")->required();
  command->add_option("--by", flags->by, "Who asks: enterprise, institute or organizer")
      ->check(CLI::IsMember({"enterprise", "institute", "organizer"}, CLI::ignore_case));
  command->add_option("--id", flags->id, "Request id (generated when absent)");
  command->add_option("--request-id", flags->request_id, "Idempotency key");
  OnRun(command, env, [&env, flags] {
    techmatch::v1::CreateMeetingRequestRequest request;
    request.set_parent(QualifyName("events", flags->event));
    request.set_meeting_request_id(flags->id);
    request.set_request_id(flags->request_id);
    MeetingRequest& r = *request.mutable_meeting_request();
    r.set_need(QualifyName("needs", flags->need));
    r.set_offering(QualifyName("offerings", flags->offering));
    MeetingRequest::Side side = MeetingRequest::SIDE_UNSPECIFIED;
    MeetingRequest::Side_Parse(absl::AsciiStrToUpper(flags->by), &side);
    r.set_requested_by(side);
    return CallAndPrint<MeetingRequest>(
        env,
        [&](grpc::ClientContext* context, MeetingRequest* response) {
          return env.session().matches().CreateMeetingRequest(context, request, response);
        },
        MeetingRequestView());
  });
}

void AddRequests(CLI::App* group, CommandEnv& env) {
  CLI::App* command = group->add_subcommand("requests", "List an event's meeting requests");
  auto event = std::make_shared<std::string>();
  auto flags = std::make_shared<ListFlags>();
  command->add_option("event", *event, "The event")->required();
  AddListFlags(command, flags.get(),
               "Filter on state, need, offering, enterprise, institute, requested_by, e.g. "
               "'state = ACCEPTED'");
  OnRun(command, env, [&env, event, flags] {
    techmatch::v1::ListMeetingRequestsRequest request;
    request.set_parent(QualifyName("events", *event));
    return RunList<techmatch::v1::ListMeetingRequestsResponse>(
        env, *flags, request,
        [&env](grpc::ClientContext* context, const auto& request, auto* response) {
          return env.session().matches().ListMeetingRequests(context, request, response);
        },
        [](const auto& response) -> const auto& { return response.meeting_requests(); },
        MeetingRequestView());
  });
}

void AddGenerate(CLI::App* group, CommandEnv& env) {
  struct Flags {
    std::string event;
    double min_score = 0;
    int per_need = 0;
    bool accept = false;
  };
  CLI::App* command = group->add_subcommand(
      "generate", "Create requests for the event's MatchEvent pairs above a score");
  auto flags = std::make_shared<Flags>();
  command->add_option("event", flags->event, "The event")->required();
  command->add_option("--min-score", flags->min_score, "Lowest match score, 0 to 1")->required();
  command->add_option("--per-need", flags->per_need, "Matches considered per need (default 5)");
  command->add_flag("--accept", flags->accept,
                    "Create them ACCEPTED (organizers accepting for both sides)");
  OnRun(command, env, [&env, flags] {
    techmatch::v1::GenerateMeetingRequestsRequest request;
    request.set_parent(QualifyName("events", flags->event));
    request.set_min_score(flags->min_score);
    request.set_per_need_limit(flags->per_need);
    request.set_accept(flags->accept);
    techmatch::v1::GenerateMeetingRequestsResponse response;
    std::unique_ptr<grpc::ClientContext> context = env.session().NewContext();
    if (grpc::Status s =
            env.session().matches().GenerateMeetingRequests(context.get(), request, &response);
        !s.ok()) {
      return env.Fail(s);
    }
    env.output().PrintList(response, response.meeting_requests(), MeetingRequestView());
    if (env.output().format() == OutputFormat::kTable) {
      env.err() << response.meeting_requests_size() << " requests created, "
                << response.existing_count() << " pairs already had one, "
                << response.unregistered_count() << " left out (party not registered)\n";
    }
    return kExitOk;
  });
}

// accept / decline: one request by name.
template <typename Request, typename Call>
void AddRequestTransition(CLI::App* group, CommandEnv& env, const std::string& verb,
                          const std::string& help, Call call) {
  struct Flags {
    std::string name, event, etag;
  };
  CLI::App* command = group->add_subcommand(verb, help);
  auto flags = std::make_shared<Flags>();
  command->add_option("name", flags->name, "events/E/meetingRequests/ID, or ID with --event")
      ->required();
  command->add_option("--event", flags->event, "The event, when NAME is a bare id");
  command->add_option("--etag", flags->etag, "Only if the request is still at this etag");
  OnRun(command, env, [&env, flags, call] {
    Request request;
    request.set_name(ChildName(flags->name, flags->event, "meetingRequests"));
    request.set_etag(flags->etag);
    return CallAndPrint<MeetingRequest>(
        env,
        [&](grpc::ClientContext* context, MeetingRequest* response) {
          return call(env, context, request, response);
        },
        MeetingRequestView());
  });
}

// All of an event's meetings (or one participant's), every page.
grpc::Status FetchMeetings(CommandEnv& env, const std::string& event,
                           const std::string& participant, std::vector<Meeting>& out) {
  techmatch::v1::ListMeetingsRequest request;
  request.set_parent(QualifyName("events", event));
  if (!participant.empty()) request.set_participant(QualifyName("organizations", participant));
  request.set_page_size(1000);
  do {
    techmatch::v1::ListMeetingsResponse page;
    std::unique_ptr<grpc::ClientContext> context = env.session().NewContext();
    if (grpc::Status s = env.session().matches().ListMeetings(context.get(), request, &page);
        !s.ok()) {
      return s;
    }
    out.insert(out.end(), page.meetings().begin(), page.meetings().end());
    request.set_page_token(page.next_page_token());
  } while (!request.page_token().empty());
  return grpc::Status::OK;
}

void AddSchedule(CLI::App* group, CommandEnv& env) {
  CLI::App* command = group->add_subcommand(
      "schedule", "Assign the accepted requests to slots and tables (locked meetings stay)");
  auto event = std::make_shared<std::string>();
  command->add_option("event", *event, "The event")->required();
  OnRun(command, env, [&env, event] {
    techmatch::v1::ScheduleMeetingsRequest request;
    request.set_event(QualifyName("events", *event));
    techmatch::v1::ScheduleMeetingsResponse response;
    std::unique_ptr<grpc::ClientContext> context = env.session().NewContext();
    if (grpc::Status s =
            env.session().matches().ScheduleMeetings(context.get(), request, &response);
        !s.ok()) {
      return env.Fail(s);
    }
    Output& output = env.output();
    if (output.format() == OutputFormat::kJson) {
      output.stream() << ToJson(response) << '\n';
      return kExitOk;
    }
    if (output.format() == OutputFormat::kCsv) {
      output.PrintList(response, response.meetings(), MeetingView());
      return kExitOk;
    }
    output.stream() << response.meetings_size() << " meetings scheduled ("
                    << response.mutual_count() << " mutual), total score "
                    << Score(response.total_score()) << ", " << response.idle_slot_count()
                    << " idle slots between participants' meetings\n";
    if (response.unscheduled_size() > 0) {
      output.stream() << response.unscheduled_size() << " accepted requests left out:\n";
      Table table({{"request"}, {"reason"}, {"explanation"}});
      for (const auto& u : response.unscheduled()) {
        table.AddRow({u.meeting_request(),
                      techmatch::v1::UnscheduledRequest::Reason_Name(u.reason()), u.explanation()});
      }
      table.RenderAligned(output.stream());
    }
    return kExitOk;
  });
}

void AddList(CLI::App* group, CommandEnv& env) {
  CLI::App* command = group->add_subcommand(
      "list", "An event's meetings in time order, or one participant's agenda");
  auto event = std::make_shared<std::string>();
  auto participant = std::make_shared<std::string>();
  command->add_option("event", *event, "The event")->required();
  command->add_option("--participant", *participant,
                      "Only this organization's meetings, with counterparts");
  OnRun(command, env, [&env, event, participant] {
    std::vector<Meeting> meetings;
    if (grpc::Status s = FetchMeetings(env, *event, *participant, meetings); !s.ok()) {
      return env.Fail(s);
    }
    techmatch::v1::ListMeetingsResponse all;
    for (Meeting& m : meetings) *all.add_meetings() = std::move(m);
    env.output().PrintList(all, all.meetings(),
                           participant->empty() ? MeetingView() : AgendaView());
    return kExitOk;
  });
}

// lock / unlock / cancel: one meeting by name.
template <typename Request, typename Response, typename Call>
void AddMeetingAction(CLI::App* group, CommandEnv& env, const std::string& verb,
                      const std::string& help, const View<Response>& view, Call call) {
  struct Flags {
    std::string name, event, etag;
  };
  CLI::App* command = group->add_subcommand(verb, help);
  auto flags = std::make_shared<Flags>();
  command->add_option("name", flags->name, "events/E/meetings/ID, or ID with --event")->required();
  command->add_option("--event", flags->event, "The event, when NAME is a bare id");
  command->add_option("--etag", flags->etag, "Only if the meeting is still at this etag");
  OnRun(command, env, [&env, flags, call, &view] {
    Request request;
    request.set_name(ChildName(flags->name, flags->event, "meetings"));
    request.set_etag(flags->etag);
    return CallAndPrint<Response>(
        env,
        [&](grpc::ClientContext* context, Response* response) {
          return call(env, context, request, response);
        },
        view);
  });
}

void AddAgendas(CLI::App* group, CommandEnv& env) {
  CLI::App* command = group->add_subcommand(
      "agendas", "Every participant's agenda: --xlsx FILE (a printable sheet each) or --csv");
  auto event = std::make_shared<std::string>();
  auto xlsx = std::make_shared<std::string>();
  command->add_option("event", *event, "The event")->required();
  command->add_option("--xlsx", *xlsx, "Write a workbook, one sheet per participant");
  OnRun(command, env, [&env, event, xlsx] {
    std::vector<Meeting> meetings;
    if (grpc::Status s = FetchMeetings(env, *event, "", meetings); !s.ok()) return env.Fail(s);
    const std::vector<Agenda> agendas = BuildAgendas(meetings, absl::LocalTimeZone());
    if (!xlsx->empty()) {
      techmatch::v1::GetEventRequest get;
      get.set_name(QualifyName("events", *event));
      techmatch::v1::Event found;
      std::unique_ptr<grpc::ClientContext> context = env.session().NewContext();
      if (grpc::Status s = env.session().events().GetEvent(context.get(), get, &found); !s.ok()) {
        return env.Fail(s);
      }
      if (absl::Status s = WriteAgendasXlsx(agendas, found.display_name(), *xlsx); !s.ok()) {
        return env.FailLocal(s);
      }
      env.err() << "wrote " << agendas.size() << " agendas (" << meetings.size() << " meetings) to "
                << *xlsx << "\n";
      return kExitOk;
    }
    Output& output = env.output();
    if (output.format() == OutputFormat::kJson) {
      techmatch::v1::ListMeetingsResponse all;
      for (Meeting& m : meetings) *all.add_meetings() = std::move(m);
      output.stream() << ToJson(all) << '\n';
    } else if (output.format() == OutputFormat::kCsv) {
      AgendasCsvTable(agendas).RenderCsv(output.stream());
    } else {
      for (const Agenda& agenda : agendas) {
        output.stream() << agenda.display_name << " (" << agenda.participant << ")\n";
        Table table({{"time"},
                     {"table", Align::kRight},
                     {"counterpart", Align::kLeft, 30},
                     {"need", Align::kLeft, 30},
                     {"offering", Align::kLeft, 30}});
        for (const AgendaRow& row : agenda.rows) {
          table.AddRow({row.time, std::to_string(row.table), row.counterpart, row.need_title,
                        row.offering_title});
        }
        table.RenderAligned(output.stream());
        output.stream() << '\n';
      }
    }
    return kExitOk;
  });
}

}  // namespace

void AddMeetingCommands(CLI::App& app, CommandEnv& env) {
  CLI::App* group = app.add_subcommand("meeting",
                                       "1:1 meetings at a fair: plans, requests, "
                                       "scheduling, agendas");
  group->require_subcommand(1);
  AddPlan(group, env);
  AddRequest(group, env);
  AddRequests(group, env);
  AddGenerate(group, env);
  AddRequestTransition<techmatch::v1::AcceptMeetingRequestRequest>(
      group, env, "accept", "Accept a pending meeting request",
      [](CommandEnv& env, grpc::ClientContext* context, const auto& request, auto* response) {
        return env.session().matches().AcceptMeetingRequest(context, request, response);
      });
  AddRequestTransition<techmatch::v1::DeclineMeetingRequestRequest>(
      group, env, "decline", "Decline a meeting request (its unlocked meeting goes too)",
      [](CommandEnv& env, grpc::ClientContext* context, const auto& request, auto* response) {
        return env.session().matches().DeclineMeetingRequest(context, request, response);
      });
  AddSchedule(group, env);
  AddList(group, env);
  AddMeetingAction<techmatch::v1::LockMeetingRequest, Meeting>(
      group, env, "lock", "Keep a meeting at its slot and table when scheduling again",
      MeetingView(),
      [](CommandEnv& env, grpc::ClientContext* context, const auto& request, auto* response) {
        return env.session().matches().LockMeeting(context, request, response);
      });
  AddMeetingAction<techmatch::v1::UnlockMeetingRequest, Meeting>(
      group, env, "unlock", "Let a locked meeting move again", MeetingView(),
      [](CommandEnv& env, grpc::ClientContext* context, const auto& request, auto* response) {
        return env.session().matches().UnlockMeeting(context, request, response);
      });
  AddMeetingAction<techmatch::v1::CancelMeetingRequest, MeetingRequest>(
      group, env, "cancel", "Call a meeting off (its request becomes CANCELLED)",
      MeetingRequestView(),
      [](CommandEnv& env, grpc::ClientContext* context, const auto& request, auto* response) {
        return env.session().matches().CancelMeeting(context, request, response);
      });
  AddAgendas(group, env);
}

}  // namespace techmatch::client
