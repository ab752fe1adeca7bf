#include "core/common/status_macros.h"
#include "server/client_address.h"
#include "server/handler.h"
#include "server/people_conversion.h"
#include "server/people_services.h"
#include "server/proto_fields.h"
#include "server/reference_conversion.h"

namespace techmatch::server {

grpc::Status RegistrationServiceImpl::SubmitApplication(grpc::ServerContext* server_context,
                                                        const v1::SubmitApplicationRequest* request,
                                                        v1::Application* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    const std::string address = ClientAddress(*server_context);
    usecases::NewApplication input = NewApplicationFromProto(*request);
    input.client_address = address;
    TM_ASSIGN_OR_RETURN(Application application, registrations_.Submit(std::move(input)));
    ApplicationToProto(application, *response);
    return absl::OkStatus();
  });
}

grpc::Status RegistrationServiceImpl::GetApplication(grpc::ServerContext* server_context,
                                                     const v1::GetApplicationRequest* request,
                                                     v1::Application* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(Application application, registrations_.Get(request->name()));
    ApplicationToProto(application, *response);
    return absl::OkStatus();
  });
}

grpc::Status RegistrationServiceImpl::ListApplications(grpc::ServerContext* server_context,
                                                       const v1::ListApplicationsRequest* request,
                                                       v1::ListApplicationsResponse* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(usecases::ListPage<Application> page,
                        registrations_.List(ListRequestOf(*request)));
    for (const Application& application : page.items) {
      ApplicationToProto(application, *response->add_applications());
    }
    response->set_next_page_token(std::move(page.next_page_token));
    return absl::OkStatus();
  });
}

grpc::Status RegistrationServiceImpl::ApproveApplication(
    grpc::ServerContext* server_context, const v1::ApproveApplicationRequest* request,
    v1::ApproveApplicationResponse* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(usecases::Approval approval,
                        registrations_.Approve(caller, ApprovalFromProto(*request)));
    ApplicationToProto(approval.application, *response->mutable_application());
    OrganizationToProto(approval.organization, *response->mutable_organization());
    InvitationToProto(approval.invitation.invitation, *response->mutable_invitation());
    response->mutable_invitation()->set_code(approval.invitation.code);
    return absl::OkStatus();
  });
}

grpc::Status RegistrationServiceImpl::RejectApplication(grpc::ServerContext* server_context,
                                                        const v1::RejectApplicationRequest* request,
                                                        v1::Application* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(Application application,
                        registrations_.Reject(request->name(), request->reason()));
    ApplicationToProto(application, *response);
    return absl::OkStatus();
  });
}

void RegistrationServiceImpl::ServeShortReads(AsyncServer& async) {
  async.Serve(*this, &RegistrationServiceImpl::RequestGetApplication,
              &RegistrationServiceImpl::GetApplication);
  async.Serve(*this, &RegistrationServiceImpl::RequestListApplications,
              &RegistrationServiceImpl::ListApplications);
}

}  // namespace techmatch::server
