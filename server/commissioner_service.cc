#include "server/commissioner_service.h"

#include "server/commissioner_conversion.h"
#include "server/handler.h"
#include "server/proto_fields.h"

namespace techmatch::server {

grpc::Status CommissionerServiceImpl::CreateCommissioner(
    grpc::ServerContext* server_context, const v1::CreateCommissionerRequest* request,
    v1::Commissioner* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(
        Commissioner commissioner,
        commissioners_.Create(caller, NewCommissionerFromProto(*request, context_.currency)));
    CommissionerToProto(commissioner, context_.currency, *response);
    return absl::OkStatus();
  });
}

grpc::Status CommissionerServiceImpl::GetCommissioner(grpc::ServerContext* server_context,
                                                      const v1::GetCommissionerRequest* request,
                                                      v1::Commissioner* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(Commissioner commissioner, commissioners_.Get(caller, request->name()));
    CommissionerToProto(commissioner, context_.currency, *response);
    return absl::OkStatus();
  });
}

grpc::Status CommissionerServiceImpl::ListCommissioners(grpc::ServerContext* server_context,
                                                        const v1::ListCommissionersRequest* request,
                                                        v1::ListCommissionersResponse* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(usecases::ListPage<Commissioner> page,
                        commissioners_.List(caller, ListRequestOf(*request)));
    for (const Commissioner& commissioner : page.items) {
      CommissionerToProto(commissioner, context_.currency, *response->add_commissioners());
    }
    response->set_next_page_token(std::move(page.next_page_token));
    return absl::OkStatus();
  });
}

grpc::Status CommissionerServiceImpl::UpdateCommissioner(
    grpc::ServerContext* server_context, const v1::UpdateCommissionerRequest* request,
    v1::Commissioner* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(
        Commissioner commissioner,
        commissioners_.Update(caller, CommissionerUpdateFromProto(*request, context_.currency)));
    CommissionerToProto(commissioner, context_.currency, *response);
    return absl::OkStatus();
  });
}

}  // namespace techmatch::server
