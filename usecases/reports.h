// Reports (ReportService): agreement summaries grouped as asked, and the summary of one event
// with its narrative paragraph. Read-only.
#ifndef TECHMATCH_USECASES_REPORTS_H_
#define TECHMATCH_USECASES_REPORTS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/auth/role.h"
#include "core/money/money.h"
#include "core/reference/region_code.h"
#include "core/reports/agreement_report.h"
#include "core/reports/event_narrative.h"
#include "storage/repository.h"

namespace techmatch::usecases {

struct EventSummary {
  std::string event_id;
  EventFigures figures;
  NarrativeLanguage language = NarrativeLanguage::kSimplifiedChinese;
  std::string narrative;
};

class Reports {
 public:
  // `currency`: the base currency, for money amounts in filters and the narrative.
  Reports(storage::Repository& repository, const Currency& currency)
      : repository_(repository), currency_(currency) {}

  // Rows in the order of their group values, one value per dimension of `group_by`; the REGION
  // group at `region_level`. A caller with a region counts only agreements with a party in it.
  absl::StatusOr<AgreementReport> SummarizeAgreements(const Principal& caller,
                                                      const std::vector<GroupDimension>& group_by,
                                                      absl::string_view filter,
                                                      RegionLevel region_level);
  absl::StatusOr<EventSummary> GetEventSummary(absl::string_view event,
                                               absl::string_view language_code);

 private:
  storage::Repository& repository_;
  const Currency& currency_;
};

}  // namespace techmatch::usecases

#endif  // TECHMATCH_USECASES_REPORTS_H_
