// techmatch.v1.AgreementService: each handler converts its request, calls one use case of
// usecases/agreements.h and converts the answer.
#ifndef TECHMATCH_SERVER_AGREEMENT_SERVICE_H_
#define TECHMATCH_SERVER_AGREEMENT_SERVICE_H_

#include "server/async_server.h"
#include "server/service_context.h"
#include "techmatch/v1/agreement.grpc.pb.h"
#include "usecases/agreements.h"

namespace techmatch::server {

// GetAgreement and ListAgreements: short reads, served from the completion queues
// (server/async_server.h). The base takes them off the sync API; ServeShortReads hands them to the
// queues. Keep the two lists the same.
using AgreementServiceImplBase = v1::AgreementService::WithRawMethod_GetAgreement<
    v1::AgreementService::WithRawMethod_ListAgreements<v1::AgreementService::Service>>;

class AgreementServiceImpl final : public AgreementServiceImplBase {
 public:
  // Serves the methods of the base class comment from `async`'s queues.
  void ServeShortReads(AsyncServer& async);
  explicit AgreementServiceImpl(ServiceContext& context)
      : context_(context),
        agreements_(context.repository, context.page_tokens, context.currency.minor_digits()) {}

  grpc::Status CreateAgreement(grpc::ServerContext* context,
                               const v1::CreateAgreementRequest* request,
                               v1::Agreement* response) override;
  grpc::Status GetAgreement(grpc::ServerContext* context, const v1::GetAgreementRequest* request,
                            v1::Agreement* response) override;
  grpc::Status ListAgreements(grpc::ServerContext* context,
                              const v1::ListAgreementsRequest* request,
                              v1::ListAgreementsResponse* response) override;
  grpc::Status UpdateAgreement(grpc::ServerContext* context,
                               const v1::UpdateAgreementRequest* request,
                               v1::Agreement* response) override;
  grpc::Status StartAgreement(grpc::ServerContext* context,
                              const v1::StartAgreementRequest* request,
                              v1::Agreement* response) override;
  grpc::Status CompleteAgreement(grpc::ServerContext* context,
                                 const v1::CompleteAgreementRequest* request,
                                 v1::Agreement* response) override;
  grpc::Status TerminateAgreement(grpc::ServerContext* context,
                                  const v1::TerminateAgreementRequest* request,
                                  v1::Agreement* response) override;
  grpc::Status ExportAgreements(grpc::ServerContext* context,
                                const v1::ExportAgreementsRequest* request,
                                grpc::ServerWriter<v1::ExportAgreementsResponse>* writer) override;

 private:
  ServiceContext& context_;
  usecases::Agreements agreements_;
};

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_AGREEMENT_SERVICE_H_
