// techmatch.v1.MatchService: ranked, explained matches and live match watches
// (usecases/matching.h), and meeting scheduling (usecases/meetings.h). Each handler converts
// its request, calls one use case and converts the answer.
#ifndef TECHMATCH_SERVER_MATCH_SERVICE_H_
#define TECHMATCH_SERVER_MATCH_SERVICE_H_

#include "server/async_server.h"
#include "server/service_context.h"
#include "techmatch/v1/match.grpc.pb.h"
#include "usecases/matching.h"
#include "usecases/meetings.h"

namespace techmatch::server {

// GetMeetingPlan, GetMeetingRequest, ListMeetingRequests and ListMeetings: short reads, served from
// the completion queues (server/async_server.h). The base takes them off the sync API;
// ServeShortReads hands them to the queues. Keep the two lists the same.
using MatchServiceImplBase = v1::MatchService::WithRawMethod_GetMeetingPlan<
    v1::MatchService::WithRawMethod_GetMeetingRequest<
        v1::MatchService::WithRawMethod_ListMeetingRequests<
            v1::MatchService::WithRawMethod_ListMeetings<v1::MatchService::Service>>>>;

class MatchServiceImpl final : public MatchServiceImplBase {
 public:
  // Serves the methods of the base class comment from `async`'s queues.
  void ServeShortReads(AsyncServer& async);
  explicit MatchServiceImpl(ServiceContext& context)
      : context_(context),
        matching_(context.repository, context.matching),
        meetings_(context.repository, context.matching, context.page_tokens) {}

  grpc::Status MatchNeed(grpc::ServerContext* context, const v1::MatchNeedRequest* request,
                         v1::MatchNeedResponse* response) override;
  grpc::Status MatchOffering(grpc::ServerContext* context, const v1::MatchOfferingRequest* request,
                             v1::MatchOfferingResponse* response) override;
  grpc::Status MatchEvent(grpc::ServerContext* context, const v1::MatchEventRequest* request,
                          grpc::ServerWriter<v1::MatchEventResponse>* writer) override;
  // In watch_matches.cc.
  grpc::Status WatchMatches(grpc::ServerContext* context, const v1::WatchMatchesRequest* request,
                            grpc::ServerWriter<v1::WatchMatchesResponse>* writer) override;

  // Meeting scheduling, in meeting_handlers.cc.
  grpc::Status GetMeetingPlan(grpc::ServerContext* context,
                              const v1::GetMeetingPlanRequest* request,
                              v1::MeetingPlan* response) override;
  grpc::Status UpdateMeetingPlan(grpc::ServerContext* context,
                                 const v1::UpdateMeetingPlanRequest* request,
                                 v1::MeetingPlan* response) override;
  grpc::Status CreateMeetingRequest(grpc::ServerContext* context,
                                    const v1::CreateMeetingRequestRequest* request,
                                    v1::MeetingRequest* response) override;
  grpc::Status GetMeetingRequest(grpc::ServerContext* context,
                                 const v1::GetMeetingRequestRequest* request,
                                 v1::MeetingRequest* response) override;
  grpc::Status ListMeetingRequests(grpc::ServerContext* context,
                                   const v1::ListMeetingRequestsRequest* request,
                                   v1::ListMeetingRequestsResponse* response) override;
  grpc::Status AcceptMeetingRequest(grpc::ServerContext* context,
                                    const v1::AcceptMeetingRequestRequest* request,
                                    v1::MeetingRequest* response) override;
  grpc::Status DeclineMeetingRequest(grpc::ServerContext* context,
                                     const v1::DeclineMeetingRequestRequest* request,
                                     v1::MeetingRequest* response) override;
  grpc::Status GenerateMeetingRequests(grpc::ServerContext* context,
                                       const v1::GenerateMeetingRequestsRequest* request,
                                       v1::GenerateMeetingRequestsResponse* response) override;
  grpc::Status ScheduleMeetings(grpc::ServerContext* context,
                                const v1::ScheduleMeetingsRequest* request,
                                v1::ScheduleMeetingsResponse* response) override;
  grpc::Status ListMeetings(grpc::ServerContext* context, const v1::ListMeetingsRequest* request,
                            v1::ListMeetingsResponse* response) override;
  grpc::Status LockMeeting(grpc::ServerContext* context, const v1::LockMeetingRequest* request,
                           v1::Meeting* response) override;
  grpc::Status UnlockMeeting(grpc::ServerContext* context, const v1::UnlockMeetingRequest* request,
                             v1::Meeting* response) override;
  grpc::Status CancelMeeting(grpc::ServerContext* context, const v1::CancelMeetingRequest* request,
                             v1::MeetingRequest* response) override;

 private:
  ServiceContext& context_;
  usecases::Matching matching_;
  usecases::Meetings meetings_;
};

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_MATCH_SERVICE_H_
