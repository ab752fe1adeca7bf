// techmatch.v1.ProjectService: each handler converts its request, calls one use case of
// usecases/projects.h and converts the answer.
#ifndef TECHMATCH_SERVER_PROJECT_SERVICE_H_
#define TECHMATCH_SERVER_PROJECT_SERVICE_H_

#include "server/service_context.h"
#include "techmatch/v1/project.grpc.pb.h"
#include "usecases/projects.h"

namespace techmatch::server {

class ProjectServiceImpl final : public v1::ProjectService::Service {
 public:
  explicit ProjectServiceImpl(ServiceContext& context)
      : context_(context),
        projects_(context.repository, context.page_tokens, context.currency.minor_digits()) {}

  grpc::Status CreateProject(grpc::ServerContext* context, const v1::CreateProjectRequest* request,
                             v1::Project* response) override;
  grpc::Status GetProject(grpc::ServerContext* context, const v1::GetProjectRequest* request,
                          v1::Project* response) override;
  grpc::Status ListProjects(grpc::ServerContext* context, const v1::ListProjectsRequest* request,
                            v1::ListProjectsResponse* response) override;
  grpc::Status UpdateProject(grpc::ServerContext* context, const v1::UpdateProjectRequest* request,
                             v1::Project* response) override;
  grpc::Status RecordFundArrival(grpc::ServerContext* context,
                                 const v1::RecordFundArrivalRequest* request,
                                 v1::FundArrival* response) override;
  grpc::Status ListFundArrivals(grpc::ServerContext* context,
                                const v1::ListFundArrivalsRequest* request,
                                v1::ListFundArrivalsResponse* response) override;

 private:
  ServiceContext& context_;
  usecases::Projects projects_;
};

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_PROJECT_SERVICE_H_
