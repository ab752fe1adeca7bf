#include "server/offering_service.h"

#include "core/auth/permissions.h"
#include "core/common/resource_id.h"
#include "server/handler.h"
#include "server/import_flow.h"
#include "server/index_loader.h"
#include "server/list_support.h"
#include "server/offering_conversion.h"
#include "server/proto_fields.h"
#include "server/ranked_list.h"
#include "server/record_flows.h"
#include "server/registration_window.h"

namespace techmatch::server {
namespace {

const RecordRules<Offering>& Rules() {
  static const RecordRules<Offering> kRules{ValidateOffering, CheckOfferingReferences};
  return kRules;
}

// Reads and stores through the repository; an INSTITUTE or ENTERPRISE caller may only change
// its own organization's records, and may not hand one to another organization.
// `late`: the update may add the offering to events whose registration has closed (checked by
// `admit` for the events it did not have before; see server/registration_window.h).
StoredRecord<Offering> Stored(storage::Repository& repository, const Principal& principal,
                              bool late = false) {
  return {[&repository, &principal](absl::string_view id) -> absl::StatusOr<Offering> {
            TM_ASSIGN_OR_RETURN(Offering current, repository.GetOffering(id));
            TM_RETURN_IF_ERROR(
                CheckOwnership(principal, current.institute_id, ResourceName(kOfferings, id)));
            return current;
          },
          [&repository, &principal](const Offering& offering,
                                    int64_t revision) -> absl::StatusOr<Offering> {
            TM_RETURN_IF_ERROR(CheckOwnership(principal, offering.institute_id,
                                              ResourceName(kOfferings, offering.meta.id)));
            return repository.ReplaceOffering(offering, revision);
          },
          CheckOfferingEditable,
          [&repository, late](const Offering& current, Offering& updated) {
            return AdmitToEvents(repository, current.listing, late,
                                 ResourceName(kOfferings, current.meta.id), updated.listing);
          }};
}

}  // namespace

grpc::Status OfferingServiceImpl::CreateOffering(grpc::ServerContext* server_context,
                                                 const v1::CreateOfferingRequest* request,
                                                 v1::Offering* response) {
  return Handle(
      context_, server_context, "/techmatch.v1.OfferingService/CreateOffering", request,
      [&](const Principal& principal) -> absl::Status {
        Violations conversion, request_level;
        Offering offering = OfferingFromProto(request->offering(), context_.currency, conversion);
        // An empty owner is a field violation, reported with the others below.
        if (!offering.institute_id.empty()) {
          TM_RETURN_IF_ERROR(CheckOwnership(principal, offering.institute_id, "offerings"));
        }
        TM_RETURN_IF_ERROR(CheckLateRegistrationAllowed(principal, request->late_registration()));
        CheckRequestId(request->request_id(), request_level);
        TM_RETURN_IF_ERROR(PrepareNew(offering, request->offering_id(), "offering_id", "offering",
                                      conversion, Rules(), context_.repository, request_level));
        TM_RETURN_IF_ERROR(
            AdmitToEvents(context_.repository, Listing{}, request->late_registration(),
                          ResourceName(kOfferings, offering.meta.id), offering.listing));
        TM_ASSIGN_OR_RETURN(Offering created,
                            context_.repository.CreateOffering(
                                offering, {"CreateOffering", request->request_id()}));
        KeepIndexCurrent(context_.matching.IndexOffering(created));
        OfferingToProto(created, context_.currency, *response);
        return absl::OkStatus();
      });
}

grpc::Status OfferingServiceImpl::GetOffering(grpc::ServerContext* server_context,
                                              const v1::GetOfferingRequest* request,
                                              v1::Offering* response) {
  return Handle(context_, server_context, "/techmatch.v1.OfferingService/GetOffering", request,
                [&]() -> absl::Status {
                  TM_ASSIGN_OR_RETURN(std::string id,
                                      ParseResourceName(request->name(), kOfferings, "name"));
                  TM_ASSIGN_OR_RETURN(Offering offering, context_.repository.GetOffering(id));
                  OfferingToProto(std::move(offering), context_.currency, *response);
                  return absl::OkStatus();
                });
}

grpc::Status OfferingServiceImpl::ListOfferings(grpc::ServerContext* server_context,
                                                const v1::ListOfferingsRequest* request,
                                                v1::ListOfferingsResponse* response) {
  return Handle(
      context_, server_context, "/techmatch.v1.OfferingService/ListOfferings", request,
      [&]() -> absl::Status {
        // A query ranks by relevance; its text scopes the page token like the filter does.
        const std::string& query = request->query();
        TM_ASSIGN_OR_RETURN(
            ParsedList list,
            ParseListRequest("ListOfferings", query.empty() ? "" : absl::StrCat("query:", query),
                             request->filter(), request->page_size(), request->page_token(),
                             storage::Repository::OfferingFilterFields(), context_.page_tokens));
        Page<Offering> page;
        if (query.empty()) {
          TM_ASSIGN_OR_RETURN(page, context_.repository.ListOfferings(list.query));
        } else {
          TM_ASSIGN_OR_RETURN(std::vector<SearchHit> hits,
                              context_.matching.SearchOfferings(query, kMaxSearchHits));
          storage::Repository& repository = context_.repository;
          TM_ASSIGN_OR_RETURN(
              page,
              RankedPage<Offering>(hits, list.query, [&repository](const storage::ListQuery& q) {
                return repository.ListOfferings(q);
              }));
        }
        for (Offering& offering : page.items) {
          OfferingToProto(std::move(offering), context_.currency, *response->add_offerings());
        }
        response->set_next_page_token(context_.page_tokens.Encode(list.scope, page.next_after_id));
        return absl::OkStatus();
      });
}

grpc::Status OfferingServiceImpl::UpdateOffering(grpc::ServerContext* server_context,
                                                 const v1::UpdateOfferingRequest* request,
                                                 v1::Offering* response) {
  return Handle(
      context_, server_context, "/techmatch.v1.OfferingService/UpdateOffering", request,
      [&](const Principal& principal) -> absl::Status {
        TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(request->offering().name(),
                                                              kOfferings, "offering.name"));
        Violations conversion;
        const Offering patch =
            OfferingFromProto(request->offering(), context_.currency, conversion);
        TM_RETURN_IF_ERROR(CheckLateRegistrationAllowed(principal, request->late_registration()));
        TM_ASSIGN_OR_RETURN(
            Offering updated,
            UpdateRecord<Offering>(
                Stored(context_.repository, principal, request->late_registration()), Rules(),
                context_.repository, id, request->offering().etag(),
                MaskPaths(request->update_mask(), PopulatedOfferingPaths(request->offering())),
                patch, conversion, "offering", ApplyOfferingUpdate));
        KeepIndexCurrent(context_.matching.IndexOffering(updated));
        OfferingToProto(updated, context_.currency, *response);
        return absl::OkStatus();
      });
}

