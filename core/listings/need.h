// Needs: an enterprise's technology need (技術需求) and its lifecycle.
#ifndef TECHMATCH_CORE_LISTINGS_NEED_H_
#define TECHMATCH_CORE_LISTINGS_NEED_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "core/common/field_violations.h"
#include "core/common/resource_meta.h"
#include "core/listings/listing.h"

namespace techmatch {

class ReferenceLookup;

// SUBMITTED → OPEN (published) or RETURNED (→ SUBMITTED on its owner's next update);
// OPEN → CLOSED once an agreement meets it; OPEN, SUBMITTED or RETURNED → WITHDRAWN.
enum class NeedState { kOpen = 1, kWithdrawn = 2, kClosed = 3, kSubmitted = 4, kReturned = 5 };
absl::string_view NeedStateName(NeedState state);  // "OPEN", ...
std::optional<NeedState> NeedStateFromName(absl::string_view name);
std::vector<std::string> NeedStateNames();

struct Need {
  ResourceMeta meta;
  std::string enterprise_id;
  Listing listing;
  std::optional<int64_t> budget_minor;  // In the base currency's minor units.
  std::optional<int> min_trl;           // 1–9.
  NeedState state = NeedState::kOpen;
  // Whether an organizer published it (or wrote it): only published needs are shown to other
  // organizations, matched and counted. False exactly while SUBMITTED or RETURNED, and for a
  // need withdrawn before it was published.
  bool published = true;
  // Why the last review returned it; cleared when it is published. Output only.
  std::string return_reason;
  // The agreement that met it, when its closer named one. Output only.
  std::string closing_agreement_id;
};

void ValidateNeed(const Need& need, Violations& violations);
// The enterprise exists and is an ENTERPRISE; industries and events exist.
absl::Status CheckNeedReferences(const Need& need, ReferenceLookup& lookup, Violations& violations);
// FAILED_PRECONDITION unless the need is OPEN, SUBMITTED or RETURNED: withdrawn and closed
// needs are read-only.
absl::Status CheckNeedEditable(const Need& need);
// A new need: SUBMITTED when `reviewed` (its writer's writes wait for review), else OPEN.
void StartNeed(Need& need, bool reviewed);
// Its owner changed a RETURNED need: SUBMITTED again (any other state stays).
void ResubmitNeed(Need& need);
// SUBMITTED → OPEN (published; the return reason cleared), else FAILED_PRECONDITION.
absl::Status PublishNeed(Need& need);
// SUBMITTED → RETURNED with `reason` (validated by the caller), else FAILED_PRECONDITION.
absl::Status ReturnNeed(Need& need, absl::string_view reason);
// OPEN → CLOSED, remembering `agreement_id` (may be empty), else FAILED_PRECONDITION.
absl::Status CloseNeed(Need& need, absl::string_view agreement_id);
// Applies an update_mask (`enterprise` is immutable, `state` output only).
void ApplyNeedUpdate(const std::vector<std::string>& paths, const Need& patch, Need& target,
                     Violations& violations);
// OPEN, SUBMITTED or RETURNED → WITHDRAWN, else FAILED_PRECONDITION.
absl::Status WithdrawNeed(Need& need);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_LISTINGS_NEED_H_
