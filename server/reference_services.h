// techmatch.v1 IndustryService, OrganizationService and EventService: reference data and
// events. Each handler converts its request, calls one use case (usecases/industries.h,
// organizations.h, events.h) and converts the answer.
#ifndef TECHMATCH_SERVER_REFERENCE_SERVICES_H_
#define TECHMATCH_SERVER_REFERENCE_SERVICES_H_

#include "server/async_server.h"
#include "server/service_context.h"
#include "techmatch/v1/event.grpc.pb.h"
#include "techmatch/v1/industry.grpc.pb.h"
#include "techmatch/v1/organization.grpc.pb.h"
#include "usecases/events.h"
#include "usecases/industries.h"
#include "usecases/organizations.h"

namespace techmatch::server {

// GetIndustry and ListIndustries: short reads, served from the completion queues
// (server/async_server.h). The base takes them off the sync API; ServeShortReads hands them to the
// queues. Keep the two lists the same.
using IndustryServiceImplBase = v1::IndustryService::WithRawMethod_GetIndustry<
    v1::IndustryService::WithRawMethod_ListIndustries<v1::IndustryService::Service>>;

class IndustryServiceImpl final : public IndustryServiceImplBase {
 public:
  // Serves the methods of the base class comment from `async`'s queues.
  void ServeShortReads(AsyncServer& async);
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

// GetOrganization and ListOrganizations: short reads, served from the completion queues
// (server/async_server.h). The base takes them off the sync API; ServeShortReads hands them to the
// queues. Keep the two lists the same.
using OrganizationServiceImplBase = v1::OrganizationService::WithRawMethod_GetOrganization<
    v1::OrganizationService::WithRawMethod_ListOrganizations<v1::OrganizationService::Service>>;

class OrganizationServiceImpl final : public OrganizationServiceImplBase {
 public:
  // Serves the methods of the base class comment from `async`'s queues.
  void ServeShortReads(AsyncServer& async);
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

// GetEvent, ListEvents and ListParticipants: short reads, served from the completion queues
// (server/async_server.h). The base takes them off the sync API; ServeShortReads hands them to the
// queues. Keep the two lists the same.
using EventServiceImplBase =
    v1::EventService::WithRawMethod_GetEvent<v1::EventService::WithRawMethod_ListEvents<
        v1::EventService::WithRawMethod_ListParticipants<v1::EventService::Service>>>;

class EventServiceImpl final : public EventServiceImplBase {
 public:
  // Serves the methods of the base class comment from `async`'s queues.
  void ServeShortReads(AsyncServer& async);
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