grpc::Status OfferingServiceImpl::WithdrawOffering(grpc::ServerContext* server_context,
                                                   const v1::WithdrawOfferingRequest* request,
                                                   v1::Offering* response) {
  return Handle(
      context_, server_context, "/techmatch.v1.OfferingService/WithdrawOffering", request,
      [&](const Principal& principal) -> absl::Status {
        TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(request->name(), kOfferings, "name"));
        TM_ASSIGN_OR_RETURN(Offering withdrawn, TransitionRecord<Offering>(
                                                    Stored(context_.repository, principal), id,
                                                    request->etag(), techmatch::WithdrawOffering));
        KeepIndexCurrent(context_.matching.IndexOffering(withdrawn));
        OfferingToProto(withdrawn, context_.currency, *response);
        return absl::OkStatus();
      });
}

OfferingServiceImpl::OfferingServiceImpl(ServiceContext& context) : context_(context) {
  MarkMethodStreamed(MethodIndex("/techmatch.v1.OfferingService/ImportOfferings"),
                     ParsedClientStreamHandler(this, &OfferingServiceImpl::ImportOfferingsParsed));
}

grpc::Status OfferingServiceImpl::ImportOfferingsParsed(
    grpc::ServerContext* server_context, ParsingReader<v1::ImportOfferingsRequest>& reader,
    v1::ImportSummary* response) {
  return Handle(context_, server_context, "/techmatch.v1.OfferingService/ImportOfferings", nullptr,
                [&](const Principal& principal) -> absl::Status {
                  storage::Repository& repository = context_.repository;
                  ImportRegistrationWindow window(repository, principal);
                  const ImportSteps<Offering> steps{
                      Rules(), kOfferings, "offering_id",
                      [&repository](const std::vector<Offering>& offerings) {
                        return repository.CreateOfferings(offerings);
                      },
                      [this](const Offering& offering) {
                        KeepIndexCurrent(context_.matching.IndexOffering(offering));
                      }};
                  return ImportRows<v1::ImportOfferingsRequest, Offering>(
                      *server_context, reader, repository, steps,
                      [this, &principal, &window](const v1::ImportOfferingsRequest& row,
                                                  Violations& conversion,
                                                  std::string& id) -> absl::StatusOr<Offering> {
                        id = row.offering_id();
                        Offering offering =
                            OfferingFromProto(row.offering(), context_.currency, conversion);
                        // Each row is checked on its own: another organization's row is rejected,
                        // the rest of the import goes on.
                        if (!offering.institute_id.empty()) {
                          const absl::Status owned =
                              CheckOwnership(principal, offering.institute_id, "offerings");
                          if (!owned.ok())
                            conversion.Add("institute", std::string(owned.message()));
                        }
                        // Events whose registration has closed take an organizer's late flag on the
                        // row.
                        TM_RETURN_IF_ERROR(window.Admit(
                            row.late_registration(),
                            id.empty() ? "this row's offering" : ResourceName(kOfferings, id),
                            offering.listing, conversion));
                        return offering;
                      },
                      *response);
                });
}

}  // namespace techmatch::server
