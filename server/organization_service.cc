#include "server/handler.h"
#include "server/proto_fields.h"
#include "server/reference_conversion.h"
#include "server/reference_services.h"

namespace techmatch::server {

grpc::Status OrganizationServiceImpl::CreateOrganization(
    grpc::ServerContext* server_context, const v1::CreateOrganizationRequest* request,
    v1::Organization* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(Organization org,
                        organizations_.Create(NewOrganizationFromProto(*request)));
    OrganizationToProto(org, *response);
    return absl::OkStatus();
  });
}

grpc::Status OrganizationServiceImpl::GetOrganization(grpc::ServerContext* server_context,
                                                      const v1::GetOrganizationRequest* request,
                                                      v1::Organization* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(Organization org, organizations_.Get(request->name()));
    OrganizationToProto(org, *response);
    return absl::OkStatus();
  });
}

grpc::Status OrganizationServiceImpl::ListOrganizations(grpc::ServerContext* server_context,
                                                        const v1::ListOrganizationsRequest* request,
                                                        v1::ListOrganizationsResponse* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(usecases::ListPage<Organization> page,
                        organizations_.List(ListRequestOf(*request)));
    for (const Organization& org : page.items) {
      OrganizationToProto(org, *response->add_organizations());
    }
    response->set_next_page_token(std::move(page.next_page_token));
    return absl::OkStatus();
  });
}

grpc::Status OrganizationServiceImpl::UpdateOrganization(
    grpc::ServerContext* server_context, const v1::UpdateOrganizationRequest* request,
    v1::Organization* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(Organization org,
                        organizations_.Update(OrganizationUpdateFromProto(*request)));
    OrganizationToProto(org, *response);
    return absl::OkStatus();
  });
}

void OrganizationServiceImpl::ServeShortReads(AsyncServer& async) {
  async.Serve(*this, &OrganizationServiceImpl::RequestGetOrganization,
              &OrganizationServiceImpl::GetOrganization);
  async.Serve(*this, &OrganizationServiceImpl::RequestListOrganizations,
              &OrganizationServiceImpl::ListOrganizations);
}

}  // namespace techmatch::server
