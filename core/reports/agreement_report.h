// Report arithmetic over agreements: groupings, counts with distinct parties,
// overflow-checked sums, and the figures of one event.
#ifndef TECHMATCH_CORE_REPORTS_AGREEMENT_REPORT_H_
#define TECHMATCH_CORE_REPORTS_AGREEMENT_REPORT_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "core/agreements/agreement.h"

namespace techmatch {

// Values match the API enum GroupBy's numbers.
enum class GroupDimension {
  kEvent = 1,
  kKind = 2,
  kState = 3,
  kIndustry = 4,
  kRegion = 5,
  kSupplier = 6,
  kDemander = 7,
  kSignYear = 8,
  kSignMonth = 9,
};
absl::string_view GroupDimensionName(GroupDimension dimension);  // "EVENT", ...

// Each dimension at most once; violations under "group_by[i]".
void ValidateGroupBy(const std::vector<GroupDimension>& group_by, Violations& violations);

// Counts and sums of a set of agreements. Sums are in minor units; unset amounts count as 0.
struct AgreementTotals {
  int64_t agreement_count = 0;
  int64_t supplier_count = 0;  // Distinct SUPPLIER organizations.
  int64_t demander_count = 0;  // Distinct DEMANDER organizations.
  std::array<int64_t, kAmountFieldCount> sums{};

  int64_t sum(AmountField f) const { return sums[static_cast<size_t>(f)]; }
  friend bool operator==(const AgreementTotals&, const AgreementTotals&) = default;
};

// Adds every amount of `agreement` into `sums`; OUT_OF_RANGE instead of a wrapped number.
absl::Status AddAmounts(const Agreement& agreement, std::array<int64_t, kAmountFieldCount>& sums);

// One group: its values, one per dimension in request order, and its totals. Values: EVENT,
// SUPPLIER, DEMANDER an id; INDUSTRY a code; KIND, STATE a name; REGION a GB/T 2260 code;
// SIGN_YEAR "2026"; SIGN_MONTH "2026-11"; "" when the agreement has no value.
struct SummaryRow {
  std::vector<std::string> group_values;
  AgreementTotals totals;
};

struct AgreementReport {
  std::vector<SummaryRow> rows;  // Ordered by group values.
  AgreementTotals total;         // Each agreement once.
};

// The numbers an official's summary of one event states.
struct EventFigures {
  std::string event_display_name;
  int64_t needs_count = 0;
  int64_t offerings_count = 0;
  int64_t enterprise_count = 0;
  int64_t university_count = 0;
  int64_t research_institute_count = 0;
  int64_t government_count = 0;
  int64_t other_count = 0;
  // One entry per kind that occurs, in kind order.
  std::vector<std::pair<AgreementKind, AgreementTotals>> by_kind;
  AgreementTotals framework;   // FRAMEWORK_COOPERATION agreements.
  AgreementTotals technology;  // Every other kind together.
  AgreementTotals total;       // All agreements of the event.
  // Display names of the framework agreements' SUPPLIER parties, in first-signed order.
  std::vector<std::string> framework_partners;
};

}  // namespace techmatch

#endif  // TECHMATCH_CORE_REPORTS_AGREEMENT_REPORT_H_
