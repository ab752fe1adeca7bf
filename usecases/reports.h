// Reports (ReportService): agreement summaries grouped as asked, the summary of one event with
// its narrative paragraph, and the programme's annual report of a region. Read-only.
#ifndef TECHMATCH_USECASES_REPORTS_H_
#define TECHMATCH_USECASES_REPORTS_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/auth/role.h"
#include "core/money/money.h"
#include "core/reference/region_code.h"
#include "core/reports/agreement_report.h"
#include "core/reports/event_narrative.h"
#include "core/reports/programme_report.h"
#include "storage/repository.h"
#include "usecases/people_context.h"

namespace techmatch::usecases {

struct EventSummary {
  std::string event_id;
  EventFigures figures;
  NarrativeLanguage language = NarrativeLanguage::kSimplifiedChinese;
  std::string narrative;
};

// The programme report with its narrative paragraphs, and each event's narrative (in the
// order of report.events), all in `language`.
struct ProgrammeReportView {
  ProgrammeReport report;
  NarrativeLanguage language = NarrativeLanguage::kSimplifiedChinese;
  std::vector<std::string> narrative;
  std::vector<std::string> event_narratives;
};

class Reports {
 public:
  // `currency`: the base currency, for money amounts in filters and the narrative; `clock`:
  // the time targets are assessed at (PENDING before the year ends).
  Reports(
      storage::Repository& repository, const Currency& currency,
      Clock clock = [] { return absl::Now(); })
      : repository_(repository), currency_(currency), clock_(std::move(clock)) {}

  // Rows in the order of their group values, one value per dimension of `group_by`; the REGION
  // group at `region_level`. A caller with a region counts only agreements with a party in it.
  absl::StatusOr<AgreementReport> SummarizeAgreements(const Principal& caller,
                                                      const std::vector<GroupDimension>& group_by,
                                                      absl::string_view filter,
                                                      RegionLevel region_level);
  absl::StatusOr<EventSummary> GetEventSummary(absl::string_view event,
                                               absl::string_view language_code);
  // The programme's annual report of `region_code` for `year` (core/reports/programme_report.h):
  // its sections, each direct subordinate region's that has any record (ledger records,
  // agreements, targets or observations), the year's events and the narrative. A caller with a
  // region sees only it, as SummarizeAgreements counts only it: a region containing the
  // caller's answers the caller's region; a region outside it is PERMISSION_DENIED.
  // INVALID_ARGUMENT naming every bad field (year, region_code, language_code).
  absl::StatusOr<ProgrammeReportView> GetProgrammeReport(const Principal& caller, int year,
                                                         absl::string_view region_code,
                                                         absl::string_view language_code);

 private:
  storage::Repository& repository_;
  const Currency& currency_;
  Clock clock_;
};

}  // namespace techmatch::usecases

#endif  // TECHMATCH_USECASES_REPORTS_H_
