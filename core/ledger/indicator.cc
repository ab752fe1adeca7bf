#include "core/ledger/indicator.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "core/common/bounded_text.h"
#include "core/common/enum_names.h"
#include "core/common/text_rules.h"

namespace techmatch {
namespace {

constexpr EnumNames<IndicatorUnit, 3> kUnitNames({{
    {IndicatorUnit::kCount, "COUNT"},
    {IndicatorUnit::kMoney, "MONEY"},
    {IndicatorUnit::kPercent, "PERCENT"},
}});

constexpr EnumNames<IndicatorSource, 2> kSourceNames({{
    {IndicatorSource::kObserved, "OBSERVED"},
    {IndicatorSource::kDerived, "DERIVED"},
}});

}  // namespace

absl::string_view IndicatorUnitName(IndicatorUnit unit) { return kUnitNames.Name(unit); }
std::optional<IndicatorUnit> IndicatorUnitFromName(absl::string_view name) {
  return kUnitNames.FromName(name);
}
absl::string_view IndicatorSourceName(IndicatorSource source) { return kSourceNames.Name(source); }

bool IsValidIndicatorCode(absl::string_view code) {
  if (code.empty() || code.size() > kMaxIndicatorCodeChars) return false;
  if (code[0] < 'a' || code[0] > 'z') return false;
  for (char c : code) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

std::string IndicatorName(absl::string_view code) { return absl::StrCat(kIndicators, "/", code); }

absl::StatusOr<std::string> ParseIndicatorName(absl::string_view name, absl::string_view field) {
  const std::string prefix = absl::StrCat(kIndicators, "/");
  if (!absl::StartsWith(name, prefix) || !IsValidIndicatorCode(name.substr(prefix.size()))) {
    return InvalidFieldError(std::string(field),
                             absl::StrCat("must be 'indicators/{code}' with code "
                                          "[a-z][a-z0-9_]{0,39}, got '",
                                          BoundedText(name, kMaxEchoBytes), "'"));
  }
  return std::string(name.substr(prefix.size()));
}

void ValidateIndicator(const Indicator& indicator, Violations& violations) {
  CheckText("display_name_zh", indicator.display_name_zh, 1, kMaxTitleChars, false, violations);
  CheckText("display_name_en", indicator.display_name_en, 0, kMaxTitleChars, false, violations);
  if (IndicatorUnitName(indicator.unit) == "UNSPECIFIED") {
    violations.Add("unit", "is required: COUNT, MONEY or PERCENT");
  }
}

namespace {

struct RecordsDerivation {
  absl::string_view code;
  absl::string_view description;
};

// Seeded by SQLite migration 14; usecases/derived_figures.cc computes each.
constexpr RecordsDerivation kRecordsOnly[] = {
    {"projects_approved",
     "projects approved that year (their year) with their region in the region or under it; "
     "from the ledger's records only (observations are refused)"},
    {"project_funds_arrived",
     "fund arrivals whose arrive_time falls in that year (China Standard Time), of projects in "
     "the region or under it; from the ledger's records only (observations are refused)"},
    {"commissioners_sent",
     "technology commissioners serving that year in the region or under it; from the ledger's "
     "records only (observations are refused)"},
    {"financing_arranged",
     "financing of every kind granted that year (China Standard Time) in the region or under "
     "it; from the ledger's records only (observations are refused)"},
    {"loans_arranged",
     "LOAN financing granted that year (China Standard Time) in the region or under it; from "
     "the ledger's records only (observations are refused)"},
};

// The fair's agreements record technology put to use in a region.
constexpr RecordsDerivation kAchievementsTransformed = {
    "achievements_transformed",
    "technology transfer, licence and development contracts in implementation or completed, "
    "signed that year (China Standard Time), each under the region of its first DEMANDER; from "
    "the agreements only (observations are refused)"};

}  // namespace

std::optional<absl::string_view> DerivationOf(absl::string_view code) {
  if (code == kAchievementsTransformed.code) return kAchievementsTransformed.description;
  for (const RecordsDerivation& derivation : kRecordsOnly) {
    if (derivation.code == code) return derivation.description;
  }
  return std::nullopt;
}

bool IsRecordsOnly(absl::string_view code) {
  return code == kAchievementsTransformed.code || HasReportSection(code);
}

bool HasReportSection(absl::string_view code) {
  for (const RecordsDerivation& derivation : kRecordsOnly) {
    if (derivation.code == code) return true;
  }
  return false;
}

IndicatorSource SourceOf(absl::string_view code) {
  return DerivationOf(code) ? IndicatorSource::kDerived : IndicatorSource::kObserved;
}

}  // namespace techmatch
