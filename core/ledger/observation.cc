#include "core/ledger/observation.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "core/common/bounded_text.h"
#include "core/common/text_rules.h"
#include "core/reference/region_code.h"

namespace techmatch {

std::string ObservationId(absl::string_view indicator_code, absl::string_view region_code, int year,
                          int half) {
  std::string code(indicator_code);
  std::replace(code.begin(), code.end(), '_', '-');
  std::string id = absl::StrCat(code, "-", region_code, "-", year);
  if (half != kWholeYear) absl::StrAppend(&id, "-h", half);
  return id;
}

absl::string_view FigureField(IndicatorUnit unit) {
  switch (unit) {
    case IndicatorUnit::kMoney:
      return "money";
    case IndicatorUnit::kPercent:
      return "percent_bp";
    case IndicatorUnit::kCount:
      break;
  }
  return "count";
}

void CheckFigure(const std::optional<Figure>& value, std::optional<IndicatorUnit> unit,
                 absl::string_view value_field, Violations& violations) {
  if (!value) {
    violations.Add(std::string(value_field),
                   unit ? absl::StrCat("is required: give `", FigureField(*unit), "` (a ",
                                       IndicatorUnitName(*unit), " indicator)")
                        : std::string("is required: count, money or percent_bp"));
    return;
  }
  const std::string field(FigureField(value->unit));
  if (unit && value->unit != *unit) {
    violations.Add(field, absl::StrCat("the indicator's unit is ", IndicatorUnitName(*unit),
                                       ": give `", FigureField(*unit), "` instead"));
  }
  if (value->value < 0) violations.Add(field, "must not be negative");
}

void ValidateObservation(const Observation& observation, const std::optional<Indicator>& indicator,
                         Violations& violations) {
  if (observation.indicator_code.empty()) {
    violations.Add("indicator", "is required");
  } else if (!indicator) {
    violations.Add("indicator", absl::StrCat("'", IndicatorName(observation.indicator_code),
                                             "' is not a known indicator"));
  } else if (IsRecordsOnly(observation.indicator_code)) {
    violations.Add("indicator",
                   absl::StrCat("'", IndicatorName(observation.indicator_code),
                                "' is not observed: its figure comes from the ledger's records"));
  }
  if (!IsRegionCode(observation.region_code)) {
    violations.Add("region_code",
                   absl::StrCat("must be a GB/T 2260 code of six digits, e.g. 510500, got '",
                                BoundedText(observation.region_code, kMaxEchoBytes), "'"));
  }
  CheckLedgerYear("year", observation.year, violations);
  if (observation.half != kWholeYear && observation.half != 1 && observation.half != 2) {
    violations.Add("half", absl::StrCat("must be 1 (January–June) or 2 (July–December), or "
                                        "absent for the whole year; got ",
                                        observation.half));
  }
  CheckFigure(observation.value,
              indicator ? std::optional<IndicatorUnit>(indicator->unit) : std::nullopt, "value",
              violations);
  CheckText("note", observation.note, 0, kMaxNoteChars, true, violations);
}

}  // namespace techmatch
