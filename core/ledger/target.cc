#include "core/ledger/target.h"

#include <limits>
#include <set>

#include "absl/container/flat_hash_map.h"
#include "absl/numeric/int128.h"
#include "absl/strings/str_cat.h"
#include "core/common/bounded_text.h"
#include "core/common/enum_names.h"
#include "core/common/update_mask.h"
#include "core/reference/region_code.h"

namespace techmatch {
namespace {

constexpr EnumNames<Assessment, 3> kAssessmentNames({{
    {Assessment::kMet, "MET"},
    {Assessment::kNotMet, "NOT_MET"},
    {Assessment::kPending, "PENDING"},
}});

using FigureMap = absl::flat_hash_map<std::string, int64_t>;

absl::Status Overflow() { return absl::OutOfRangeError("the figures' sum exceeds 64 bits"); }

absl::StatusOr<int64_t> Add(int64_t a, int64_t b) {
  int64_t sum = 0;
  if (__builtin_add_overflow(a, b, &sum)) return Overflow();
  return sum;
}

absl::StatusOr<std::optional<int64_t>> RollUpIn(absl::string_view region, const FigureMap& own) {
  if (auto it = own.find(region); it != own.end()) return it->second;
  if (LevelOf(region) == RegionLevel::kCounty) return std::nullopt;
  const RegionLevel next =
      LevelOf(region) == RegionLevel::kProvince ? RegionLevel::kCity : RegionLevel::kCounty;
  std::set<std::string> children;
  for (const auto& [code, value] : own) {
    if (code == region || !RegionContains(region, code)) continue;
    std::string child = RegionAtLevel(code, next);
    // A code whose middle digits are "00" has no division between it and its province.
    if (child == region) child = code;
    children.insert(std::move(child));
  }
  std::optional<int64_t> total;
  for (const std::string& child : children) {
    absl::StatusOr<std::optional<int64_t>> figure = RollUpIn(child, own);
    if (!figure.ok()) return figure.status();
    if (!*figure) continue;
    absl::StatusOr<int64_t> sum = Add(total.value_or(0), **figure);
    if (!sum.ok()) return sum.status();
    total = *sum;
  }
  return total;
}

// What one region reported for the period.
struct RegionReport {
  std::optional<int64_t> whole;
  std::optional<int64_t> first;
  std::optional<int64_t> second;
};

TargetCheck Check(int half, std::optional<int64_t> actual, int64_t target, int64_t mark,
                  absl::Time end, absl::Time now) {
  TargetCheck check;
  check.half = half;
  check.actual = actual;
  check.completion_bp = CompletionBp(actual.value_or(0), target);
  check.assessment = now < end                     ? Assessment::kPending
                     : check.completion_bp >= mark ? Assessment::kMet
                                                   : Assessment::kNotMet;
  return check;
}

}  // namespace

std::string TargetId(absl::string_view indicator_code, absl::string_view region_code, int year) {
  return ObservationId(indicator_code, region_code, year, kWholeYear);
}

void ValidateTarget(const Target& target, const std::optional<Indicator>& indicator,
                    Violations& violations) {
  if (target.indicator_code.empty()) {
    violations.Add("indicator", "is required");
  } else if (!indicator) {
    violations.Add("indicator", absl::StrCat("'", IndicatorName(target.indicator_code),
                                             "' is not a known indicator"));
  }
  if (!IsRegionCode(target.region_code)) {
    violations.Add("region_code",
                   absl::StrCat("must be a GB/T 2260 code of six digits, e.g. 510500, got '",
                                BoundedText(target.region_code, kMaxEchoBytes), "'"));
  }
  CheckLedgerYear("year", target.year, violations);
  CheckFigure(target.value,
              indicator ? std::optional<IndicatorUnit>(indicator->unit) : std::nullopt, "value",
              violations);
}

void ApplyTargetUpdate(const std::vector<std::string>& paths, const Target& patch, Target& target,
                       Violations& violations) {
  auto copy_value = [](Target& t, const Target& p) { t.value = p.value; };
  static const std::vector<MutableField<Target>> kMutable = {
      {"count", copy_value}, {"money", copy_value}, {"percent_bp", copy_value}};
  static const std::vector<absl::string_view> kFixed = {
      "name",       "indicator",  "region_code", "year",        "actual", "checks",
      "completion", "assessment", "create_time", "update_time", "etag",   "indicator_unit"};
  ApplyUpdateMask(paths, kMutable, kFixed, patch, target, violations);
}

absl::string_view AssessmentName(Assessment assessment) {
  return kAssessmentNames.Name(assessment);
}

absl::Time PeriodEnd(int year, int half) {
  static const absl::TimeZone kChinaStandardTime = absl::FixedTimeZone(8 * 60 * 60);
  if (half == 1) return absl::FromCivil(absl::CivilDay(year, 7, 1), kChinaStandardTime);
  return absl::FromCivil(absl::CivilDay(year + 1, 1, 1), kChinaStandardTime);
}

int64_t CompletionBp(int64_t actual, int64_t target) {
  if (target <= 0) return 10000;
  const absl::int128 ratio = absl::int128(actual) * 10000 / target;
  if (ratio > std::numeric_limits<int64_t>::max()) return std::numeric_limits<int64_t>::max();
  return static_cast<int64_t>(ratio);
}

absl::StatusOr<std::optional<int64_t>> RollUp(absl::string_view region,
                                              const std::vector<RegionFigure>& figures) {
  FigureMap own;
  for (const RegionFigure& figure : figures) {
    auto [it, inserted] = own.try_emplace(figure.region_code, figure.value);
    if (inserted) continue;
    absl::StatusOr<int64_t> sum = Add(it->second, figure.value);
    if (!sum.ok()) return sum.status();
    it->second = *sum;
  }
  return RollUpIn(region, own);
}

absl::StatusOr<TargetProgress> ComputeProgress(const Target& target,
                                               const std::vector<Observation>& observations,
                                               const std::vector<RegionFigure>& derived,
                                               absl::Time now) {
  const IndicatorUnit unit = target.value ? target.value->unit : IndicatorUnit::kCount;
  const int64_t goal = target.value ? target.value->value : 0;
  const bool ratio = unit == IndicatorUnit::kPercent;
  // Ratios do not add up across regions: only the target region's own figure counts.
  auto counts = [&](absl::string_view region) {
    return ratio ? region == target.region_code : RegionContains(target.region_code, region);
  };
  absl::flat_hash_map<std::string, RegionReport> reports;
  for (const Observation& o : observations) {
    if (o.indicator_code != target.indicator_code || o.year != target.year || !o.value ||
        !counts(o.region_code)) {
      continue;
    }
    RegionReport& report = reports[o.region_code];
    (o.half == 1 ? report.first : o.half == 2 ? report.second : report.whole) = o.value->value;
  }
  std::vector<RegionFigure> year_figures;
  std::vector<RegionFigure> first_figures;
  for (const auto& [region, report] : reports) {
    if (report.first) first_figures.push_back({region, *report.first});
    if (report.whole) {
      year_figures.push_back({region, *report.whole});
    } else if (ratio) {
      if (report.second || report.first) {
        year_figures.push_back({region, report.second ? *report.second : *report.first});
      }
    } else {
      // Both halves count: RollUp adds the figures of one region.
      if (report.first) year_figures.push_back({region, *report.first});
      if (report.second) year_figures.push_back({region, *report.second});
    }
  }
  if (year_figures.empty()) {
    // Derived figures count records, and records add up: a record of a city is one record, not
    // the city's total as its observation would be, so its counties' records count beside it.
    std::optional<int64_t> total;
    for (const RegionFigure& figure : derived) {
      if (!counts(figure.region_code)) continue;
      absl::StatusOr<int64_t> sum = Add(total.value_or(0), figure.value);
      if (!sum.ok()) return sum.status();
      total = *sum;
    }
    if (total) year_figures.push_back({target.region_code, *total});
  }
  absl::StatusOr<std::optional<int64_t>> year_actual = RollUp(target.region_code, year_figures);
  if (!year_actual.ok()) return year_actual.status();
  absl::StatusOr<std::optional<int64_t>> first_actual = RollUp(target.region_code, first_figures);
  if (!first_actual.ok()) return first_actual.status();

  TargetProgress progress;
  progress.year =
      Check(kWholeYear, *year_actual, goal, 10000, PeriodEnd(target.year, kWholeYear), now);
  progress.checks.push_back(
      Check(1, *first_actual, goal, ratio ? 10000 : 5000, PeriodEnd(target.year, 1), now));
  progress.checks.push_back(progress.year);
  return progress;
}

}  // namespace techmatch
