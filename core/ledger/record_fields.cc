#include "core/ledger/record_fields.h"

#include "absl/strings/str_cat.h"
#include "core/common/resource_id.h"
#include "core/common/status_macros.h"
#include "core/reference/region_code.h"

namespace techmatch {

void CheckLedgerYear(absl::string_view field, int year, Violations& violations) {
  if (year < kFirstLedgerYear || year > kLastLedgerYear) {
    violations.Add(std::string(field), absl::StrCat("must be a year from ", kFirstLedgerYear,
                                                    " to ", kLastLedgerYear, ", got ", year));
  }
}

void CheckLedgerRegion(absl::string_view field, absl::string_view code, Violations& violations) {
  if (code.empty()) {
    violations.Add(std::string(field), "is required: a GB/T 2260 code such as 510500");
  } else if (!IsRegionCode(code)) {
    violations.Add(std::string(field), "must be a GB/T 2260 code: six digits such as 510500");
  }
}

void CheckNotNegative(absl::string_view field, const std::optional<int64_t>& minor,
                      Violations& violations) {
  if (minor && *minor < 0) violations.Add(std::string(field), "must not be negative");
}

absl::Status CheckOrganizationExists(absl::string_view field, absl::string_view id,
                                     ReferenceLookup& lookup, Violations& violations) {
  if (!IsValidId(id)) return absl::OkStatus();
  TM_ASSIGN_OR_RETURN(std::optional<OrganizationKind> kind, lookup.FindOrganizationKind(id));
  if (!kind) {
    violations.Add(std::string(field),
                   absl::StrCat("unknown organization '", ResourceName(kOrganizations, id), "'"));
  }
  return absl::OkStatus();
}

}  // namespace techmatch
