#include "server/need_service.h"

#include "core/auth/permissions.h"
#include "core/common/resource_id.h"
#include "server/handler.h"
#include "server/import_flow.h"
#include "server/index_loader.h"
#include "server/list_support.h"
#include "server/need_conversion.h"
#include "server/proto_fields.h"
#include "server/ranked_list.h"
#include "server/record_flows.h"
#include "server/registration_window.h"

namespace techmatch::server {
namespace {

const RecordRules<Need>& Rules() {
  static const RecordRules<Need> kRules{ValidateNeed, CheckNeedReferences};
  return kRules;
}

// Reads and stores through the repository; an INSTITUTE or ENTERPRISE caller may only change
// its own organization's records, and may not hand one to another organization.
// `late`: the update may add the need to events whose registration has closed (checked by
// `admit` for the events it did not have before; see server/registration_window.h).
StoredRecord<Need> Stored(storage::Repository& repository, const Principal& principal,
                          bool late = false) {
  return {[&repository, &principal](absl::string_view id) -> absl::StatusOr<Need> {
            TM_ASSIGN_OR_RETURN(Need current, repository.GetNeed(id));
            TM_RETURN_IF_ERROR(
                CheckOwnership(principal, current.enterprise_id, ResourceName(kNeeds, id)));
            return current;
          },
          [&repository, &principal](const Need& need, int64_t revision) -> absl::StatusOr<Need> {
            TM_RETURN_IF_ERROR(
                CheckOwnership(principal, need.enterprise_id, ResourceName(kNeeds, need.meta.id)));
            return repository.ReplaceNeed(need, revision);
          },
          CheckNeedEditable,
          [&repository, late](const Need& current, Need& updated) {
            return AdmitToEvents(repository, current.listing, late,
                                 ResourceName(kNeeds, current.meta.id), updated.listing);
          }};
}

}  // namespace

grpc::Status NeedServiceImpl::CreateNeed(grpc::ServerContext* server_context,
                                         const v1::CreateNeedRequest* request, v1::Need* response) {
  return Handle(
      context_, server_context, "/techmatch.v1.NeedService/CreateNeed", request,
      [&](const Principal& principal) -> absl::Status {
        Violations conversion, request_level;
        Need need = NeedFromProto(request->need(), context_.currency, conversion);
        // An empty owner is a field violation, reported with the others below.
        if (!need.enterprise_id.empty()) {
          TM_RETURN_IF_ERROR(CheckOwnership(principal, need.enterprise_id, "needs"));
        }
        TM_RETURN_IF_ERROR(CheckLateRegistrationAllowed(principal, request->late_registration()));
        CheckRequestId(request->request_id(), request_level);
        TM_RETURN_IF_ERROR(PrepareNew(need, request->need_id(), "need_id", "need", conversion,
                                      Rules(), context_.repository, request_level));
        TM_RETURN_IF_ERROR(AdmitToEvents(context_.repository, Listing{},
                                         request->late_registration(),
                                         ResourceName(kNeeds, need.meta.id), need.listing));
        TM_ASSIGN_OR_RETURN(Need created, context_.repository.CreateNeed(
                                              need, {"CreateNeed", request->request_id()}));
        KeepIndexCurrent(context_.matching.IndexNeed(created));
        NeedToProto(created, context_.currency, *response);
        return absl::OkStatus();
      });
}

grpc::Status NeedServiceImpl::GetNeed(grpc::ServerContext* server_context,
                                      const v1::GetNeedRequest* request, v1::Need* response) {
  return Handle(context_, server_context, "/techmatch.v1.NeedService/GetNeed", request,
                [&]() -> absl::Status {
                  TM_ASSIGN_OR_RETURN(std::string id,
                                      ParseResourceName(request->name(), kNeeds, "name"));
                  TM_ASSIGN_OR_RETURN(Need need, context_.repository.GetNeed(id));
                  NeedToProto(std::move(need), context_.currency, *response);
                  return absl::OkStatus();
                });
}

grpc::Status NeedServiceImpl::ListNeeds(grpc::ServerContext* server_context,
                                        const v1::ListNeedsRequest* request,
                                        v1::ListNeedsResponse* response) {
  return Handle(
      context_, server_context, "/techmatch.v1.NeedService/ListNeeds", request,
      [&]() -> absl::Status {
        // A query ranks by relevance; its text scopes the page token like the filter does.
        const std::string& query = request->query();
        TM_ASSIGN_OR_RETURN(
            ParsedList list,
            ParseListRequest("ListNeeds", query.empty() ? "" : absl::StrCat("query:", query),
                             request->filter(), request->page_size(), request->page_token(),
                             storage::Repository::NeedFilterFields(), context_.page_tokens));
        Page<Need> page;
        if (query.empty()) {
          TM_ASSIGN_OR_RETURN(page, context_.repository.ListNeeds(list.query));
        } else {
          TM_ASSIGN_OR_RETURN(std::vector<SearchHit> hits,
                              context_.matching.SearchNeeds(query, kMaxSearchHits));
          storage::Repository& repository = context_.repository;
          TM_ASSIGN_OR_RETURN(
              page, RankedPage<Need>(hits, list.query, [&repository](const storage::ListQuery& q) {
                return repository.ListNeeds(q);
              }));
        }
        for (Need& need : page.items) {
          NeedToProto(std::move(need), context_.currency, *response->add_needs());
        }
        response->set_next_page_token(context_.page_tokens.Encode(list.scope, page.next_after_id));
        return absl::OkStatus();
      });
}

grpc::Status NeedServiceImpl::UpdateNeed(grpc::ServerContext* server_context,
                                         const v1::UpdateNeedRequest* request, v1::Need* response) {
  return Handle(
      context_, server_context, "/techmatch.v1.NeedService/UpdateNeed", request,
      [&](const Principal& principal) -> absl::Status {
        TM_ASSIGN_OR_RETURN(std::string id,
                            ParseResourceName(request->need().name(), kNeeds, "need.name"));
        Violations conversion;
        const Need patch = NeedFromProto(request->need(), context_.currency, conversion);
        TM_RETURN_IF_ERROR(CheckLateRegistrationAllowed(principal, request->late_registration()));
        TM_ASSIGN_OR_RETURN(
            Need updated,
            UpdateRecord<Need>(
                Stored(context_.repository, principal, request->late_registration()), Rules(),
                context_.repository, id, request->need().etag(),
                MaskPaths(request->update_mask(), PopulatedNeedPaths(request->need())), patch,
                conversion, "need", ApplyNeedUpdate));
        KeepIndexCurrent(context_.matching.IndexNeed(updated));
        NeedToProto(updated, context_.currency, *response);
        return absl::OkStatus();
      });
}

grpc::Status NeedServiceImpl::WithdrawNeed(grpc::ServerContext* server_context,
                                           const v1::WithdrawNeedRequest* request,
                                           v1::Need* response) {
  return Handle(
      context_, server_context, "/techmatch.v1.NeedService/WithdrawNeed", request,
      [&](const Principal& principal) -> absl::Status {
        TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(request->name(), kNeeds, "name"));
        TM_ASSIGN_OR_RETURN(Need withdrawn,
                            TransitionRecord<Need>(Stored(context_.repository, principal), id,
                                                   request->etag(), techmatch::WithdrawNeed));
        KeepIndexCurrent(context_.matching.IndexNeed(withdrawn));
        NeedToProto(withdrawn, context_.currency, *response);
        return absl::OkStatus();
      });
}

