#include "core/reports/programme_report.h"

#include <cstdlib>
#include <limits>
#include <utility>

#include "absl/status/status.h"
#include "core/common/status_macros.h"
#include "core/ledger/record_fields.h"
#include "core/reference/region_code.h"

namespace techmatch {
namespace {

absl::Status OverflowError() {
  return absl::OutOfRangeError("a report total exceeds the 64-bit range of minor units");
}

absl::Status AddTo(int64_t& sum, int64_t value) {
  if (__builtin_add_overflow(sum, value, &sum)) return OverflowError();
  return absl::OkStatus();
}

absl::Status AddTotals(ProjectTotals& sum, const ProjectTotals& add) {
  TM_RETURN_IF_ERROR(AddTo(sum.count, add.count));
  TM_RETURN_IF_ERROR(AddTo(sum.approved, add.approved));
  return AddTo(sum.arrived, add.arrived);
}

absl::StatusOr<ProjectLine> LineOf(std::optional<ProjectLevel> level, const ProjectTotals& current,
                                   const ProjectTotals& previous) {
  ProjectLine line{level, current, previous, {}, {}, {}};
  TM_ASSIGN_OR_RETURN(line.count_change, ChangeAgainst(current.count, previous.count));
  TM_ASSIGN_OR_RETURN(line.approved_change, ChangeAgainst(current.approved, previous.approved));
  TM_ASSIGN_OR_RETURN(line.arrived_change, ChangeAgainst(current.arrived, previous.arrived));
  return line;
}

}  // namespace

bool LedgerRegionTotals::empty() const {
  return projects.empty() && previous_projects.empty() && commissioners.count == 0 &&
         financing_total.count == 0;
}

absl::StatusOr<YearChange> ChangeAgainst(int64_t current, int64_t previous) {
  YearChange change;
  if (__builtin_sub_overflow(current, previous, &change.difference)) return OverflowError();
  if (previous == 0) return change;
  // Tenths of a percent: difference × 1000 ÷ previous, rounded half away from zero.
  const __int128 numerator = static_cast<__int128>(change.difference) * 1000;
  const __int128 denominator = previous;
  const __int128 magnitude_n = numerator < 0 ? -numerator : numerator;
  const __int128 magnitude_d = denominator < 0 ? -denominator : denominator;
  __int128 tenths = (2 * magnitude_n + magnitude_d) / (2 * magnitude_d);
  if ((numerator < 0) != (denominator < 0)) tenths = -tenths;
  const __int128 bp = tenths * 10;
  if (bp > std::numeric_limits<int64_t>::max() || bp < std::numeric_limits<int64_t>::min()) {
    return change;
  }
  change.percent_bp = static_cast<int64_t>(bp);
  return change;
}

absl::StatusOr<ProjectSection> BuildProjectSection(
    const std::map<ProjectLevel, ProjectTotals>& current,
    const std::map<ProjectLevel, ProjectTotals>& previous,
    std::vector<OverArrivedProject> over_arrived) {
  ProjectSection section;
  ProjectTotals current_total;
  ProjectTotals previous_total;
  for (ProjectLevel level : {ProjectLevel::kNational, ProjectLevel::kProvincial,
                             ProjectLevel::kMunicipal, ProjectLevel::kCounty}) {
    const auto now = current.find(level);
    const auto before = previous.find(level);
    if (now == current.end() && before == previous.end()) continue;
    const ProjectTotals now_totals = now == current.end() ? ProjectTotals{} : now->second;
    const ProjectTotals before_totals = before == previous.end() ? ProjectTotals{} : before->second;
    TM_RETURN_IF_ERROR(AddTotals(current_total, now_totals));
    TM_RETURN_IF_ERROR(AddTotals(previous_total, before_totals));
    TM_ASSIGN_OR_RETURN(ProjectLine line, LineOf(level, now_totals, before_totals));
    section.levels.push_back(std::move(line));
  }
  TM_ASSIGN_OR_RETURN(section.total, LineOf(std::nullopt, current_total, previous_total));
  section.over_arrived = std::move(over_arrived);
  return section;
}

std::optional<IndicatorLine> BuildIndicatorLine(const Indicator& indicator,
                                                const std::optional<Target>& target,
                                                const TargetProgress& progress) {
  IndicatorLine line;
  line.indicator = indicator;
  line.actual = progress.year.actual;
  if (target.has_value() && target->value.has_value()) {
    line.target = target->value->value;
    line.assessment = progress.year.assessment;
    if (line.actual.has_value()) line.completion_bp = progress.year.completion_bp;
  }
  if (!line.target.has_value() && !line.actual.has_value()) return std::nullopt;
  // A figure summed from the ledger's own records is already in its section (projects,
  // commissioners, financing); as an indicator it says something new only against a target.
  if (!line.target.has_value() && HasReportSection(indicator.meta.id)) return std::nullopt;
  return line;
}

absl::StatusOr<RegionProgrammeReport> BuildRegionReport(
    const LedgerRegionTotals& totals, const std::vector<OverArrivedProject>& over_arrived,
    std::vector<IndicatorLine> indicators, const AgreementTotals& agreements) {
  RegionProgrammeReport report;
  report.region_code = totals.region_code;
  report.indicators = std::move(indicators);
  report.agreements = agreements;
  std::vector<OverArrivedProject> own;
  for (const OverArrivedProject& project : over_arrived) {
    if (RegionContains(totals.region_code, project.region_code)) own.push_back(project);
  }
  TM_ASSIGN_OR_RETURN(
      report.projects,
      BuildProjectSection(totals.projects, totals.previous_projects, std::move(own)));
  report.commissioners = totals.commissioners;
  for (const auto& [kind, kind_totals] : totals.financing) {
    if (kind_totals.count > 0) report.financing.emplace_back(kind, kind_totals);
  }
  report.financing_total = totals.financing_total;
  return report;
}

void ValidateProgrammeReportRequest(int year, absl::string_view region_code,
                                    Violations& violations) {
  CheckLedgerYear("year", year, violations);
  CheckLedgerRegion("region_code", region_code, violations);
}

}  // namespace techmatch
