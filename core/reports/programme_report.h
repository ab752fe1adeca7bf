// The programme's annual report of a region (ReportService.GetProgrammeReport) as domain
// figures: what storage aggregates from the ledger (LedgerYearTotals), and the pure arithmetic
// that turns it into the report's sections — the change against the previous year, indicator
// completion, section totals — in integer arithmetic with overflow checked.
#ifndef TECHMATCH_CORE_REPORTS_PROGRAMME_REPORT_H_
#define TECHMATCH_CORE_REPORTS_PROGRAMME_REPORT_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/common/field_violations.h"
#include "core/ledger/commissioner.h"
#include "core/ledger/financing.h"
#include "core/ledger/indicator.h"
#include "core/ledger/project.h"
#include "core/ledger/target.h"
#include "core/reports/agreement_report.h"

namespace techmatch {

// Projects of one level (or of every level) approved in a year. Amounts in minor units; an
// unset approved amount counts as zero.
struct ProjectTotals {
  int64_t count = 0;
  int64_t approved = 0;
  int64_t arrived = 0;  // Every fund arrival recorded for them.

  friend bool operator==(const ProjectTotals&, const ProjectTotals&) = default;
};

// Commissioners serving in a year and the sums of their outcomes (unset amounts as zero).
struct CommissionerTotals {
  int64_t count = 0;
  int64_t home_organization_count = 0;  // Distinct home organizations.
  std::array<int64_t, kOutcomeCountFields> counts{};
  std::array<int64_t, kOutcomeAmountFields> amounts{};

  int64_t count_of(OutcomeCount f) const { return counts[static_cast<size_t>(f)]; }
  int64_t amount_of(OutcomeAmount f) const { return amounts[static_cast<size_t>(f)]; }
  friend bool operator==(const CommissionerTotals&, const CommissionerTotals&) = default;
};

// Financings granted in a year (of one kind, or of every kind).
struct FinancingTotals {
  int64_t count = 0;
  int64_t recipient_count = 0;  // Distinct recipient organizations.
  int64_t amount = 0;

  friend bool operator==(const FinancingTotals&, const FinancingTotals&) = default;
};

// A project of the year whose fund arrivals exceed its approved funds.
struct OverArrivedProject {
  std::string id;
  std::string title;
  ProjectLevel level = ProjectLevel::kNational;
  std::string region_code;
  int64_t approved = 0;
  int64_t arrived = 0;

  friend bool operator==(const OverArrivedProject&, const OverArrivedProject&) = default;
};

// What storage aggregates for one region and year (each section one query, grouped).
struct LedgerRegionTotals {
  std::string region_code;
  std::map<ProjectLevel, ProjectTotals> projects;           // Approved in the year.
  std::map<ProjectLevel, ProjectTotals> previous_projects;  // Approved in the year before.
  CommissionerTotals commissioners;
  std::map<FinancingKind, FinancingTotals> financing;  // Granted in the year (CST), by kind.
  FinancingTotals financing_total;                     // Every kind; recipients counted once.

  // Whether the region has any project, commissioner or financing in either year.
  bool empty() const;
  friend bool operator==(const LedgerRegionTotals&, const LedgerRegionTotals&) = default;
};

// A region's ledger year as storage aggregates it: the region's totals, its direct
// subordinate regions' (only those with records, in code order), the year's projects with
// arrivals beyond their approved funds (in id order), and the year's events organized in the
// region (in start order).
struct LedgerYearTotals {
  LedgerRegionTotals region;
  std::vector<LedgerRegionTotals> subordinates;
  std::vector<OverArrivedProject> over_arrived;
  std::vector<std::string> event_ids;
};

// A change against the previous year: the difference, and the difference as a share of the
// previous figure in basis points rounded half away from zero to a tenth of a percent (a
// multiple of 10), absent when the previous figure is zero (or the share exceeds int64).
struct YearChange {
  int64_t difference = 0;
  std::optional<int64_t> percent_bp;

  friend bool operator==(const YearChange&, const YearChange&) = default;
};

// current − previous with its percentage; OUT_OF_RANGE when the difference overflows.
absl::StatusOr<YearChange> ChangeAgainst(int64_t current, int64_t previous);

// One line of the projects section: a level (nullopt for the total), the year's and the
// previous year's totals, and the changes.
struct ProjectLine {
  std::optional<ProjectLevel> level;
  ProjectTotals current;
  ProjectTotals previous;
  YearChange count_change;
  YearChange approved_change;
  YearChange arrived_change;
};

struct ProjectSection {
  std::vector<ProjectLine> levels;  // Levels with projects in either year, in level order.
  ProjectLine total;
  std::vector<OverArrivedProject> over_arrived;
};

// The section from the two years' totals by level and the over-arrived projects (kept as
// given); OUT_OF_RANGE when a total overflows.
absl::StatusOr<ProjectSection> BuildProjectSection(
    const std::map<ProjectLevel, ProjectTotals>& current,
    const std::map<ProjectLevel, ProjectTotals>& previous,
    std::vector<OverArrivedProject> over_arrived);

// One indicator of a region against its target.
struct IndicatorLine {
  Indicator indicator;
  std::optional<int64_t> target;         // In the indicator's unit; nullopt: none issued.
  std::optional<int64_t> actual;         // nullopt: nothing reported.
  std::optional<int64_t> completion_bp;  // With a target and an actual only.
  std::optional<Assessment> assessment;  // With a target only.
};

// The line of `indicator` from the region's target (if any) and the progress computed for it
// (ComputeProgress against the target, or against a target of 0 when none was issued, which
// gives the actual); nullopt when there is neither a target nor an actual.
std::optional<IndicatorLine> BuildIndicatorLine(const Indicator& indicator,
                                                const std::optional<Target>& target,
                                                const TargetProgress& progress);

// One region's report.
struct RegionProgrammeReport {
  std::string region_code;
  std::vector<IndicatorLine> indicators;  // In code order.
  AgreementTotals agreements;
  ProjectSection projects;
  CommissionerTotals commissioners;
  std::vector<std::pair<FinancingKind, FinancingTotals>> financing;  // Kinds granted, in order.
  FinancingTotals financing_total;
};

// The whole report: the region's sections, the year's events and each direct subordinate
// region's sections (those with records, in code order).
struct ProgrammeReport {
  int year = 0;
  RegionProgrammeReport region;
  std::vector<std::pair<std::string, EventFigures>> events;  // Event id and figures.
  std::vector<RegionProgrammeReport> subordinates;
};

// The report's sections of one region from its aggregates; the over-arrived projects of
// `totals` that lie in the region (all of `over_arrived` passed for the top region).
absl::StatusOr<RegionProgrammeReport> BuildRegionReport(
    const LedgerRegionTotals& totals, const std::vector<OverArrivedProject>& over_arrived,
    std::vector<IndicatorLine> indicators, const AgreementTotals& agreements);

// Request checks of GetProgrammeReport: year 1980–2100 ("year"), region a GB/T 2260 code
// ("region_code"); the language is checked by ParseNarrativeLanguage.
void ValidateProgrammeReportRequest(int year, absl::string_view region_code,
                                    Violations& violations);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_REPORTS_PROGRAMME_REPORT_H_
