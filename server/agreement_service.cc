#include "server/agreement_service.h"

#include "server/agreement_conversion.h"
#include "server/call_deadline.h"
#include "server/handler.h"
#include "server/proto_fields.h"

namespace techmatch::server {
namespace {

// Messages of the export stream hold at most this many agreements.
constexpr int kExportBatch = 100;

// The export's agreements, batched into messages of the stream.
class ExportWriter final : public usecases::AgreementSink {
 public:
  ExportWriter(grpc::ServerWriter<v1::ExportAgreementsResponse>& writer, const Currency& currency)
      : writer_(writer), currency_(currency) {}

  absl::Status Add(const Agreement& agreement) override {
    AgreementToProto(agreement, currency_, nullptr, *batch_.add_agreements());
    if (batch_.agreements_size() >= kExportBatch) return Flush();
    return absl::OkStatus();
  }

  absl::Status Flush() {
    if (batch_.agreements_size() == 0) return absl::OkStatus();
    if (!writer_.Write(batch_)) return absl::CancelledError("the client went away");
    batch_.Clear();
    return absl::OkStatus();
  }

 private:
  grpc::ServerWriter<v1::ExportAgreementsResponse>& writer_;
  const Currency& currency_;
  v1::ExportAgreementsResponse batch_;
};

}  // namespace

grpc::Status AgreementServiceImpl::CreateAgreement(grpc::ServerContext* server_context,
                                                   const v1::CreateAgreementRequest* request,
                                                   v1::Agreement* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(
        Agreement agreement,
        agreements_.Create(caller, NewAgreementFromProto(*request, context_.currency)));
    AgreementToProto(agreement, context_.currency, nullptr, *response);
    return absl::OkStatus();
  });
}

grpc::Status AgreementServiceImpl::GetAgreement(grpc::ServerContext* server_context,
                                                const v1::GetAgreementRequest* request,
                                                v1::Agreement* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(usecases::AgreementView view,
                        agreements_.Get(caller, request->name(),
                                        request->view() == v1::AGREEMENT_VIEW_WITH_HISTORY));
    AgreementToProto(view.agreement, context_.currency, view.history ? &*view.history : nullptr,
                     *response);
    return absl::OkStatus();
  });
}

grpc::Status AgreementServiceImpl::ListAgreements(grpc::ServerContext* server_context,
                                                  const v1::ListAgreementsRequest* request,
                                                  v1::ListAgreementsResponse* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(usecases::ListPage<Agreement> page,
                        agreements_.List(caller, ListRequestOf(*request)));
    for (const Agreement& agreement : page.items) {
      AgreementToProto(agreement, context_.currency, nullptr, *response->add_agreements());
    }
    response->set_next_page_token(std::move(page.next_page_token));
    return absl::OkStatus();
  });
}

grpc::Status AgreementServiceImpl::UpdateAgreement(grpc::ServerContext* server_context,
                                                   const v1::UpdateAgreementRequest* request,
                                                   v1::Agreement* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(
        Agreement agreement,
        agreements_.Update(caller, AgreementUpdateFromProto(*request, context_.currency)));
    AgreementToProto(agreement, context_.currency, nullptr, *response);
    return absl::OkStatus();
  });
}

grpc::Status AgreementServiceImpl::StartAgreement(grpc::ServerContext* server_context,
                                                  const v1::StartAgreementRequest* request,
                                                  v1::Agreement* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(Agreement agreement,
                        agreements_.Start(caller, request->name(), request->etag()));
    AgreementToProto(agreement, context_.currency, nullptr, *response);
    return absl::OkStatus();
  });
}

grpc::Status AgreementServiceImpl::CompleteAgreement(grpc::ServerContext* server_context,
                                                     const v1::CompleteAgreementRequest* request,
                                                     v1::Agreement* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(Agreement agreement,
                        agreements_.Complete(caller, request->name(), request->etag()));
    AgreementToProto(agreement, context_.currency, nullptr, *response);
    return absl::OkStatus();
  });
}

grpc::Status AgreementServiceImpl::TerminateAgreement(grpc::ServerContext* server_context,
                                                      const v1::TerminateAgreementRequest* request,
                                                      v1::Agreement* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(Agreement agreement,
                        agreements_.Terminate(caller, request->name(), request->etag()));
    AgreementToProto(agreement, context_.currency, nullptr, *response);
    return absl::OkStatus();
  });
}

grpc::Status AgreementServiceImpl::ExportAgreements(
    grpc::ServerContext* server_context, const v1::ExportAgreementsRequest* request,
    grpc::ServerWriter<v1::ExportAgreementsResponse>* writer) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    ExportWriter batches(*writer, context_.currency);
    TM_RETURN_IF_ERROR(
        agreements_.Export(caller, request->filter(), batches, GrpcCallState(*server_context)));
    return batches.Flush();
  });
}

void AgreementServiceImpl::ServeShortReads(AsyncServer& async) {
  async.Serve(*this, &AgreementServiceImpl::RequestGetAgreement,
              &AgreementServiceImpl::GetAgreement);
  async.Serve(*this, &AgreementServiceImpl::RequestListAgreements,
              &AgreementServiceImpl::ListAgreements);
}

}  // namespace techmatch::server
