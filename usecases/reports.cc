#include "usecases/reports.h"

#include "core/common/field_violations.h"
#include "core/common/filter.h"
#include "core/common/resource_id.h"
#include "core/common/status_macros.h"

namespace techmatch::usecases {

absl::StatusOr<AgreementReport> Reports::SummarizeAgreements(
    const Principal& caller, const std::vector<GroupDimension>& group_by, absl::string_view filter,
    RegionLevel region_level) {
  Violations violations;
  ValidateGroupBy(group_by, violations);
  if (region_level != RegionLevel::kProvince && region_level != RegionLevel::kCity &&
      region_level != RegionLevel::kCounty) {
    violations.Add("region_level", "must be PROVINCE, CITY or COUNTY");
  }
  absl::StatusOr<std::vector<FilterTerm>> terms =
      ParseFilter(filter, storage::Repository::AgreementFilterFields(currency_.minor_digits()));
  if (!terms.ok()) violations.AddAll(FieldViolationsOf(terms.status()));
  TM_RETURN_IF_ERROR(violations.ToStatus());
  storage::SummaryOptions options;
  options.scope.region = caller.region_code;
  options.region_level = region_level;
  return repository_.SummarizeAgreements(*terms, group_by, options);
}

absl::StatusOr<EventSummary> Reports::GetEventSummary(absl::string_view event,
                                                      absl::string_view language_code) {
  Violations violations;
  EventSummary summary;
  if (event.empty()) {
    violations.Add("event", "is required");
  } else {
    absl::StatusOr<std::string> id = ParseResourceName(event, kEvents, "event");
    if (id.ok()) {
      summary.event_id = *std::move(id);
    } else {
      violations.AddAll(FieldViolationsOf(id.status()));
    }
  }
  absl::StatusOr<NarrativeLanguage> language = ParseNarrativeLanguage(language_code);
  if (!language.ok()) violations.AddAll(FieldViolationsOf(language.status()));
  TM_RETURN_IF_ERROR(violations.ToStatus());
  summary.language = *language;
  TM_ASSIGN_OR_RETURN(summary.figures, repository_.GetEventFigures(summary.event_id));
  summary.narrative = EventNarrative(summary.figures, currency_, summary.language);
  return summary;
}

}  // namespace techmatch::usecases
