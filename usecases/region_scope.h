// Region scoping: an OFFICIAL or ORGANIZER with a region (Principal::region_code) sees, lists,
// matches and reports only records of organizations in that region or under it, and may write
// only those. Lists narrow through storage::ReadScope::region; single records are checked here.
#ifndef TECHMATCH_USECASES_REGION_SCOPE_H_
#define TECHMATCH_USECASES_REGION_SCOPE_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "core/auth/role.h"
#include "storage/repository.h"

namespace techmatch::usecases {

enum class RegionAccess { kRead, kWrite };

// OK when `caller` has no region or organization `organization_id` lies in it. Otherwise a read
// is NOT_FOUND for `what` (as though it did not exist), a write PERMISSION_DENIED.
absl::Status CheckInRegion(storage::Repository& repository, const Principal& caller,
                           absl::string_view organization_id, absl::string_view what,
                           RegionAccess access);

// Whether organization `organization_id` lies in `caller`'s region (true without one).
absl::StatusOr<bool> InCallersRegion(storage::Repository& repository, const Principal& caller,
                                     absl::string_view organization_id);

}  // namespace techmatch::usecases

#endif  // TECHMATCH_USECASES_REGION_SCOPE_H_
