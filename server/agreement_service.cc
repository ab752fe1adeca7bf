#include "server/agreement_service.h"

#include "absl/time/clock.h"
#include "core/common/filter.h"
#include "core/common/resource_id.h"
#include "server/agreement_conversion.h"
#include "server/call_deadline.h"
#include "server/handler.h"
#include "server/list_support.h"
#include "server/proto_fields.h"
#include "server/record_flows.h"

namespace techmatch::server {
namespace {

// Messages of the export stream hold at most this many agreements.
constexpr int kExportBatch = 100;

RecordRules<Agreement> Rules(storage::Repository& repository) {
  return {ValidateAgreement, [&repository](const Agreement& a, ReferenceLookup&, Violations& v) {
            return CheckAgreementReferences(a, repository, v);
          }};
}

StoredRecord<Agreement> Stored(storage::Repository& repository) {
  return {[&repository](absl::string_view id) { return repository.GetAgreement(id); },
          [&repository](const Agreement& a, int64_t revision) {
            return repository.ReplaceAgreement(a, revision, {});
          },
          nullptr};
}

// A lifecycle method: existence, etag, then the domain's transition.
template <typename Request>
absl::Status Transition(ServiceContext& context, const Request& request,
                        absl::Status (*transition)(Agreement&), v1::Agreement& response) {
  TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(request.name(), kAgreements, "name"));
  TM_ASSIGN_OR_RETURN(Agreement moved, TransitionRecord<Agreement>(Stored(context.repository), id,
                                                                   request.etag(), transition));
  AgreementToProto(moved, context.currency, nullptr, response);
  return absl::OkStatus();
}

}  // namespace

grpc::Status AgreementServiceImpl::CreateAgreement(grpc::ServerContext* server_context,
                                                   const v1::CreateAgreementRequest* request,
                                                   v1::Agreement* response) {
  return Handle(context_, server_context, "/techmatch.v1.AgreementService/CreateAgreement", request,
                [&]() -> absl::Status {
                  Violations conversion, request_level;
                  Agreement agreement =
                      AgreementFromProto(request->agreement(), context_.currency, conversion);
                  CheckRequestId(request->request_id(), request_level);
                  TM_RETURN_IF_ERROR(PrepareNew(agreement, request->agreement_id(), "agreement_id",
                                                "agreement", conversion, Rules(context_.repository),
                                                context_.repository, request_level));
                  TM_ASSIGN_OR_RETURN(Agreement created,
                                      context_.repository.CreateAgreement(
                                          agreement, {"CreateAgreement", request->request_id()}));
                  AgreementToProto(created, context_.currency, nullptr, *response);
                  return absl::OkStatus();
                });
}

grpc::Status AgreementServiceImpl::GetAgreement(grpc::ServerContext* server_context,
                                                const v1::GetAgreementRequest* request,
                                                v1::Agreement* response) {
  return Handle(context_, server_context, "/techmatch.v1.AgreementService/GetAgreement", request,
                [&]() -> absl::Status {
                  TM_ASSIGN_OR_RETURN(std::string id,
                                      ParseResourceName(request->name(), kAgreements, "name"));
                  TM_ASSIGN_OR_RETURN(Agreement agreement, context_.repository.GetAgreement(id));
                  if (request->view() == v1::AGREEMENT_VIEW_WITH_HISTORY) {
                    TM_ASSIGN_OR_RETURN(std::vector<AmountChange> history,
                                        context_.repository.GetAgreementHistory(id));
                    AgreementToProto(agreement, context_.currency, &history, *response);
                  } else {
                    AgreementToProto(agreement, context_.currency, nullptr, *response);
                  }
                  return absl::OkStatus();
                });
}

grpc::Status AgreementServiceImpl::ListAgreements(grpc::ServerContext* server_context,
                                                  const v1::ListAgreementsRequest* request,
                                                  v1::ListAgreementsResponse* response) {
  return Handle(
      context_, server_context, "/techmatch.v1.AgreementService/ListAgreements", request,
      [&]() -> absl::Status {
        TM_ASSIGN_OR_RETURN(ParsedList list,
                            ParseListRequest("ListAgreements", "", request->filter(),
                                             request->page_size(), request->page_token(),
                                             storage::Repository::AgreementFilterFields(
                                                 context_.currency.minor_digits()),
                                             context_.page_tokens));
        TM_ASSIGN_OR_RETURN(Page<Agreement> page, context_.repository.ListAgreements(list.query));
        for (const Agreement& agreement : page.items) {
          AgreementToProto(agreement, context_.currency, nullptr, *response->add_agreements());
        }
        response->set_next_page_token(context_.page_tokens.Encode(list.scope, page.next_after_id));
        return absl::OkStatus();
      });
}

