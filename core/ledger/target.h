// Targets (目标任务) issued to a region for an indicator and a year, and how far the region's
// figures have come: the actual, the completion and the assessment, at the half-year and the
// year-end checks.
//
// How the actual is computed (ComputeProgress), all in integer arithmetic:
// - Figures roll up the GB/T 2260 hierarchy: a county's figures count in its city and province.
//   When a region reports a figure for itself, that figure is its total (officials' tables give
//   a city its own total, which already includes its counties), and its subordinates' figures
//   are not added to it; a region without a figure of its own counts as the sum of its direct
//   subordinates' (each rolled up the same way). PERCENT figures are ratios, which do not add
//   up: only the target region's own figure counts.
// - The year's figure of a region is its whole-year observation; without one, the sum of its
//   half-year observations (for PERCENT, the second half's, else the first's).
// - The half-year check reads first-half observations only. Its completion is measured against
//   the whole-year target, and it is MET at 5,000 basis points (时间过半、任务过半: half the
//   year, half the target) — for PERCENT at 10,000, a ratio having no halves.
// - A DERIVED indicator's figures from the ledger's records (indicator.h) count only when no
//   observation of the check's period lies in the target's region.
// - completion = actual × 10,000 ÷ target basis points, rounded down (never up to MET by
//   rounding), at most INT64_MAX; with no figure the actual is 0; a target of 0 is complete
//   (10,000) whatever the actual.
// - assessment: PENDING until the period ends (the year, or the half for the half-year check:
//   midnight China Standard Time, UTC+08:00, on 1 January or 1 July); then MET when completion
//   reaches the mark (10,000, or the half-year mark above), NOT_MET otherwise.
#ifndef TECHMATCH_CORE_LEDGER_TARGET_H_
#define TECHMATCH_CORE_LEDGER_TARGET_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/common/field_violations.h"
#include "core/common/resource_meta.h"
#include "core/ledger/indicator.h"
#include "core/ledger/observation.h"

namespace techmatch {

inline constexpr absl::string_view kTargets = "targets";

struct Target {
  ResourceMeta meta;  // meta.id: TargetId of (indicator, region, year).
  std::string indicator_code;
  std::string region_code;
  int year = 0;
  std::optional<Figure> value;  // nullopt: not given (a violation).
};

// "spark-trainees-510500-2025": one target per (indicator, region, year).
std::string TargetId(absl::string_view indicator_code, absl::string_view region_code, int year);

// Field rules, given the target's indicator (nullopt when there is no such indicator): the
// indicator known, region a GB/T 2260 code, year in range, the value per CheckFigure.
void ValidateTarget(const Target& target, const std::optional<Indicator>& indicator,
                    Violations& violations);

// Applies an update_mask: only the value changes (`count`, `money` or `percent_bp`); the
// indicator, region and year make the target's identity.
void ApplyTargetUpdate(const std::vector<std::string>& paths, const Target& patch, Target& target,
                       Violations& violations);

// Values match the API enum's numbers.
enum class Assessment { kMet = 1, kNotMet = 2, kPending = 3 };
absl::string_view AssessmentName(Assessment assessment);  // "MET", "NOT_MET", "PENDING"

// One region's figure from the ledger's records (a derived figure) for a whole year.
struct RegionFigure {
  std::string region_code;
  int64_t value = 0;
};

// A check of a target at the end of a period: the first half (half 1) or the whole year (0).
struct TargetCheck {
  int half = kWholeYear;
  std::optional<int64_t> actual;  // nullopt: no figure for the period yet.
  int64_t completion_bp = 0;
  Assessment assessment = Assessment::kPending;

  friend bool operator==(const TargetCheck&, const TargetCheck&) = default;
};

struct TargetProgress {
  TargetCheck year;                 // The target's actual, completion and assessment.
  std::vector<TargetCheck> checks;  // The half-year check, then the year-end one.
};

// When the period ends: midnight China Standard Time on 1 July (half 1) or on 1 January of the
// next year (the whole year; also half 2).
absl::Time PeriodEnd(int year, int half);

// The target's progress at `now` from `observations` (any; those of other indicators, years or
// regions are ignored) and, for a DERIVED indicator, `derived` (whole-year figures by region).
// OUT_OF_RANGE when a sum overflows 64 bits.
absl::StatusOr<TargetProgress> ComputeProgress(const Target& target,
                                               const std::vector<Observation>& observations,
                                               const std::vector<RegionFigure>& derived,
                                               absl::Time now);

// The rolled-up figure of `region` from per-region figures (the rule above), or nullopt when
// neither the region nor any region under it has one. OUT_OF_RANGE on overflow.
absl::StatusOr<std::optional<int64_t>> RollUp(absl::string_view region,
                                              const std::vector<RegionFigure>& figures);

// actual × 10,000 ÷ target, rounded down, at most INT64_MAX; 10,000 for a target of 0.
int64_t CompletionBp(int64_t actual, int64_t target);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_LEDGER_TARGET_H_
