#include "usecases/ledger_scope.h"

#include "absl/strings/str_cat.h"
#include "core/reference/region_code.h"

namespace techmatch::usecases {

storage::ReadScope LedgerScopeOf(const Principal& caller) {
  storage::ReadScope scope;
  if (RoleNeedsOrganization(caller.role)) scope.party = caller.organization_id;
  scope.region = caller.region_code;
  return scope;
}

absl::Status CheckLedgerWriteRegion(const Principal& caller, absl::string_view region_code,
                                    absl::string_view what) {
  if (caller.region_code.empty() || RegionContains(caller.region_code, region_code)) {
    return absl::OkStatus();
  }
  return absl::PermissionDeniedError(absl::StrCat("a caller of region ", caller.region_code,
                                                  " may not write ", what, " of region ",
                                                  region_code, " outside it"));
}

}  // namespace techmatch::usecases
