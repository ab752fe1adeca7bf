// Science–finance records of the programme ledger: loans, guarantees, equity, awards and
// subsidies an organization granted another, optionally under a framework agreement.
#ifndef TECHMATCH_CORE_LEDGER_FINANCING_H_
#define TECHMATCH_CORE_LEDGER_FINANCING_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/common/field_violations.h"
#include "core/common/resource_meta.h"
#include "core/reference/reference_lookup.h"

namespace techmatch {

inline constexpr absl::string_view kFinancings = "financings";

// Values match the API enum's numbers.
enum class FinancingKind { kLoan = 1, kGuarantee = 2, kEquity = 3, kAward = 4, kSubsidy = 5 };
absl::string_view FinancingKindName(FinancingKind kind);  // "LOAN", ...
std::optional<FinancingKind> FinancingKindFromName(absl::string_view name);
std::vector<std::string> FinancingKindNames();

struct Financing {
  ResourceMeta meta;
  FinancingKind kind = FinancingKind::kLoan;
  std::string provider_id;
  std::string recipient_id;
  int64_t amount_minor = 0;
  absl::Time grant_time = absl::InfinitePast();  // InfinitePast = not given.
  std::string agreement_id;                      // Empty when none.
  std::string region_code;
};

// The year of `grant_time` in China Standard Time (UTC+08:00), as the ledger counts years.
int GrantYearOf(absl::Time grant_time);

// How far in the future a grant_time may lie to allow for clients' clock skew.
inline constexpr absl::Duration kGrantTimeSkew = absl::Minutes(5);

// Field rules that need no other record, judged at `now`: a kind; a provider and a recipient,
// not the same; amount more than zero; grant_time given, not after now (+ kGrantTimeSkew) and
// in a ledger year; a GB/T 2260 region (required: the use case fills the recipient's first).
void ValidateFinancingAt(const Financing& financing, absl::Time now, Violations& violations);
void ValidateFinancing(const Financing& financing, Violations& violations);

// Whether agreement `id` exists (storage answers).
using AgreementExists = std::function<absl::StatusOr<bool>(absl::string_view id)>;

// The provider and the recipient exist; the agreement, when named, exists. Fails only when a
// lookup fails.
absl::Status CheckFinancingReferences(const Financing& financing, ReferenceLookup& lookup,
                                      const AgreementExists& agreement_exists,
                                      Violations& violations);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_LEDGER_FINANCING_H_
