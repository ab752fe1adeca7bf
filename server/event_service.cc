#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "core/common/resource_id.h"
#include "core/events/meeting.h"
#include "server/handler.h"
#include "server/list_support.h"
#include "server/proto_fields.h"
#include "server/record_flows.h"
#include "server/reference_conversion.h"
#include "server/reference_services.h"
#include "server/registration_window.h"

namespace techmatch::server {
namespace {

const RecordRules<Event>& Rules() {
  static const RecordRules<Event> kRules{ValidateEvent, CheckEventReferences};
  return kRules;
}

}  // namespace

grpc::Status EventServiceImpl::CreateEvent(grpc::ServerContext* server_context,
                                           const v1::CreateEventRequest* request,
                                           v1::Event* response) {
  return Handle(
      context_, server_context, "/techmatch.v1.EventService/CreateEvent", request,
      [&]() -> absl::Status {
        Violations conversion, request_level;
        Event event = EventFromProto(request->event(), conversion);
        CheckRequestId(request->request_id(), request_level);
        TM_RETURN_IF_ERROR(PrepareNew(event, request->event_id(), "event_id", "event", conversion,
                                      Rules(), context_.repository, request_level));
        TM_ASSIGN_OR_RETURN(Event created, context_.repository.CreateEvent(
                                               event, {"CreateEvent", request->request_id()}));
        EventToProto(created, *response);
        return absl::OkStatus();
      });
}

grpc::Status EventServiceImpl::GetEvent(grpc::ServerContext* server_context,
                                        const v1::GetEventRequest* request, v1::Event* response) {
  return Handle(context_, server_context, "/techmatch.v1.EventService/GetEvent", request,
                [&]() -> absl::Status {
                  TM_ASSIGN_OR_RETURN(std::string id,
                                      ParseResourceName(request->name(), kEvents, "name"));
                  TM_ASSIGN_OR_RETURN(Event event, context_.repository.GetEvent(id));
                  EventToProto(event, *response);
                  return absl::OkStatus();
                });
}

grpc::Status EventServiceImpl::ListEvents(grpc::ServerContext* server_context,
                                          const v1::ListEventsRequest* request,
                                          v1::ListEventsResponse* response) {
  return Handle(
      context_, server_context, "/techmatch.v1.EventService/ListEvents", request,
      [&]() -> absl::Status {
        TM_ASSIGN_OR_RETURN(
            ParsedList list,
            ParseListRequest("ListEvents", "", request->filter(), request->page_size(),
                             request->page_token(), storage::Repository::EventFilterFields(),
                             context_.page_tokens));
        TM_ASSIGN_OR_RETURN(Page<Event> page, context_.repository.ListEvents(list.query));
        for (const Event& event : page.items) EventToProto(event, *response->add_events());
        response->set_next_page_token(context_.page_tokens.Encode(list.scope, page.next_after_id));
        return absl::OkStatus();
      });
}

grpc::Status EventServiceImpl::UpdateEvent(grpc::ServerContext* server_context,
                                           const v1::UpdateEventRequest* request,
                                           v1::Event* response) {
  return Handle(context_, server_context, "/techmatch.v1.EventService/UpdateEvent", request,
                [&]() -> absl::Status {
                  TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(request->event().name(),
                                                                        kEvents, "event.name"));
                  Violations conversion;
                  const Event patch = EventFromProto(request->event(), conversion);
                  storage::Repository& repository = context_.repository;
                  const StoredRecord<Event> stored{
                      [&repository](absl::string_view key) { return repository.GetEvent(key); },
                      [&repository](const Event& event, int64_t revision) {
                        return repository.ReplaceEvent(event, revision);
                      },
                      nullptr};
                  TM_ASSIGN_OR_RETURN(
                      Event updated,
                      UpdateRecord<Event>(
                          stored, Rules(), repository, id, request->event().etag(),
                          MaskPaths(request->update_mask(), PopulatedEventPaths(request->event())),
                          patch, conversion, "event", ApplyEventUpdate));
                  EventToProto(updated, *response);
                  return absl::OkStatus();
                });
}

grpc::Status EventServiceImpl::RegisterParticipant(grpc::ServerContext* server_context,
                                                   const v1::RegisterParticipantRequest* request,
                                                   v1::Participant* response) {
  return Handle(
      context_, server_context, "/techmatch.v1.EventService/RegisterParticipant", request,
      [&](const Principal& principal) -> absl::Status {
        Violations violations;
        CheckRequestId(request->request_id(), violations);
        const std::string event_id =
            IdFromOptionalName(request->event(), kEvents, "event", violations);
        const std::string org_id =
            IdFromOptionalName(request->organization(), kOrganizations, "organization", violations);
        if (request->event().empty()) violations.Add("event", "is required");
        if (request->organization().empty()) violations.Add("organization", "is required");
        if (request->delegate_count() < 0 || request->delegate_count() > kMaxDelegates) {
          violations.Add("delegate_count", absl::StrCat("must be between 1 and ", kMaxDelegates,
                                                        " (0 keeps the current count), got ",
                                                        request->delegate_count()));
        }
        TM_RETURN_IF_ERROR(violations.ToStatus());
        TM_RETURN_IF_ERROR(CheckLateRegistrationAllowed(principal, request->late_registration()));
        storage::Repository& repository = context_.repository;
        TM_ASSIGN_OR_RETURN(Event event, repository.GetEvent(event_id));
        RegistrationOptions options;
        if (request->delegate_count() > 0) options.delegate_count = request->delegate_count();
        // Registration is idempotent by (event, organization), so request_id needs no record; an
        // existing participant may change its delegates after the close.
        TM_ASSIGN_OR_RETURN(std::optional<Participant> existing,
                            repository.FindParticipant(event_id, org_id));
        if (!existing) {
          const absl::Time now = absl::Now();
          TM_RETURN_IF_ERROR(CheckRegistrationOpen(event, now, request->late_registration(),
                                                   ResourceName(kOrganizations, org_id)));
          options.late_registration = RegistrationClosed(event, now);
        }
        TM_ASSIGN_OR_RETURN(Participant participant,
                            repository.RegisterParticipant(event_id, org_id, options));
        ParticipantToProto(participant, *response);
        return absl::OkStatus();
      });
}

grpc::Status EventServiceImpl::ListParticipants(grpc::ServerContext* server_context,
                                                const v1::ListParticipantsRequest* request,
                                                v1::ListParticipantsResponse* response) {
  return Handle(
      context_, server_context, "/techmatch.v1.EventService/ListParticipants", request,
      [&]() -> absl::Status {
        TM_ASSIGN_OR_RETURN(std::string event_id,
                            ParseResourceName(request->parent(), kEvents, "parent"));
        TM_ASSIGN_OR_RETURN(
            ParsedList list,
            ParseListRequest("ListParticipants", event_id, request->filter(), request->page_size(),
                             request->page_token(), storage::Repository::ParticipantFilterFields(),
                             context_.page_tokens));
        TM_ASSIGN_OR_RETURN(Page<Participant> page,
                            context_.repository.ListParticipants(event_id, list.query));
        for (const Participant& participant : page.items) {
          ParticipantToProto(participant, *response->add_participants());
        }
        response->set_next_page_token(context_.page_tokens.Encode(list.scope, page.next_after_id));
        return absl::OkStatus();
      });
}

}  // namespace techmatch::server
