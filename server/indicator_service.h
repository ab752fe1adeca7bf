// techmatch.v1.IndicatorService: each handler converts its request, calls one use case of
// usecases/indicators.h and converts the answer.
#ifndef TECHMATCH_SERVER_INDICATOR_SERVICE_H_
#define TECHMATCH_SERVER_INDICATOR_SERVICE_H_

#include "server/service_context.h"
#include "techmatch/v1/indicator.grpc.pb.h"
#include "usecases/indicators.h"

namespace techmatch::server {

class IndicatorServiceImpl final : public v1::IndicatorService::Service {
 public:
  explicit IndicatorServiceImpl(ServiceContext& context)
      : context_(context), indicators_(context.repository, context.page_tokens) {}

  grpc::Status CreateIndicator(grpc::ServerContext* context,
                               const v1::CreateIndicatorRequest* request,
                               v1::Indicator* response) override;
  grpc::Status ListIndicators(grpc::ServerContext* context,
                              const v1::ListIndicatorsRequest* request,
                              v1::ListIndicatorsResponse* response) override;
  grpc::Status RecordObservation(grpc::ServerContext* context,
                                 const v1::RecordObservationRequest* request,
                                 v1::Observation* response) override;
  grpc::Status ListObservations(grpc::ServerContext* context,
                                const v1::ListObservationsRequest* request,
                                v1::ListObservationsResponse* response) override;

 private:
  ServiceContext& context_;
  usecases::Indicators indicators_;
};

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_INDICATOR_SERVICE_H_
