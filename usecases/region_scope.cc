#include "usecases/region_scope.h"

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "core/reference/region_code.h"

namespace techmatch::usecases {

absl::StatusOr<bool> InCallersRegion(storage::Repository& repository, const Principal& caller,
                                     absl::string_view organization_id) {
  if (caller.region_code.empty()) return true;
  TM_ASSIGN_OR_RETURN(Organization organization, repository.GetOrganization(organization_id));
  return RegionContains(caller.region_code, organization.region_code);
}

absl::Status CheckInRegion(storage::Repository& repository, const Principal& caller,
                           absl::string_view organization_id, absl::string_view what,
                           RegionAccess access) {
  TM_ASSIGN_OR_RETURN(bool inside, InCallersRegion(repository, caller, organization_id));
  if (inside) return absl::OkStatus();
  if (access == RegionAccess::kRead) return absl::NotFoundError(absl::StrCat(what, " not found"));
  return absl::PermissionDeniedError(absl::StrCat("a key of region ", caller.region_code,
                                                  " may not write ", what,
                                                  " of an organization outside it"));
}

}  // namespace techmatch::usecases
