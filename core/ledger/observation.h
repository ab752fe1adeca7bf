// Observations: one indicator's figure for one region (GB/T 2260) and year, or half of it, as an
// official's table reports it. One per (indicator, region, year, half); its id is derived from
// that key, so a second one for the same key is found, not added.
#ifndef TECHMATCH_CORE_LEDGER_OBSERVATION_H_
#define TECHMATCH_CORE_LEDGER_OBSERVATION_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "core/common/field_violations.h"
#include "core/common/resource_meta.h"
#include "core/ledger/indicator.h"

namespace techmatch {

inline constexpr absl::string_view kObservations = "observations";

// A value in an indicator's unit: a count, minor units of the base currency, or basis points.
// `unit` says which of the API's fields carried it.
struct Figure {
  IndicatorUnit unit = IndicatorUnit::kCount;
  int64_t value = 0;

  friend bool operator==(const Figure&, const Figure&) = default;
};

// 0 = the whole year; 1 = January–June; 2 = July–December.
inline constexpr int kWholeYear = 0;

struct Observation {
  ResourceMeta meta;  // meta.id: ObservationId of the key.
  std::string indicator_code;
  std::string region_code;
  int year = 0;
  int half = kWholeYear;
  std::optional<Figure> value;  // nullopt: not given (a violation).
  std::string note;
};

// The id of the observation of (indicator, region, year, half): the code with '-' for '_', the
// region, the year and, for a half, "h1" or "h2", e.g. "spark-trainees-510500-2025-h1".
std::string ObservationId(absl::string_view indicator_code, absl::string_view region_code, int year,
                          int half);

inline constexpr size_t kMaxNoteChars = 500;

// Adds violations for a figure given as `value` for an indicator of `unit` (nullopt: unknown
// indicator, reported elsewhere): required, in the indicator's unit (e.g. no money for a COUNT
// indicator), not negative. Named by the API field that carried it (`count`, `money`,
// `percent_bp`), or `value_field` when none was given.
void CheckFigure(const std::optional<Figure>& value, std::optional<IndicatorUnit> unit,
                 absl::string_view value_field, Violations& violations);
// The API field a figure of `unit` travels in: "count", "money" or "percent_bp".
absl::string_view FigureField(IndicatorUnit unit);

// Field rules of an observation, given its indicator (nullopt when there is no such indicator):
// indicator known and not records-only (IsRecordsOnly), region a GB/T 2260 code, year in range,
// half 0 (whole year), 1 or 2, the value per CheckFigure, note at most kMaxNoteChars.
void ValidateObservation(const Observation& observation, const std::optional<Indicator>& indicator,
                         Violations& violations);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_LEDGER_OBSERVATION_H_
