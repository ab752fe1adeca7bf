// Review before publication: what enterprises and institutes write waits until an organizer
// publishes it (or returns it with a reason, for its owner to change and submit again). Until
// then only its owner and the organizers see it; nothing else matches, lists, shows or counts it.
#ifndef TECHMATCH_CORE_LISTINGS_REVIEW_H_
#define TECHMATCH_CORE_LISTINGS_REVIEW_H_

#include <cstddef>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "core/auth/role.h"
#include "core/common/field_violations.h"

namespace techmatch {

// The longest reason a return may give, in characters.
inline constexpr size_t kMaxReturnReasonChars = 500;

// Whether a record written by `role` waits for review: ENTERPRISE and INSTITUTE writes do;
// organizers' own writes and imports publish at once.
bool WritesNeedReview(Role role);
// Whether `role` sees unpublished records of every organization (the review queue).
bool SeesReviewQueue(Role role);
// Whether `caller` may see a record owned by `owner_id` that is `published` or not.
bool MaySeeRecord(const Principal& caller, absl::string_view owner_id, bool published);
// MaySeeRecord as a status: NOT_FOUND for the record `name`, worded as for one that does not
// exist, when `caller` may not see it.
absl::Status CheckMaySee(const Principal& caller, absl::string_view owner_id, bool published,
                         absl::string_view name);
// The reason of a return: 1–500 characters of text, on field "reason".
void ValidateReturnReason(absl::string_view reason, Violations& violations);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_LISTINGS_REVIEW_H_