NeedServiceImpl::NeedServiceImpl(ServiceContext& context) : context_(context) {
  MarkMethodStreamed(MethodIndex("/techmatch.v1.NeedService/ImportNeeds"),
                     ParsedClientStreamHandler(this, &NeedServiceImpl::ImportNeedsParsed));
}

grpc::Status NeedServiceImpl::ImportNeedsParsed(grpc::ServerContext* server_context,
                                                ParsingReader<v1::ImportNeedsRequest>& reader,
                                                v1::ImportSummary* response) {
  return Handle(
      context_, server_context, "/techmatch.v1.NeedService/ImportNeeds", nullptr,
      [&](const Principal& principal) -> absl::Status {
        storage::Repository& repository = context_.repository;
        ImportRegistrationWindow window(repository, principal);
        const ImportSteps<Need> steps{
            Rules(), kNeeds, "need_id",
            [&repository](const std::vector<Need>& needs) { return repository.CreateNeeds(needs); },
            [this](const Need& need) { KeepIndexCurrent(context_.matching.IndexNeed(need)); }};
        return ImportRows<v1::ImportNeedsRequest, Need>(
            *server_context, reader, repository, steps,
            [this, &principal, &window](const v1::ImportNeedsRequest& row, Violations& conversion,
                                        std::string& id) -> absl::StatusOr<Need> {
              id = row.need_id();
              Need need = NeedFromProto(row.need(), context_.currency, conversion);
              // Each row is checked on its own: another organization's row is rejected, the rest
              // of the import goes on.
              if (!need.enterprise_id.empty()) {
                const absl::Status owned = CheckOwnership(principal, need.enterprise_id, "needs");
                if (!owned.ok()) conversion.Add("enterprise", std::string(owned.message()));
              }
              // Events whose registration has closed take an organizer's late flag on the row.
              TM_RETURN_IF_ERROR(
                  window.Admit(row.late_registration(),
                               id.empty() ? "this row's need" : ResourceName(kNeeds, id),
                               need.listing, conversion));
              return need;
            },
            *response);
      });
}

}  // namespace techmatch::server
