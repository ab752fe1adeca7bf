// techmatch.v1.FinancingService: each handler converts its request, calls one use case of
// usecases/financings.h and converts the answer.
#ifndef TECHMATCH_SERVER_FINANCING_SERVICE_H_
#define TECHMATCH_SERVER_FINANCING_SERVICE_H_

#include "server/service_context.h"
#include "techmatch/v1/financing.grpc.pb.h"
#include "usecases/financings.h"

namespace techmatch::server {

class FinancingServiceImpl final : public v1::FinancingService::Service {
 public:
  explicit FinancingServiceImpl(ServiceContext& context)
      : context_(context),
        financings_(context.repository, context.page_tokens, context.currency.minor_digits()) {}

  grpc::Status CreateFinancing(grpc::ServerContext* context,
                               const v1::CreateFinancingRequest* request,
                               v1::Financing* response) override;
  grpc::Status GetFinancing(grpc::ServerContext* context, const v1::GetFinancingRequest* request,
                            v1::Financing* response) override;
  grpc::Status ListFinancings(grpc::ServerContext* context,
                              const v1::ListFinancingsRequest* request,
                              v1::ListFinancingsResponse* response) override;

 private:
  ServiceContext& context_;
  usecases::Financings financings_;
};

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_FINANCING_SERVICE_H_
