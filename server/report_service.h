// techmatch.v1.ReportService: agreement summaries, event summaries and the programme report,
// read-only. Each handler
// converts its request, calls one use case of usecases/reports.h and converts the answer.
#ifndef TECHMATCH_SERVER_REPORT_SERVICE_H_
#define TECHMATCH_SERVER_REPORT_SERVICE_H_

#include <utility>

#include "server/service_context.h"
#include "techmatch/v1/report.grpc.pb.h"
#include "usecases/reports.h"

namespace techmatch::server {

class ReportServiceImpl final : public v1::ReportService::Service {
 public:
  // `clock` is the server's: it decides whether the reported year has ended (targets' assessment).
  ReportServiceImpl(ServiceContext& context, usecases::Clock clock)
      : context_(context), reports_(context.repository, context.currency, std::move(clock)) {}

  grpc::Status SummarizeAgreements(grpc::ServerContext* context,
                                   const v1::SummarizeAgreementsRequest* request,
                                   v1::SummarizeAgreementsResponse* response) override;
  grpc::Status GetEventSummary(grpc::ServerContext* context,
                               const v1::GetEventSummaryRequest* request,
                               v1::EventSummary* response) override;
  grpc::Status GetProgrammeReport(grpc::ServerContext* context,
                                  const v1::GetProgrammeReportRequest* request,
                                  v1::ProgrammeReport* response) override;

 private:
  ServiceContext& context_;
  usecases::Reports reports_;
};

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_REPORT_SERVICE_H_
