// Field rules the ledger's records (projects, commissioners, financings) share: the year a
// record counts in, the region it counts in, amounts, and the organizations it names.
#ifndef TECHMATCH_CORE_LEDGER_RECORD_FIELDS_H_
#define TECHMATCH_CORE_LEDGER_RECORD_FIELDS_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/common/field_violations.h"
#include "core/reference/reference_lookup.h"

namespace techmatch {

// The years a ledger record may count in.
inline constexpr int kFirstLedgerYear = 1980;
inline constexpr int kLastLedgerYear = 2100;

// `year` within kFirstLedgerYear..kLastLedgerYear.
void CheckLedgerYear(absl::string_view field, int year, Violations& violations);
// A GB/T 2260 code (core/reference/region_code.h); required.
void CheckLedgerRegion(absl::string_view field, absl::string_view code, Violations& violations);
// Not negative, when given.
void CheckNotNegative(absl::string_view field, const std::optional<int64_t>& minor,
                      Violations& violations);
// Organization `id` exists (a malformed or empty id was reported where it was read and is
// skipped here). Fails only when the lookup fails.
absl::Status CheckOrganizationExists(absl::string_view field, absl::string_view id,
                                     ReferenceLookup& lookup, Violations& violations);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_LEDGER_RECORD_FIELDS_H_
