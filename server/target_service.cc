#include "server/target_service.h"

#include "core/common/status_macros.h"
#include "server/handler.h"
#include "server/target_conversion.h"

namespace techmatch::server {

grpc::Status TargetServiceImpl::CreateTarget(grpc::ServerContext* server_context,
                                             const v1::CreateTargetRequest* request,
                                             v1::Target* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(usecases::TargetView view,
                        targets_.Create(caller, NewTargetFromProto(*request, context_.currency)));
    TargetViewToProto(view, context_.currency, *response);
    return absl::OkStatus();
  });
}

grpc::Status TargetServiceImpl::GetTarget(grpc::ServerContext* server_context,
                                          const v1::GetTargetRequest* request,
                                          v1::Target* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(usecases::TargetView view, targets_.Get(caller, request->name()));
    TargetViewToProto(view, context_.currency, *response);
    return absl::OkStatus();
  });
}

grpc::Status TargetServiceImpl::ListTargets(grpc::ServerContext* server_context,
                                            const v1::ListTargetsRequest* request,
                                            v1::ListTargetsResponse* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    const usecases::LedgerListRequest list{request->indicator(), request->region_code(),
                                           request->year(), request->page_size(),
                                           request->page_token()};
    TM_ASSIGN_OR_RETURN(usecases::ListPage<usecases::TargetView> page, targets_.List(caller, list));
    for (const usecases::TargetView& view : page.items) {
      TargetViewToProto(view, context_.currency, *response->add_targets());
    }
    response->set_next_page_token(std::move(page.next_page_token));
    return absl::OkStatus();
  });
}

grpc::Status TargetServiceImpl::UpdateTarget(grpc::ServerContext* server_context,
                                             const v1::UpdateTargetRequest* request,
                                             v1::Target* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(
        usecases::TargetView view,
        targets_.Update(caller, TargetUpdateFromProto(*request, context_.currency)));
    TargetViewToProto(view, context_.currency, *response);
    return absl::OkStatus();
  });
}

}  // namespace techmatch::server
