#include "server/report_service.h"

#include "core/common/filter.h"
#include "core/common/resource_id.h"
#include "core/common/status_macros.h"
#include "core/reports/event_narrative.h"
#include "server/agreement_conversion.h"
#include "server/handler.h"

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
  return Handle(context_, server_context, "/techmatch.v1.ReportService/SummarizeAgreements",
                request, [&]() -> absl::Status {
                  Violations violations;
                  std::vector<GroupDimension> group_by;
                  for (int value : request->group_by())
                    group_by.push_back(static_cast<GroupDimension>(value));
                  ValidateGroupBy(group_by, violations);
                  absl::StatusOr<std::vector<FilterTerm>> filter = ParseFilter(
                      request->filter(),
                      storage::Repository::AgreementFilterFields(context_.currency.minor_digits()));
                  if (!filter.ok()) violations.AddAll(FieldViolationsOf(filter.status()));
                  TM_RETURN_IF_ERROR(violations.ToStatus());
                  TM_ASSIGN_OR_RETURN(AgreementReport report,
                                      context_.repository.SummarizeAgreements(*filter, group_by));
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
  return Handle(
      context_, server_context, "/techmatch.v1.ReportService/GetEventSummary", request,
      [&]() -> absl::Status {
        Violations violations;
        std::string event_id;
        if (request->event().empty()) {
          violations.Add("event", "is required");
        } else {
          absl::StatusOr<std::string> id = ParseResourceName(request->event(), kEvents, "event");
          if (id.ok()) {
            event_id = *id;
          } else {
            violations.AddAll(FieldViolationsOf(id.status()));
          }
        }
        absl::StatusOr<NarrativeLanguage> language =
            ParseNarrativeLanguage(request->language_code());
        if (!language.ok()) violations.AddAll(FieldViolationsOf(language.status()));
        TM_RETURN_IF_ERROR(violations.ToStatus());
        TM_ASSIGN_OR_RETURN(EventFigures figures, context_.repository.GetEventFigures(event_id));

        response->set_event(ResourceName(kEvents, event_id));
        response->set_needs_count(figures.needs_count);
        response->set_offerings_count(figures.offerings_count);
        response->set_enterprise_count(figures.enterprise_count);
        response->set_university_count(figures.university_count);
        response->set_research_institute_count(figures.research_institute_count);
        response->set_government_count(figures.government_count);
        response->set_other_count(figures.other_count);
        for (const auto& [kind, totals] : figures.by_kind) {
          v1::KindSummary* entry = response->add_agreements_by_kind();
          entry->set_kind(static_cast<v1::Agreement::Kind>(kind));
          TotalsToProto(totals, context_.currency, *entry->mutable_summary());
        }
        TotalsToProto(figures.technology, context_.currency,
                      *response->mutable_technology_contracts());
        TotalsToProto(figures.total, context_.currency, *response->mutable_total());
        for (const std::string& name : figures.framework_partners) {
          response->add_framework_partners(name);
        }
        response->set_narrative(EventNarrative(figures, context_.currency, *language));
        response->set_language_code(std::string(NarrativeLanguageCode(*language)));
        return absl::OkStatus();
      });
}

}  // namespace techmatch::server
