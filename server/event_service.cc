#include "server/handler.h"
#include "server/proto_fields.h"
#include "server/reference_conversion.h"
#include "server/reference_services.h"

namespace techmatch::server {

grpc::Status EventServiceImpl::CreateEvent(grpc::ServerContext* server_context,
                                           const v1::CreateEventRequest* request,
                                           v1::Event* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(Event event, events_.Create(NewEventFromProto(*request)));
    EventToProto(event, *response);
    return absl::OkStatus();
  });
}

grpc::Status EventServiceImpl::GetEvent(grpc::ServerContext* server_context,
                                        const v1::GetEventRequest* request, v1::Event* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(Event event, events_.Get(request->name()));
    EventToProto(event, *response);
    return absl::OkStatus();
  });
}

grpc::Status EventServiceImpl::ListEvents(grpc::ServerContext* server_context,
                                          const v1::ListEventsRequest* request,
                                          v1::ListEventsResponse* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(usecases::ListPage<Event> page, events_.List(ListRequestOf(*request)));
    for (const Event& event : page.items) EventToProto(event, *response->add_events());
    response->set_next_page_token(std::move(page.next_page_token));
    return absl::OkStatus();
  });
}

grpc::Status EventServiceImpl::UpdateEvent(grpc::ServerContext* server_context,
                                           const v1::UpdateEventRequest* request,
                                           v1::Event* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(Event event, events_.Update(EventUpdateFromProto(*request)));
    EventToProto(event, *response);
    return absl::OkStatus();
  });
}

grpc::Status EventServiceImpl::RegisterParticipant(grpc::ServerContext* server_context,
                                                   const v1::RegisterParticipantRequest* request,
                                                   v1::Participant* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(Participant participant,
                        events_.Register(caller, RegistrationFromProto(*request)));
    ParticipantToProto(participant, *response);
    return absl::OkStatus();
  });
}

grpc::Status EventServiceImpl::ListParticipants(grpc::ServerContext* server_context,
                                                const v1::ListParticipantsRequest* request,
                                                v1::ListParticipantsResponse* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(usecases::ListPage<Participant> page,
                        events_.ListParticipants(request->parent(), ListRequestOf(*request)));
    for (const Participant& participant : page.items) {
      ParticipantToProto(participant, *response->add_participants());
    }
    response->set_next_page_token(std::move(page.next_page_token));
    return absl::OkStatus();
  });
}

void EventServiceImpl::ServeShortReads(AsyncServer& async) {
  async.Serve(*this, &EventServiceImpl::RequestGetEvent, &EventServiceImpl::GetEvent);
  async.Serve(*this, &EventServiceImpl::RequestListEvents, &EventServiceImpl::ListEvents);
  async.Serve(*this, &EventServiceImpl::RequestListParticipants,
              &EventServiceImpl::ListParticipants);
}

}  // namespace techmatch::server
