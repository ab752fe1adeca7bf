#include "usecases/reports.h"

#include <map>
#include <optional>
#include <set>
#include <utility>

#include "absl/strings/str_cat.h"
#include "core/common/field_violations.h"
#include "core/common/filter.h"
#include "core/common/paging.h"
#include "core/common/resource_id.h"
#include "core/common/status_macros.h"
#include "core/ledger/target.h"
#include "core/reports/programme_narrative.h"
#include "usecases/derived_figures.h"

namespace techmatch::usecases {
namespace {

// The region a caller reads for a request of `requested`: itself for a caller without a region
// or for a region inside the caller's; the caller's region when `requested` contains it.
absl::StatusOr<std::string> ReportedRegion(const Principal& caller, absl::string_view requested) {
  if (caller.region_code.empty() || RegionContains(caller.region_code, requested)) {
    return std::string(requested);
  }
  if (RegionContains(requested, caller.region_code)) return caller.region_code;
  return absl::PermissionDeniedError(absl::StrCat("a caller of region ", caller.region_code,
                                                  " may not read the report of region ", requested,
                                                  " outside it"));
}

// The level of `region`'s direct subordinates (a county's: its own level).
RegionLevel SubordinateLevel(absl::string_view region) {
  switch (LevelOf(region)) {
    case RegionLevel::kProvince:
      return RegionLevel::kCity;
    case RegionLevel::kCity:
    case RegionLevel::kCounty:
      break;
  }
  return RegionLevel::kCounty;
}

// The direct subordinate of `region` that `code` counts in; "" for the region's own records
// and for codes outside it.
std::string SubordinateOf(absl::string_view region, absl::string_view code) {
  if (!RegionContains(region, code)) return "";
  std::string sub = RegionAtLevel(code, SubordinateLevel(region));
  return sub == region ? "" : sub;
}

absl::StatusOr<std::vector<Indicator>> AllIndicators(storage::Repository& repository) {
  std::vector<Indicator> indicators;
  storage::ListQuery query;
  query.page_size = kMaxPageSize;
  do {
    TM_ASSIGN_OR_RETURN(Page<Indicator> page, repository.ListIndicators(query));
    for (Indicator& i : page.items) indicators.push_back(std::move(i));
    query.after_id = page.next_after_id;
  } while (!query.after_id.empty());
  return indicators;
}

// The year's targets of `region` and the regions under it, by (indicator, region).
absl::StatusOr<std::map<std::pair<std::string, std::string>, Target>> TargetsOf(
    storage::Repository& repository, absl::string_view region, int year) {
  std::map<std::pair<std::string, std::string>, Target> targets;
  const storage::LedgerFilter filter{"", std::string(region), year};
  storage::ListQuery query;
  query.page_size = kMaxPageSize;
  do {
    TM_ASSIGN_OR_RETURN(Page<Target> page, repository.ListTargets(filter, query));
    for (Target& t : page.items) {
      std::pair<std::string, std::string> key{t.indicator_code, t.region_code};
      targets.emplace(std::move(key), std::move(t));
    }
    query.after_id = page.next_after_id;
  } while (!query.after_id.empty());
  return targets;
}

// Every indicator's lines for `region` and `subordinates` (indicator order), by region; adds to
// `subordinates` the subordinate regions that have a target or a figure.
absl::StatusOr<std::map<std::string, std::vector<IndicatorLine>>> IndicatorLines(
    storage::Repository& repository, absl::string_view region, int year, absl::Time now,
    std::set<std::string>& subordinates) {
  TM_ASSIGN_OR_RETURN(std::vector<Indicator> indicators, AllIndicators(repository));
  TM_ASSIGN_OR_RETURN(auto targets, TargetsOf(repository, region, year));
  std::vector<std::vector<Observation>> observations;
  std::vector<std::vector<RegionFigure>> derived;
  for (const Indicator& indicator : indicators) {
    TM_ASSIGN_OR_RETURN(std::vector<Observation> of_indicator,
                        repository.ObservationsInRegion(indicator.meta.id, region, year));
    std::vector<RegionFigure> figures;
    if (SourceOf(indicator.meta.id) == IndicatorSource::kDerived) {
      TM_ASSIGN_OR_RETURN(figures,
                          GatherDerivedFigures(repository, indicator.meta.id, region, year));
    }
    for (const Observation& o : of_indicator) {
      if (std::string sub = SubordinateOf(region, o.region_code); !sub.empty()) {
        subordinates.insert(std::move(sub));
      }
    }
    for (const RegionFigure& f : figures) {
      if (std::string sub = SubordinateOf(region, f.region_code); !sub.empty()) {
        subordinates.insert(std::move(sub));
      }
    }
    observations.push_back(std::move(of_indicator));
    derived.push_back(std::move(figures));
  }
  for (const auto& [key, target] : targets) {
    if (std::string sub = SubordinateOf(region, key.second); !sub.empty()) {
      subordinates.insert(std::move(sub));
    }
  }
  std::map<std::string, std::vector<IndicatorLine>> lines;
  std::vector<std::string> regions = {std::string(region)};
  regions.insert(regions.end(), subordinates.begin(), subordinates.end());
  for (size_t i = 0; i < indicators.size(); ++i) {
    const Indicator& indicator = indicators[i];
    for (const std::string& code : regions) {
      const auto found = targets.find({indicator.meta.id, code});
      std::optional<Target> target;
      if (found != targets.end()) target = found->second;
      // Without a target, the progress against 0 still rolls up the actual.
      Target measured;
      measured.indicator_code = indicator.meta.id;
      measured.region_code = code;
      measured.year = year;
      measured.value = target ? target->value : std::optional<Figure>(Figure{indicator.unit, 0});
      TM_ASSIGN_OR_RETURN(TargetProgress progress,
                          ComputeProgress(measured, observations[i], derived[i], now));
      if (std::optional<IndicatorLine> line = BuildIndicatorLine(indicator, target, progress)) {
        lines[code].push_back(*std::move(line));
      }
    }
  }
  return lines;
}

}  // namespace

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

absl::StatusOr<ProgrammeReportView> Reports::GetProgrammeReport(const Principal& caller, int year,
                                                                absl::string_view region_code,
                                                                absl::string_view language_code) {
  Violations violations;
  ValidateProgrammeReportRequest(year, region_code, violations);
  absl::StatusOr<NarrativeLanguage> language = ParseNarrativeLanguage(language_code);
  if (!language.ok()) violations.AddAll(FieldViolationsOf(language.status()));
  TM_RETURN_IF_ERROR(violations.ToStatus());
  TM_ASSIGN_OR_RETURN(const std::string region, ReportedRegion(caller, region_code));

  TM_ASSIGN_OR_RETURN(LedgerYearTotals totals, repository_.AggregateLedgerYear(region, year));
  std::set<std::string> subordinates;
  std::map<std::string, LedgerRegionTotals> ledger;
  for (LedgerRegionTotals& sub : totals.subordinates) {
    subordinates.insert(sub.region_code);
    ledger.emplace(sub.region_code, std::move(sub));
  }

  // The year's agreements with a party in the region, and per subordinate region.
  const std::vector<FilterTerm> signed_in_year = {
      {"sign_time", FilterOp::kGe, PeriodEnd(year - 1, kWholeYear)},
      {"sign_time", FilterOp::kLt, PeriodEnd(year, kWholeYear)}};
  storage::SummaryOptions options;
  options.scope.region = region;
  options.region_level = SubordinateLevel(region);
  std::vector<GroupDimension> group_by;
  if (LevelOf(region) != RegionLevel::kCounty) group_by.push_back(GroupDimension::kRegion);
  TM_ASSIGN_OR_RETURN(AgreementReport agreements,
                      repository_.SummarizeAgreements(signed_in_year, group_by, options));
  std::map<std::string, AgreementTotals> agreements_of;
  for (const SummaryRow& row : agreements.rows) {
    if (row.group_values.empty()) continue;
    const std::string& code = row.group_values.front();
    if (code.empty() || code == region || !RegionContains(region, code)) continue;
    subordinates.insert(code);
    agreements_of[code] = row.totals;
  }

  TM_ASSIGN_OR_RETURN(auto lines,
                      IndicatorLines(repository_, region, year, clock_(), subordinates));

  ProgrammeReportView view;
  view.language = *language;
  ProgrammeReport& report = view.report;
  report.year = year;
  TM_ASSIGN_OR_RETURN(report.region, BuildRegionReport(totals.region, totals.over_arrived,
                                                       std::move(lines[region]), agreements.total));
  for (const std::string& code : subordinates) {
    LedgerRegionTotals sub_totals;
    if (auto found = ledger.find(code); found != ledger.end()) sub_totals = found->second;
    sub_totals.region_code = code;
    TM_ASSIGN_OR_RETURN(RegionProgrammeReport sub,
                        BuildRegionReport(sub_totals, totals.over_arrived, std::move(lines[code]),
                                          agreements_of[code]));
    report.subordinates.push_back(std::move(sub));
  }
  for (const std::string& event_id : totals.event_ids) {
    TM_ASSIGN_OR_RETURN(EventFigures figures, repository_.GetEventFigures(event_id));
    view.event_narratives.push_back(EventNarrative(figures, currency_, view.language));
    report.events.emplace_back(event_id, std::move(figures));
  }
  view.narrative = ProgrammeNarrative(report, currency_, view.language);
  return view;
}

}  // namespace techmatch::usecases
