// `techmatch event create|get|list|update|register|participants` (EventService).
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "client/commands.h"
#include "client/field_values.h"
#include "client/list_runner.h"
#include "client/list_text.h"
#include "client/mask_flags.h"
#include "client/resource_name.h"
#include "client/resource_views.h"

namespace techmatch::client {
namespace {

using techmatch::v1::Event;

struct EventFlags {
  std::string name;
  std::string id;
  std::string request_id;
  std::string etag;
  std::string display_name;
  std::string location;
  std::string start_time;
  std::string end_time;
  std::string registration_close_time;
  std::vector<std::string> organizers;
  MaskFlags fields;
};

void AddFieldFlags(CLI::App* command, EventFlags* flags) {
  constexpr const char* kTimeHelp =
      "RFC 3339 (2026-10-20T09:00:00+08:00) or '2026-10-20 09:00' in the local time zone";
  flags->fields.Add(command->add_option("--display-name", flags->display_name,
                                        "Title, e.g. 2026年產學研合作洽談會"),
                    "display_name");
  flags->fields.Add(command->add_option("--location", flags->location, "Where it takes place"),
                    "location");
  flags->fields.Add(
      command->add_option("--start", flags->start_time, absl::StrCat("Start time: ", kTimeHelp)),
      "start_time");
  flags->fields.Add(
      command->add_option("--end", flags->end_time, absl::StrCat("End time: ", kTimeHelp)),
      "end_time");
  flags->fields.Add(command->add_option("--registration-close", flags->registration_close_time,
                                        absl::StrCat("End of registration: ", kTimeHelp)),
                    "registration_close_time");
  flags->fields.Add(
      AddListOption(command, "--organizers", &flags->organizers, "Organizing organizations"),
      "organizers");
}

// Sets a time field from its flag; an empty value leaves it unset (clears it on update).
absl::Status SetTime(const std::string& flag, const std::string& text,
                     google::protobuf::Timestamp* field) {
  if (TrimText(text).empty()) return absl::OkStatus();
  absl::StatusOr<google::protobuf::Timestamp> time = ParseTime(text);
  if (!time.ok())
    return absl::InvalidArgumentError(absl::StrCat(flag, ": ", time.status().message()));
  *field = *time;
  return absl::OkStatus();
}

absl::Status FillEvent(const EventFlags& flags, Event* event) {
  const MaskFlags& given = flags.fields;
  if (given.Given("display_name")) event->set_display_name(flags.display_name);
  if (given.Given("location")) event->set_location(flags.location);
  if (given.Given("start_time")) {
    if (absl::Status s = SetTime("--start", flags.start_time, event->mutable_start_time()); !s.ok())
      return s;
  }
  if (given.Given("end_time")) {
    if (absl::Status s = SetTime("--end", flags.end_time, event->mutable_end_time()); !s.ok())
      return s;
  }
  if (given.Given("registration_close_time")) {
    if (absl::Status s = SetTime("--registration-close", flags.registration_close_time,
                                 event->mutable_registration_close_time());
        !s.ok()) {
      return s;
    }
  }
  for (const std::string& org : QualifyNames("organizations", SplitFlagValues(flags.organizers))) {
    event->add_organizers(org);
  }
  return absl::OkStatus();
}

void AddCreate(CLI::App* group, CommandEnv& env) {
  CLI::App* command = group->add_subcommand("create", "Create an event (a matchmaking fair)");
  auto flags = std::make_shared<EventFlags>();
  command->add_option("--id", flags->id, "Id, [a-z0-9][a-z0-9-]{0,62}; generated when omitted");
  command->add_option("--request-id", flags->request_id,
                      "Idempotency key: a retry creates nothing");
  AddFieldFlags(command, flags.get());
  OnRun(command, env, [&env, flags] {
    techmatch::v1::CreateEventRequest request;
    request.set_event_id(flags->id);
    request.set_request_id(flags->request_id);
    if (absl::Status s = FillEvent(*flags, request.mutable_event()); !s.ok())
      return env.FailLocal(s);
    return CallAndPrint<Event>(
        env,
        [&](grpc::ClientContext* context, Event* response) {
          return env.session().events().CreateEvent(context, request, response);
        },
        EventView());
  });
}

void AddUpdate(CLI::App* group, CommandEnv& env) {
  CLI::App* command = group->add_subcommand("update", "Change an event's fields");
  auto flags = std::make_shared<EventFlags>();
  AddNameArgument(command, &flags->name, "The event");
  command->add_option("--etag", flags->etag, "Refuse the update if the record changed since");
  AddFieldFlags(command, flags.get());
  OnRun(command, env, [&env, flags] {
    techmatch::v1::UpdateEventRequest request;
    *request.mutable_update_mask() = flags->fields.Mask();
    if (request.update_mask().paths().empty()) {
      return env.FailLocal(absl::InvalidArgumentError(
          absl::StrCat("nothing to update: give at least one of ", flags->fields.FlagNames())));
    }
    Event* event = request.mutable_event();
    event->set_name(QualifyName("events", flags->name));
    event->set_etag(flags->etag);
    if (absl::Status s = FillEvent(*flags, event); !s.ok()) return env.FailLocal(s);
    return CallAndPrint<Event>(
        env,
        [&](grpc::ClientContext* context, Event* response) {
          return env.session().events().UpdateEvent(context, request, response);
        },
        EventView());
  });
}

}  // namespace

void AddEventCommands(CLI::App& app, CommandEnv& env) {
  CLI::App* group = app.add_subcommand("event", "Matchmaking fairs and their participants");
  group->require_subcommand(1);
  AddCreate(group, env);
  {
    CLI::App* command = group->add_subcommand("get", "Show one event");
    auto name = std::make_shared<std::string>();
    AddNameArgument(command, name.get(), "The event");
    OnRun(command, env, [&env, name] {
      techmatch::v1::GetEventRequest request;
      request.set_name(QualifyName("events", *name));
      return CallAndPrint<Event>(
          env,
          [&](grpc::ClientContext* context, Event* response) {
            return env.session().events().GetEvent(context, request, response);
          },
          EventView());
    });
  }
  {
    CLI::App* command = group->add_subcommand("list", "List events in name order");
    auto flags = std::make_shared<ListFlags>();
    AddListFlags(command, flags.get(),
                 "Filter on start_time, e.g. 'start_time >= \"2026-01-01T00:00:00Z\"'");
    OnRun(command, env, [&env, flags] {
      return RunList<techmatch::v1::ListEventsResponse>(
          env, *flags, techmatch::v1::ListEventsRequest(),
          [&env](grpc::ClientContext* context, const auto& request, auto* response) {
            return env.session().events().ListEvents(context, request, response);
          },
          [](const auto& response) -> const auto& { return response.events(); }, EventView());
    });
  }
  AddUpdate(group, env);
  {
    CLI::App* command =
        group->add_subcommand("register", "Register an organization for an event (idempotent)");
    auto event = std::make_shared<std::string>();
    auto organization = std::make_shared<std::string>();
    auto request_id = std::make_shared<std::string>();
    auto delegates = std::make_shared<int>(0);
    auto late = std::make_shared<bool>(false);
    command->add_option("event", *event, "The event")->required();
    command->add_option("organization", *organization, "The organization")->required();
    command->add_option("--request-id", *request_id, "Idempotency key");
    command->add_option("--delegates", *delegates,
                        "Delegates it sends: meetings it can hold at once (1-100; default 1, "
                        "0 keeps the current count)");
    command->add_flag("--late,--late-registration", *late,
                      "Register after the event's registration_close_time (organizers only; "
                      "recorded)");
    OnRun(command, env, [&env, event, organization, request_id, delegates, late] {
      techmatch::v1::RegisterParticipantRequest request;
      request.set_event(QualifyName("events", *event));
      request.set_organization(QualifyName("organizations", *organization));
      request.set_request_id(*request_id);
      request.set_delegate_count(*delegates);
      request.set_late_registration(*late);
      return CallAndPrint<techmatch::v1::Participant>(
          env,
          [&](grpc::ClientContext* context, techmatch::v1::Participant* response) {
            return env.session().events().RegisterParticipant(context, request, response);
          },
          ParticipantView());
    });
  }
  {
    CLI::App* command = group->add_subcommand("participants", "List an event's participants");
    auto event = std::make_shared<std::string>();
    auto flags = std::make_shared<ListFlags>();
    command->add_option("event", *event, "The event")->required();
    AddListFlags(command, flags.get(),
                 "Filter on the organization's kind, e.g. 'kind = ENTERPRISE'");
    OnRun(command, env, [&env, event, flags] {
      techmatch::v1::ListParticipantsRequest request;
      request.set_parent(QualifyName("events", *event));
      return RunList<techmatch::v1::ListParticipantsResponse>(
          env, *flags, request,
          [&env](grpc::ClientContext* context, const auto& request, auto* response) {
            return env.session().events().ListParticipants(context, request, response);
          },
          [](const auto& response) -> const auto& { return response.participants(); },
          ParticipantView());
    });
  }
}

}  // namespace techmatch::client
