#include "server/report_service.h"

#include "core/common/resource_id.h"
#include "core/common/status_macros.h"
#include "server/agreement_conversion.h"
#include "server/handler.h"
#include "server/report_conversion.h"

namespace techmatch::server {
namespace {

// A group value as the API names it: resource names for records, the raw value otherwise.
std::string GroupValueName(GroupDimension dimension, const std::string& value) {
  if (value.empty()) return value;
  switch (dimension) {
    case GroupDimension::kEvent:
      return ResourceName(kEvents, value);
    case GroupDimension::kIndustry:
      return ResourceName(kIndustries, value);
    case GroupDimension::kSupplier:
    case GroupDimension::kDemander:
      return ResourceName(kOrganizations, value);
    default:
      return value;
  }
}

}  // namespace

grpc::Status ReportServiceImpl::SummarizeAgreements(grpc::ServerContext* server_context,
                                                    const v1::SummarizeAgreementsRequest* request,
                                                    v1::SummarizeAgreementsResponse* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    // GroupDimension's values are the API enum's numbers, RegionLevel's too (0: COUNTY).
    std::vector<GroupDimension> group_by;
    for (int value : request->group_by()) group_by.push_back(static_cast<GroupDimension>(value));
    const RegionLevel level = request->region_level() == v1::REGION_LEVEL_UNSPECIFIED
                                  ? RegionLevel::kCounty
                                  : static_cast<RegionLevel>(request->region_level());
    TM_ASSIGN_OR_RETURN(AgreementReport report,
                        reports_.SummarizeAgreements(caller, group_by, request->filter(), level));
    for (const SummaryRow& row : report.rows) {
      v1::AgreementSummary* out = response->add_rows();
      for (size_t i = 0; i < group_by.size() && i < row.group_values.size(); ++i) {
        v1::GroupValue* value = out->add_group_values();
        value->set_dimension(static_cast<v1::GroupBy>(group_by[i]));
        value->set_value(GroupValueName(group_by[i], row.group_values[i]));
      }
      TotalsToProto(row.totals, context_.currency, *out);
    }
    TotalsToProto(report.total, context_.currency, *response->mutable_total());
    return absl::OkStatus();
  });
}

grpc::Status ReportServiceImpl::GetEventSummary(grpc::ServerContext* server_context,
                                                const v1::GetEventSummaryRequest* request,
                                                v1::EventSummary* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(usecases::EventSummary summary,
                        reports_.GetEventSummary(request->event(), request->language_code()));
    EventSummaryToProto(summary, context_.currency, *response);
    return absl::OkStatus();
  });
}

grpc::Status ReportServiceImpl::GetProgrammeReport(grpc::ServerContext* server_context,
                                                   const v1::GetProgrammeReportRequest* request,
                                                   v1::ProgrammeReport* response) {
  return Handle(context_, server_context, *request, [&](const Principal& caller) -> absl::Status {
    TM_ASSIGN_OR_RETURN(usecases::ProgrammeReportView view,
                        reports_.GetProgrammeReport(caller, request->year(), request->region_code(),
                                                    request->language_code()));
    ProgrammeReportToProto(view, context_.currency, *response);
    return absl::OkStatus();
  });
}

}  // namespace techmatch::server
