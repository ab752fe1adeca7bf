// techmatch.v1.TargetService: each handler converts its request, calls one use case of
// usecases/targets.h and converts the answer.
#ifndef TECHMATCH_SERVER_TARGET_SERVICE_H_
#define TECHMATCH_SERVER_TARGET_SERVICE_H_

#include "server/service_context.h"
#include "techmatch/v1/target.grpc.pb.h"
#include "usecases/people_context.h"
#include "usecases/targets.h"

namespace techmatch::server {

class TargetServiceImpl final : public v1::TargetService::Service {
 public:
  // `clock` is the server's: it decides whether a target's period has ended.
  TargetServiceImpl(ServiceContext& context, usecases::Clock clock)
      : context_(context), targets_(context.repository, context.page_tokens, std::move(clock)) {}

  grpc::Status CreateTarget(grpc::ServerContext* context, const v1::CreateTargetRequest* request,
                            v1::Target* response) override;
  grpc::Status GetTarget(grpc::ServerContext* context, const v1::GetTargetRequest* request,
                         v1::Target* response) override;
  grpc::Status ListTargets(grpc::ServerContext* context, const v1::ListTargetsRequest* request,
                           v1::ListTargetsResponse* response) override;
  grpc::Status UpdateTarget(grpc::ServerContext* context, const v1::UpdateTargetRequest* request,
                            v1::Target* response) override;

 private:
  ServiceContext& context_;
  usecases::Targets targets_;
};

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_TARGET_SERVICE_H_
