#include "core/common/resource_id.h"
#include "server/handler.h"
#include "server/list_support.h"
#include "server/proto_fields.h"
#include "server/record_flows.h"
#include "server/reference_conversion.h"
#include "server/reference_services.h"

namespace techmatch::server {
namespace {

const RecordRules<Organization>& Rules() {
  static const RecordRules<Organization> kRules{ValidateOrganization, CheckOrganizationReferences};
  return kRules;
}

}  // namespace

grpc::Status OrganizationServiceImpl::CreateOrganization(
    grpc::ServerContext* server_context, const v1::CreateOrganizationRequest* request,
    v1::Organization* response) {
  return Handle(context_, server_context, "/techmatch.v1.OrganizationService/CreateOrganization",
                request, [&]() -> absl::Status {
                  Violations conversion, request_level;
                  Organization org = OrganizationFromProto(request->organization(),
                                                           /*require_kind=*/true, conversion);
                  CheckRequestId(request->request_id(), request_level);
                  TM_RETURN_IF_ERROR(PrepareNew(org, request->organization_id(), "organization_id",
                                                "organization", conversion, Rules(),
                                                context_.repository, request_level));
                  TM_ASSIGN_OR_RETURN(Organization created,
                                      context_.repository.CreateOrganization(
                                          org, {"CreateOrganization", request->request_id()}));
                  OrganizationToProto(created, *response);
                  return absl::OkStatus();
                });
}

grpc::Status OrganizationServiceImpl::GetOrganization(grpc::ServerContext* server_context,
                                                      const v1::GetOrganizationRequest* request,
                                                      v1::Organization* response) {
  return Handle(context_, server_context, "/techmatch.v1.OrganizationService/GetOrganization",
                request, [&]() -> absl::Status {
                  TM_ASSIGN_OR_RETURN(std::string id,
                                      ParseResourceName(request->name(), kOrganizations, "name"));
                  TM_ASSIGN_OR_RETURN(Organization org, context_.repository.GetOrganization(id));
                  OrganizationToProto(org, *response);
                  return absl::OkStatus();
                });
}

grpc::Status OrganizationServiceImpl::ListOrganizations(grpc::ServerContext* server_context,
                                                        const v1::ListOrganizationsRequest* request,
                                                        v1::ListOrganizationsResponse* response) {
  return Handle(
      context_, server_context, "/techmatch.v1.OrganizationService/ListOrganizations", request,
      [&]() -> absl::Status {
        TM_ASSIGN_OR_RETURN(
            ParsedList list,
            ParseListRequest("ListOrganizations", "", request->filter(), request->page_size(),
                             request->page_token(), storage::Repository::OrganizationFilterFields(),
                             context_.page_tokens));
        TM_ASSIGN_OR_RETURN(Page<Organization> page,
                            context_.repository.ListOrganizations(list.query));
        for (const Organization& org : page.items) {
          OrganizationToProto(org, *response->add_organizations());
        }
        response->set_next_page_token(context_.page_tokens.Encode(list.scope, page.next_after_id));
        return absl::OkStatus();
      });
}

grpc::Status OrganizationServiceImpl::UpdateOrganization(
    grpc::ServerContext* server_context, const v1::UpdateOrganizationRequest* request,
    v1::Organization* response) {
  return Handle(
      context_, server_context, "/techmatch.v1.OrganizationService/UpdateOrganization", request,
      [&]() -> absl::Status {
        TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(request->organization().name(),
                                                              kOrganizations, "organization.name"));
        Violations conversion;
        // `kind` is immutable, so a patch may leave it unset.
        const Organization patch =
            OrganizationFromProto(request->organization(), /*require_kind=*/false, conversion);
        storage::Repository& repository = context_.repository;
        const StoredRecord<Organization> stored{
            [&repository](absl::string_view key) { return repository.GetOrganization(key); },
            [&repository](const Organization& org, int64_t revision) {
              return repository.ReplaceOrganization(org, revision);
            },
            nullptr};
        TM_ASSIGN_OR_RETURN(Organization updated,
                            UpdateRecord<Organization>(
                                stored, Rules(), repository, id, request->organization().etag(),
                                MaskPaths(request->update_mask(),
                                          PopulatedOrganizationPaths(request->organization())),
                                patch, conversion, "organization", ApplyOrganizationUpdate));
        OrganizationToProto(updated, *response);
        return absl::OkStatus();
      });
}

}  // namespace techmatch::server
