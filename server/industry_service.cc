#include "core/common/resource_id.h"
#include "server/handler.h"
#include "server/list_support.h"
#include "server/record_flows.h"
#include "server/reference_conversion.h"
#include "server/reference_services.h"

namespace techmatch::server {
namespace {

const RecordRules<Industry>& Rules() {
  static const RecordRules<Industry> kRules{
      ValidateIndustry,
      [](const Industry&, ReferenceLookup&, Violations&) { return absl::OkStatus(); }};
  return kRules;
}

}  // namespace

grpc::Status IndustryServiceImpl::ListIndustries(grpc::ServerContext* server_context,
                                                 const v1::ListIndustriesRequest* request,
                                                 v1::ListIndustriesResponse* response) {
  return Handle(
      context_, server_context, "/techmatch.v1.IndustryService/ListIndustries", request,
      [&]() -> absl::Status {
        TM_ASSIGN_OR_RETURN(
            ParsedList list,
            ParseListRequest("ListIndustries", "", request->filter(), request->page_size(),
                             request->page_token(), {}, context_.page_tokens));
        TM_ASSIGN_OR_RETURN(Page<Industry> page, context_.repository.ListIndustries(list.query));
        for (const Industry& industry : page.items) {
          IndustryToProto(industry, *response->add_industries());
        }
        response->set_next_page_token(context_.page_tokens.Encode(list.scope, page.next_after_id));
        return absl::OkStatus();
      });
}

grpc::Status IndustryServiceImpl::GetIndustry(grpc::ServerContext* server_context,
                                              const v1::GetIndustryRequest* request,
                                              v1::Industry* response) {
  return Handle(context_, server_context, "/techmatch.v1.IndustryService/GetIndustry", request,
                [&]() -> absl::Status {
                  TM_ASSIGN_OR_RETURN(std::string code,
                                      ParseResourceName(request->name(), kIndustries, "name"));
                  TM_ASSIGN_OR_RETURN(Industry industry, context_.repository.GetIndustry(code));
                  IndustryToProto(industry, *response);
                  return absl::OkStatus();
                });
}

grpc::Status IndustryServiceImpl::CreateIndustry(grpc::ServerContext* server_context,
                                                 const v1::CreateIndustryRequest* request,
                                                 v1::Industry* response) {
  return Handle(
      context_, server_context, "/techmatch.v1.IndustryService/CreateIndustry", request,
      [&]() -> absl::Status {
        Violations request_level;
        CheckRequestId(request->request_id(), request_level);
        // An industry's id is its code, which people read in filters: never generated.
        if (request->industry_id().empty())
          request_level.Add("industry_id", "is required (the code)");
        Industry industry = IndustryFromProto(request->industry());
        TM_RETURN_IF_ERROR(PrepareNew(industry, request->industry_id(), "industry_id", "industry",
                                      Violations(), Rules(), context_.repository, request_level));
        TM_ASSIGN_OR_RETURN(Industry created,
                            context_.repository.CreateIndustry(
                                industry, {"CreateIndustry", request->request_id()}));
        IndustryToProto(created, *response);
        return absl::OkStatus();
      });
}

}  // namespace techmatch::server
