#include "usecases/events.h"

#include <optional>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "core/common/resource_id.h"
#include "core/common/status_macros.h"
#include "core/events/meeting.h"
#include "usecases/names.h"
#include "usecases/record_flows.h"
#include "usecases/registration_window.h"

namespace techmatch::usecases {
namespace {

const RecordRules<Event>& Rules() {
  static const RecordRules<Event> kRules{ValidateEvent, CheckEventReferences};
  return kRules;
}

}  // namespace

absl::StatusOr<Event> Events::Create(NewEvent input) {
  Violations request_level;
  CheckRequestId(input.request_id, request_level);
  TM_RETURN_IF_ERROR(PrepareNew(input.event, input.event_id, "event_id", "event", input.conversion,
                                Rules(), repository_, request_level));
  return repository_.CreateEvent(input.event, {"CreateEvent", input.request_id});
}

absl::StatusOr<Event> Events::Get(absl::string_view name) {
  TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(name, kEvents, "name"));
  return repository_.GetEvent(id);
}

absl::StatusOr<ListPage<Event>> Events::List(const ListRequest& request) {
  TM_ASSIGN_OR_RETURN(
      ParsedList list,
      ParseList("ListEvents", "", request, storage::Repository::EventFilterFields(), tokens_));
  TM_ASSIGN_OR_RETURN(Page<Event> page, repository_.ListEvents(list.query));
  return Continued(std::move(page), list, tokens_);
}

absl::StatusOr<Event> Events::Update(const EventUpdate& input) {
  TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(input.name, kEvents, "event.name"));
  storage::Repository& repository = repository_;
  const StoredRecord<Event> stored{
      [&repository](absl::string_view key) { return repository.GetEvent(key); },
      [&repository](const Event& event, int64_t revision) {
        return repository.ReplaceEvent(event, revision);
      },
      nullptr};
  return UpdateRecord<Event>(stored, Rules(), repository_, id, input.etag, input.paths, input.patch,
                             input.conversion, "event", ApplyEventUpdate);
}

absl::StatusOr<Participant> Events::Register(const Principal& caller, const Registration& input) {
  Violations violations;
  CheckRequestId(input.request_id, violations);
  const std::string event_id = IdFromOptionalName(input.event, kEvents, "event", violations);
  const std::string org_id =
      IdFromOptionalName(input.organization, kOrganizations, "organization", violations);
  if (input.event.empty()) violations.Add("event", "is required");
  if (input.organization.empty()) violations.Add("organization", "is required");
  if (input.delegate_count < 0 || input.delegate_count > kMaxDelegates) {
    violations.Add("delegate_count",
                   absl::StrCat("must be between 1 and ", kMaxDelegates,
                                " (0 keeps the current count), got ", input.delegate_count));
  }
  TM_RETURN_IF_ERROR(violations.ToStatus());
  TM_RETURN_IF_ERROR(CheckLateRegistrationAllowed(caller, input.late_registration));
  TM_ASSIGN_OR_RETURN(Event event, repository_.GetEvent(event_id));
  RegistrationOptions options;
  if (input.delegate_count > 0) options.delegate_count = input.delegate_count;
  TM_ASSIGN_OR_RETURN(std::optional<Participant> existing,
                      repository_.FindParticipant(event_id, org_id));
  if (!existing) {
    const absl::Time now = absl::Now();
    TM_RETURN_IF_ERROR(CheckRegistrationOpen(event, now, input.late_registration,
                                             ResourceName(kOrganizations, org_id)));
    options.late_registration = RegistrationClosed(event, now);
  }
  return repository_.RegisterParticipant(event_id, org_id, options);
}

absl::StatusOr<ListPage<Participant>> Events::ListParticipants(absl::string_view parent,
                                                               const ListRequest& request) {
  TM_ASSIGN_OR_RETURN(std::string event_id, ParseResourceName(parent, kEvents, "parent"));
  TM_ASSIGN_OR_RETURN(ParsedList list,
                      ParseList("ListParticipants", event_id, request,
                                storage::Repository::ParticipantFilterFields(), tokens_));
  TM_ASSIGN_OR_RETURN(Page<Participant> page, repository_.ListParticipants(event_id, list.query));
  return Continued(std::move(page), list, tokens_);
}

}  // namespace techmatch::usecases
