#include "server/handler.h"
#include "server/proto_fields.h"
#include "server/reference_conversion.h"
#include "server/reference_services.h"

namespace techmatch::server {

grpc::Status IndustryServiceImpl::ListIndustries(grpc::ServerContext* server_context,
                                                 const v1::ListIndustriesRequest* request,
                                                 v1::ListIndustriesResponse* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(usecases::ListPage<Industry> page,
                        industries_.List(ListRequestOf(*request)));
    for (const Industry& industry : page.items) {
      IndustryToProto(industry, *response->add_industries());
    }
    response->set_next_page_token(std::move(page.next_page_token));
    return absl::OkStatus();
  });
}

grpc::Status IndustryServiceImpl::GetIndustry(grpc::ServerContext* server_context,
                                              const v1::GetIndustryRequest* request,
                                              v1::Industry* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(Industry industry, industries_.Get(request->name()));
    IndustryToProto(industry, *response);
    return absl::OkStatus();
  });
}

grpc::Status IndustryServiceImpl::CreateIndustry(grpc::ServerContext* server_context,
                                                 const v1::CreateIndustryRequest* request,
                                                 v1::Industry* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(Industry industry, industries_.Create(NewIndustryFromProto(*request)));
    IndustryToProto(industry, *response);
    return absl::OkStatus();
  });
}

void IndustryServiceImpl::ServeShortReads(AsyncServer& async) {
  async.Serve(*this, &IndustryServiceImpl::RequestGetIndustry, &IndustryServiceImpl::GetIndustry);
  async.Serve(*this, &IndustryServiceImpl::RequestListIndustries,
              &IndustryServiceImpl::ListIndustries);
}

}  // namespace techmatch::server