grpc::Status AgreementServiceImpl::UpdateAgreement(grpc::ServerContext* server_context,
                                                   const v1::UpdateAgreementRequest* request,
                                                   v1::Agreement* response) {
  return Handle(
      context_, server_context, "/techmatch.v1.AgreementService/UpdateAgreement", request,
      [&]() -> absl::Status {
        storage::Repository& repository = context_.repository;
        TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(request->agreement().name(),
                                                              kAgreements, "agreement.name"));
        // AIP-134 order: mask and conversion problems, existence, etag, state, then the rules.
        Violations conversion, request_level;
        const Agreement patch =
            AgreementFromProto(request->agreement(), context_.currency, conversion);
        const std::vector<std::string> paths =
            MaskPaths(request->update_mask(), PopulatedAgreementPaths(request->agreement()));
        Agreement scratch;
        ApplyAgreementUpdate(paths, patch, scratch, request_level);
        if (!request_level.empty() || !conversion.empty()) {
          request_level.AddAll(conversion.list(), "agreement");
          return request_level.ToStatus();
        }
        TM_ASSIGN_OR_RETURN(Agreement current, repository.GetAgreement(id));
        TM_RETURN_IF_ERROR(CheckEtag(current.meta, request->agreement().etag()));
        Agreement updated = current;
        Violations unused;
        ApplyAgreementUpdate(paths, patch, updated, unused);
        TM_RETURN_IF_ERROR(CheckAgreementChangeAllowed(current, updated));
        Violations own;
        ValidateAgreement(updated, own);
        TM_RETURN_IF_ERROR(CheckAgreementReferences(updated, repository, own));
        if (!own.empty()) return PrefixFieldViolations(own.ToStatus(), "agreement");
        TM_ASSIGN_OR_RETURN(Agreement stored, repository.ReplaceAgreement(
                                                  updated, current.meta.revision,
                                                  AmountChanges(current, updated, absl::Now())));
        AgreementToProto(stored, context_.currency, nullptr, *response);
        return absl::OkStatus();
      });
}

grpc::Status AgreementServiceImpl::StartAgreement(grpc::ServerContext* server_context,
                                                  const v1::StartAgreementRequest* request,
                                                  v1::Agreement* response) {
  return Handle(
      context_, server_context, "/techmatch.v1.AgreementService/StartAgreement", request,
      [&]() { return Transition(context_, *request, techmatch::StartAgreement, *response); });
}

grpc::Status AgreementServiceImpl::CompleteAgreement(grpc::ServerContext* server_context,
                                                     const v1::CompleteAgreementRequest* request,
                                                     v1::Agreement* response) {
  return Handle(
      context_, server_context, "/techmatch.v1.AgreementService/CompleteAgreement", request,
      [&]() { return Transition(context_, *request, techmatch::CompleteAgreement, *response); });
}

grpc::Status AgreementServiceImpl::TerminateAgreement(grpc::ServerContext* server_context,
                                                      const v1::TerminateAgreementRequest* request,
                                                      v1::Agreement* response) {
  return Handle(
      context_, server_context, "/techmatch.v1.AgreementService/TerminateAgreement", request,
      [&]() { return Transition(context_, *request, techmatch::TerminateAgreement, *response); });
}

grpc::Status AgreementServiceImpl::ExportAgreements(
    grpc::ServerContext* server_context, const v1::ExportAgreementsRequest* request,
    grpc::ServerWriter<v1::ExportAgreementsResponse>* writer) {
  return Handle(context_, server_context, "/techmatch.v1.AgreementService/ExportAgreements",
                request, [&]() -> absl::Status {
                  TM_ASSIGN_OR_RETURN(
                      std::vector<FilterTerm> filter,
                      ParseFilter(request->filter(), storage::Repository::AgreementFilterFields(
                                                         context_.currency.minor_digits())));
                  v1::ExportAgreementsResponse batch;
                  auto flush = [&]() -> absl::Status {
                    if (batch.agreements_size() == 0) return absl::OkStatus();
                    if (!writer->Write(batch)) return absl::CancelledError("the client went away");
                    batch.Clear();
                    return absl::OkStatus();
                  };
                  TM_RETURN_IF_ERROR(context_.repository.ExportAgreements(
                      filter, [&](const Agreement& agreement) -> absl::Status {
                        TM_RETURN_IF_ERROR(CallStillWanted(*server_context));
                        AgreementToProto(agreement, context_.currency, nullptr,
                                         *batch.add_agreements());
                        if (batch.agreements_size() >= kExportBatch) return flush();
                        return absl::OkStatus();
                      }));
                  return flush();
                });
}

}  // namespace techmatch::server
