// techmatch.v1.MatchService: ranked, explained matches from the matching engine, with the
// counterparts' texts read from storage for the explanations.
#ifndef TECHMATCH_SERVER_MATCH_SERVICE_H_
#define TECHMATCH_SERVER_MATCH_SERVICE_H_

#include "server/service_context.h"
#include "techmatch/v1/match.grpc.pb.h"

namespace techmatch::server {

class MatchServiceImpl final : public v1::MatchService::Service {
 public:
  explicit MatchServiceImpl(ServiceContext& context) : context_(context) {}

  grpc::Status MatchNeed(grpc::ServerContext* context, const v1::MatchNeedRequest* request,
                         v1::MatchNeedResponse* response) override;
  grpc::Status MatchOffering(grpc::ServerContext* context,
                             const v1::MatchOfferingRequest* request,
                             v1::MatchOfferingResponse* response) override;
  grpc::Status MatchEvent(grpc::ServerContext* context, const v1::MatchEventRequest* request,
                          grpc::ServerWriter<v1::MatchEventResponse>* writer) override;

 private:
  ServiceContext& context_;
};

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_MATCH_SERVICE_H_
