// MatchService's meeting methods: each handler converts its request, calls one use case of
// usecases/meetings.h and converts the answer.
#include <utility>

#include "server/call_deadline.h"
#include "server/handler.h"
#include "server/match_service.h"
#include "server/meeting_conversion.h"
#include "server/proto_fields.h"

namespace techmatch::server {

grpc::Status MatchServiceImpl::GetMeetingPlan(grpc::ServerContext* server_context,
                                              const v1::GetMeetingPlanRequest* request,
                                              v1::MeetingPlan* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(MeetingPlan plan, meetings_.GetPlan(request->name()));
    MeetingPlanToProto(plan, *response);
    return absl::OkStatus();
  });
}

grpc::Status MatchServiceImpl::UpdateMeetingPlan(grpc::ServerContext* server_context,
                                                 const v1::UpdateMeetingPlanRequest* request,
                                                 v1::MeetingPlan* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(MeetingPlan plan,
                        meetings_.UpdatePlan(MeetingPlanUpdateFromProto(*request)));
    MeetingPlanToProto(plan, *response);
    return absl::OkStatus();
  });
}

grpc::Status MatchServiceImpl::CreateMeetingRequest(grpc::ServerContext* server_context,
                                                    const v1::CreateMeetingRequestRequest* request,
                                                    v1::MeetingRequest* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(MeetingRequest created,
                        meetings_.CreateRequest(caller, NewMeetingRequestFromProto(*request)));
    MeetingRequestToProto(created, *response);
    return absl::OkStatus();
  });
}

grpc::Status MatchServiceImpl::GetMeetingRequest(grpc::ServerContext* server_context,
                                                 const v1::GetMeetingRequestRequest* request,
                                                 v1::MeetingRequest* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(MeetingRequest found, meetings_.GetRequest(request->name()));
    MeetingRequestToProto(found, *response);
    return absl::OkStatus();
  });
}

grpc::Status MatchServiceImpl::ListMeetingRequests(grpc::ServerContext* server_context,
                                                   const v1::ListMeetingRequestsRequest* request,
                                                   v1::ListMeetingRequestsResponse* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(usecases::ListPage<MeetingRequest> page,
                        meetings_.ListRequests(request->parent(), ListRequestOf(*request)));
    for (const MeetingRequest& item : page.items) {
      MeetingRequestToProto(item, *response->add_meeting_requests());
    }
    response->set_next_page_token(std::move(page.next_page_token));
    return absl::OkStatus();
  });
}

grpc::Status MatchServiceImpl::AcceptMeetingRequest(grpc::ServerContext* server_context,
                                                    const v1::AcceptMeetingRequestRequest* request,
                                                    v1::MeetingRequest* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(MeetingRequest accepted,
                        meetings_.AcceptRequest(caller, request->name(), request->etag()));
    MeetingRequestToProto(accepted, *response);
    return absl::OkStatus();
  });
}

grpc::Status MatchServiceImpl::DeclineMeetingRequest(
    grpc::ServerContext* server_context, const v1::DeclineMeetingRequestRequest* request,
    v1::MeetingRequest* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(MeetingRequest declined,
                        meetings_.DeclineRequest(caller, request->name(), request->etag()));
    MeetingRequestToProto(declined, *response);
    return absl::OkStatus();
  });
}

grpc::Status MatchServiceImpl::GenerateMeetingRequests(
    grpc::ServerContext* server_context, const v1::GenerateMeetingRequestsRequest* request,
    v1::GenerateMeetingRequestsResponse* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(
        usecases::GeneratedMeetingRequests generated,
        meetings_.GenerateRequests(GenerationFromProto(*request), GrpcCallState(*server_context)));
    GeneratedToProto(generated, *response);
    return absl::OkStatus();
  });
}

grpc::Status MatchServiceImpl::ScheduleMeetings(grpc::ServerContext* server_context,
                                                const v1::ScheduleMeetingsRequest* request,
                                                v1::ScheduleMeetingsResponse* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(usecases::StoredSchedule schedule, meetings_.Schedule(request->event()));
    ScheduleToProto(schedule, *response);
    return absl::OkStatus();
  });
}

grpc::Status MatchServiceImpl::ListMeetings(grpc::ServerContext* server_context,
                                            const v1::ListMeetingsRequest* request,
                                            v1::ListMeetingsResponse* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(usecases::Agenda agenda,
                        meetings_.ListMeetings(request->parent(), request->participant(),
                                               request->page_size(), request->page_token()));
    for (const MeetingDetails& details : agenda.meetings) {
      MeetingToProto(details, agenda.plan, agenda.participant_id, *response->add_meetings());
    }
    response->set_next_page_token(std::move(agenda.next_page_token));
    return absl::OkStatus();
  });
}

grpc::Status MatchServiceImpl::LockMeeting(grpc::ServerContext* server_context,
                                           const v1::LockMeetingRequest* request,
                                           v1::Meeting* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(usecases::ScheduledMeeting meeting,
                        meetings_.Lock(request->name(), request->etag()));
    MeetingToProto(meeting.details, meeting.plan, "", *response);
    return absl::OkStatus();
  });
}

grpc::Status MatchServiceImpl::UnlockMeeting(grpc::ServerContext* server_context,
                                             const v1::UnlockMeetingRequest* request,
                                             v1::Meeting* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(usecases::ScheduledMeeting meeting,
                        meetings_.Unlock(request->name(), request->etag()));
    MeetingToProto(meeting.details, meeting.plan, "", *response);
    return absl::OkStatus();
  });
}

grpc::Status MatchServiceImpl::CancelMeeting(grpc::ServerContext* server_context,
                                             const v1::CancelMeetingRequest* request,
                                             v1::MeetingRequest* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(MeetingRequest cancelled,
                        meetings_.Cancel(request->name(), request->etag()));
    MeetingRequestToProto(cancelled, *response);
    return absl::OkStatus();
  });
}

}  // namespace techmatch::server
