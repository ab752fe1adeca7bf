// Programme indicators (指标): what the bureau counts, sums or measures each year — demonstration
// townships, spark trainees, patent applications, new output value — as data, each with its
// unit. Observations (observation.h) and targets (target.h) are recorded against them.
#ifndef TECHMATCH_CORE_LEDGER_INDICATOR_H_
#define TECHMATCH_CORE_LEDGER_INDICATOR_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/common/field_violations.h"
#include "core/common/resource_meta.h"
#include "core/ledger/record_fields.h"

namespace techmatch {

inline constexpr absl::string_view kIndicators = "indicators";

// Values match the API enum's numbers.
enum class IndicatorUnit {
  kCount = 1,    // int64 counts (townships, trainees, patents)
  kMoney = 2,    // integer minor units of the deployment's base currency
  kPercent = 3,  // basis points (1% = 100)
};
absl::string_view IndicatorUnitName(IndicatorUnit unit);  // "COUNT", "MONEY", "PERCENT"
std::optional<IndicatorUnit> IndicatorUnitFromName(absl::string_view name);

// Where an indicator's actual figures come from. Output only: decided by the code (whether a
// derivation over the ledger's records is written for the indicator, DerivationOf), not stored.
enum class IndicatorSource {
  kObserved = 1,  // only from recorded observations
  kDerived = 2,   // from the ledger's records when no observation was recorded
};
absl::string_view IndicatorSourceName(IndicatorSource source);  // "OBSERVED", "DERIVED"

struct Indicator {
  ResourceMeta meta;  // meta.id is the code, e.g. "spark_trainees".
  std::string display_name_zh;
  std::string display_name_en;
  IndicatorUnit unit = IndicatorUnit::kCount;
};

// Indicator codes are snake_case, as officials' tables name the columns: `[a-z][a-z0-9_]{0,39}`
// (short enough that an observation's or target's id, which contains it, stays within 63).
inline constexpr size_t kMaxIndicatorCodeChars = 40;
bool IsValidIndicatorCode(absl::string_view code);

// "indicators/{code}".
std::string IndicatorName(absl::string_view code);
// The code of `name` ("indicators/{code}"); INVALID_ARGUMENT on `field` otherwise.
absl::StatusOr<std::string> ParseIndicatorName(absl::string_view name, absl::string_view field);

// Field rules of a new indicator: the code (meta.id), a Chinese display name of 1–200
// characters, an English one of at most 200, a unit.
void ValidateIndicator(const Indicator& indicator, Violations& violations);

// The derivation of an indicator whose figures can be read from the ledger's records, as a
// sentence for the API's `source_description`; nullopt for an indicator only observed.
std::optional<absl::string_view> DerivationOf(absl::string_view code);
IndicatorSource SourceOf(absl::string_view code);

// Whether the indicator's figures come from the ledger's records alone (agreements, projects,
// fund arrivals, commissioners, financing), so that an observation of it is refused: a second
// figure beside the records could only disagree with them.
bool IsRecordsOnly(absl::string_view code);
// Whether the indicator's figure is a sum of the ledger's projects, fund arrivals,
// commissioners or financing, which the programme report shows in their own sections (every
// records-only indicator but achievements_transformed).
bool HasReportSection(absl::string_view code);

// Years a ledger record may name.

}  // namespace techmatch

#endif  // TECHMATCH_CORE_LEDGER_INDICATOR_H_
