#include "server/indicator_service.h"

#include "core/common/status_macros.h"
#include "server/handler.h"
#include "server/indicator_conversion.h"
#include "server/proto_fields.h"

namespace techmatch::server {

grpc::Status IndicatorServiceImpl::CreateIndicator(grpc::ServerContext* server_context,
                                                   const v1::CreateIndicatorRequest* request,
                                                   v1::Indicator* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(Indicator indicator, indicators_.Create(NewIndicatorFromProto(*request)));
    IndicatorToProto(indicator, *response);
    return absl::OkStatus();
  });
}

grpc::Status IndicatorServiceImpl::ListIndicators(grpc::ServerContext* server_context,
                                                  const v1::ListIndicatorsRequest* request,
                                                  v1::ListIndicatorsResponse* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(usecases::ListPage<Indicator> page,
                        indicators_.List(ListRequestOf(*request)));
    for (const Indicator& indicator : page.items) {
      IndicatorToProto(indicator, *response->add_indicators());
    }
    response->set_next_page_token(std::move(page.next_page_token));
    return absl::OkStatus();
  });
}

grpc::Status IndicatorServiceImpl::RecordObservation(grpc::ServerContext* server_context,
                                                     const v1::RecordObservationRequest* request,
                                                     v1::Observation* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(
        Observation observation,
        indicators_.Record(caller, ObservationInputFromProto(*request, context_.currency)));
    ObservationToProto(observation, context_.currency, *response);
    return absl::OkStatus();
  });
}

grpc::Status IndicatorServiceImpl::ListObservations(grpc::ServerContext* server_context,
                                                    const v1::ListObservationsRequest* request,
                                                    v1::ListObservationsResponse* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    const usecases::LedgerListRequest list{request->indicator(), request->region_code(),
                                           request->year(), request->page_size(),
                                           request->page_token()};
    TM_ASSIGN_OR_RETURN(usecases::ListPage<Observation> page,
                        indicators_.ListObservations(caller, list));
    for (const Observation& observation : page.items) {
      ObservationToProto(observation, context_.currency, *response->add_observations());
    }
    response->set_next_page_token(std::move(page.next_page_token));
    return absl::OkStatus();
  });
}

}  // namespace techmatch::server
