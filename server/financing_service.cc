#include "server/financing_service.h"

#include "server/financing_conversion.h"
#include "server/handler.h"
#include "server/proto_fields.h"

namespace techmatch::server {

grpc::Status FinancingServiceImpl::CreateFinancing(grpc::ServerContext* server_context,
                                                   const v1::CreateFinancingRequest* request,
                                                   v1::Financing* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(
        Financing financing,
        financings_.Create(caller, NewFinancingFromProto(*request, context_.currency)));
    FinancingToProto(financing, context_.currency, *response);
    return absl::OkStatus();
  });
}

grpc::Status FinancingServiceImpl::GetFinancing(grpc::ServerContext* server_context,
                                                const v1::GetFinancingRequest* request,
                                                v1::Financing* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(Financing financing, financings_.Get(caller, request->name()));
    FinancingToProto(financing, context_.currency, *response);
    return absl::OkStatus();
  });
}

grpc::Status FinancingServiceImpl::ListFinancings(grpc::ServerContext* server_context,
                                                  const v1::ListFinancingsRequest* request,
                                                  v1::ListFinancingsResponse* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(usecases::ListPage<Financing> page,
                        financings_.List(caller, ListRequestOf(*request)));
    for (const Financing& financing : page.items) {
      FinancingToProto(financing, context_.currency, *response->add_financings());
    }
    response->set_next_page_token(std::move(page.next_page_token));
    return absl::OkStatus();
  });
}

}  // namespace techmatch::server
