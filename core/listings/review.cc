#include "core/listings/review.h"

#include "absl/strings/str_cat.h"
#include "core/common/text_rules.h"

namespace techmatch {

bool WritesNeedReview(Role role) { return role == Role::kEnterprise || role == Role::kInstitute; }

bool SeesReviewQueue(Role role) { return role == Role::kAdmin || role == Role::kOrganizer; }

bool MaySeeRecord(const Principal& caller, absl::string_view owner_id, bool published) {
  return published || SeesReviewQueue(caller.role) ||
         (RoleNeedsOrganization(caller.role) && caller.organization_id == owner_id);
}

absl::Status CheckMaySee(const Principal& caller, absl::string_view owner_id, bool published,
                         absl::string_view name) {
  if (MaySeeRecord(caller, owner_id, published)) return absl::OkStatus();
  return absl::NotFoundError(absl::StrCat(name, " not found"));
}

void ValidateReturnReason(absl::string_view reason, Violations& violations) {
  CheckText("reason", reason, 1, kMaxReturnReasonChars, true, violations);
}

}  // namespace techmatch
