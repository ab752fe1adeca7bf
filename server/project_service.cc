#include "server/project_service.h"

#include "server/handler.h"
#include "server/project_conversion.h"
#include "server/proto_fields.h"

namespace techmatch::server {

grpc::Status ProjectServiceImpl::CreateProject(grpc::ServerContext* server_context,
                                               const v1::CreateProjectRequest* request,
                                               v1::Project* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(Project project,
                        projects_.Create(caller, NewProjectFromProto(*request, context_.currency)));
    ProjectToProto(project, context_.currency, *response);
    return absl::OkStatus();
  });
}

grpc::Status ProjectServiceImpl::GetProject(grpc::ServerContext* server_context,
                                            const v1::GetProjectRequest* request,
                                            v1::Project* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(Project project, projects_.Get(caller, request->name()));
    ProjectToProto(project, context_.currency, *response);
    return absl::OkStatus();
  });
}

grpc::Status ProjectServiceImpl::ListProjects(grpc::ServerContext* server_context,
                                              const v1::ListProjectsRequest* request,
                                              v1::ListProjectsResponse* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(usecases::ListPage<Project> page,
                        projects_.List(caller, ListRequestOf(*request)));
    for (const Project& project : page.items) {
      ProjectToProto(project, context_.currency, *response->add_projects());
    }
    response->set_next_page_token(std::move(page.next_page_token));
    return absl::OkStatus();
  });
}

grpc::Status ProjectServiceImpl::UpdateProject(grpc::ServerContext* server_context,
                                               const v1::UpdateProjectRequest* request,
                                               v1::Project* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(
        Project project,
        projects_.Update(caller, ProjectUpdateFromProto(*request, context_.currency)));
    ProjectToProto(project, context_.currency, *response);
    return absl::OkStatus();
  });
}

grpc::Status ProjectServiceImpl::RecordFundArrival(grpc::ServerContext* server_context,
                                                   const v1::RecordFundArrivalRequest* request,
                                                   v1::FundArrival* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(
        FundArrival arrival,
        projects_.RecordFundArrival(caller, NewFundArrivalFromProto(*request, context_.currency)));
    FundArrivalToProto(arrival, context_.currency, *response);
    return absl::OkStatus();
  });
}

grpc::Status ProjectServiceImpl::ListFundArrivals(grpc::ServerContext* server_context,
                                                  const v1::ListFundArrivalsRequest* request,
                                                  v1::ListFundArrivalsResponse* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(
        usecases::ListPage<FundArrival> page,
        projects_.ListFundArrivals(caller, request->parent(),
                                   {"", request->page_size(), request->page_token()}));
    for (const FundArrival& arrival : page.items) {
      FundArrivalToProto(arrival, context_.currency, *response->add_fund_arrivals());
    }
    response->set_next_page_token(std::move(page.next_page_token));
    return absl::OkStatus();
  });
}

}  // namespace techmatch::server
