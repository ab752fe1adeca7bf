// techmatch.v1 IndustryService, OrganizationService and EventService: reference data and
// events. Each handler converts its request, calls one use case (usecases/industries.h,
// organizations.h, events.h) and converts the answer.
#ifndef TECHMATCH_SERVER_REFERENCE_SERVICES_H_
#define TECHMATCH_SERVER_REFERENCE_SERVICES_H_

#include "server/service_context.h"
#include "techmatch/v1/event.grpc.pb.h"
#include "techmatch/v1/industry.grpc.pb.h"
#include "techmatch/v1/organization.grpc.pb.h"
#include "usecases/events.h"
#include "usecases/industries.h"
#include "usecases/organizations.h"

namespace techmatch::server {

class IndustryServiceImpl final : public v1::IndustryService::Service {
 public:
  explicit IndustryServiceImpl(ServiceContext& context)
      : context_(context), industries_(context.repository, context.page_tokens) {}

  grpc::Status ListIndustries(grpc::ServerContext* context,
                              const v1::ListIndustriesRequest* request,
                              v1::ListIndustriesResponse* response) override;
  grpc::Status GetIndustry(grpc::ServerContext* context, const v1::GetIndustryRequest* request,
                           v1::Industry* response) override;
  grpc::Status CreateIndustry(grpc::ServerContext* context,
                              const v1::CreateIndustryRequest* request,
                              v1::Industry* response) override;

 private:
  ServiceContext& context_;
  usecases::Industries industries_;
};

class OrganizationServiceImpl final : public v1::OrganizationService::Service {
 public:
  explicit OrganizationServiceImpl(ServiceContext& context)
      : context_(context), organizations_(context.repository, context.page_tokens) {}

  grpc::Status CreateOrganization(grpc::ServerContext* context,
                                  const v1::CreateOrganizationRequest* request,
                                  v1::Organization* response) override;
  grpc::Status GetOrganization(grpc::ServerContext* context,
                               const v1::GetOrganizationRequest* request,
                               v1::Organization* response) override;
  grpc::Status ListOrganizations(grpc::ServerContext* context,
                                 const v1::ListOrganizationsRequest* request,
                                 v1::ListOrganizationsResponse* response) override;
  grpc::Status UpdateOrganization(grpc::ServerContext* context,
                                  const v1::UpdateOrganizationRequest* request,
                                  v1::Organization* response) override;

 private:
  ServiceContext& context_;
  usecases::Organizations organizations_;
};

class EventServiceImpl final : public v1::EventService::Service {
 public:
  explicit EventServiceImpl(ServiceContext& context)
      : context_(context), events_(context.repository, context.page_tokens) {}

  grpc::Status CreateEvent(grpc::ServerContext* context, const v1::CreateEventRequest* request,
                           v1::Event* response) override;
  grpc::Status GetEvent(grpc::ServerContext* context, const v1::GetEventRequest* request,
                        v1::Event* response) override;
  grpc::Status ListEvents(grpc::ServerContext* context, const v1::ListEventsRequest* request,
                          v1::ListEventsResponse* response) override;
  grpc::Status UpdateEvent(grpc::ServerContext* context, const v1::UpdateEventRequest* request,
                           v1::Event* response) override;
  grpc::Status RegisterParticipant(grpc::ServerContext* context,
                                   const v1::RegisterParticipantRequest* request,
                                   v1::Participant* response) override;
  grpc::Status ListParticipants(grpc::ServerContext* context,
                                const v1::ListParticipantsRequest* request,
                                v1::ListParticipantsResponse* response) override;

 private:
  ServiceContext& context_;
  usecases::Events events_;
};

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_REFERENCE_SERVICES_H_
