#include "server/match_service.h"

#include "core/common/resource_id.h"
#include "server/call_deadline.h"
#include "server/handler.h"
#include "server/match_conversion.h"

namespace techmatch::server {
namespace {

// MatchEvent's answer, a message per need.
class NeedMatchesWriter final : public usecases::NeedMatchesSink {
 public:
  explicit NeedMatchesWriter(grpc::ServerWriter<v1::MatchEventResponse>& writer)
      : writer_(writer) {}

  absl::Status Write(const Need& need, const std::vector<MatchResult>& matches) override {
    v1::MatchEventResponse message;
    message.set_need(ResourceName(kNeeds, need.meta.id));
    message.set_need_title(need.listing.title);
    for (const MatchResult& match : matches) MatchToProto(match, *message.add_matches());
    if (!writer_.Write(message)) return absl::CancelledError("the client went away");
    return absl::OkStatus();
  }

 private:
  grpc::ServerWriter<v1::MatchEventResponse>& writer_;
};

}  // namespace

grpc::Status MatchServiceImpl::MatchNeed(grpc::ServerContext* server_context,
                                         const v1::MatchNeedRequest* request,
                                         v1::MatchNeedResponse* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(std::vector<MatchResult> matches,
                        matching_.MatchNeed(MatchQueryFromProto(*request)));
    for (const MatchResult& match : matches) {
      MatchToProto(match, *response->add_matches());
    }
    return absl::OkStatus();
  });
}

grpc::Status MatchServiceImpl::MatchOffering(grpc::ServerContext* server_context,
                                             const v1::MatchOfferingRequest* request,
                                             v1::MatchOfferingResponse* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(std::vector<MatchResult> matches,
                        matching_.MatchOffering(MatchQueryFromProto(*request)));
    for (const MatchResult& match : matches) {
      MatchToProto(match, *response->add_matches());
    }
    return absl::OkStatus();
  });
}

grpc::Status MatchServiceImpl::MatchEvent(grpc::ServerContext* server_context,
                                          const v1::MatchEventRequest* request,
                                          grpc::ServerWriter<v1::MatchEventResponse>* writer) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    NeedMatchesWriter messages(*writer);
    return matching_.MatchEvent(request->event(), request->per_need_limit(), messages,
                                GrpcCallState(*server_context));
  });
}

void MatchServiceImpl::ServeShortReads(AsyncServer& async) {
  async.Serve(*this, &MatchServiceImpl::RequestGetMeetingPlan, &MatchServiceImpl::GetMeetingPlan);
  async.Serve(*this, &MatchServiceImpl::RequestGetMeetingRequest,
              &MatchServiceImpl::GetMeetingRequest);
  async.Serve(*this, &MatchServiceImpl::RequestListMeetingRequests,
              &MatchServiceImpl::ListMeetingRequests);
  async.Serve(*this, &MatchServiceImpl::RequestListMeetings, &MatchServiceImpl::ListMeetings);
}

}  // namespace techmatch::server
