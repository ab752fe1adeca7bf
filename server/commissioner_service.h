// techmatch.v1.CommissionerService: each handler converts its request, calls one use case of
// usecases/commissioners.h and converts the answer.
#ifndef TECHMATCH_SERVER_COMMISSIONER_SERVICE_H_
#define TECHMATCH_SERVER_COMMISSIONER_SERVICE_H_

#include "server/service_context.h"
#include "techmatch/v1/commissioner.grpc.pb.h"
#include "usecases/commissioners.h"

namespace techmatch::server {

class CommissionerServiceImpl final : public v1::CommissionerService::Service {
 public:
  explicit CommissionerServiceImpl(ServiceContext& context)
      : context_(context), commissioners_(context.repository, context.page_tokens) {}

  grpc::Status CreateCommissioner(grpc::ServerContext* context,
                                  const v1::CreateCommissionerRequest* request,
                                  v1::Commissioner* response) override;
  grpc::Status GetCommissioner(grpc::ServerContext* context,
                               const v1::GetCommissionerRequest* request,
                               v1::Commissioner* response) override;
  grpc::Status ListCommissioners(grpc::ServerContext* context,
                                 const v1::ListCommissionersRequest* request,
                                 v1::ListCommissionersResponse* response) override;
  grpc::Status UpdateCommissioner(grpc::ServerContext* context,
                                  const v1::UpdateCommissionerRequest* request,
                                  v1::Commissioner* response) override;

 private:
  ServiceContext& context_;
  usecases::Commissioners commissioners_;
};

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_COMMISSIONER_SERVICE_H_
