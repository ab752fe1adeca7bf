// Offerings: an institute's technology achievement (科技成果) and its lifecycle.
#ifndef TECHMATCH_CORE_LISTINGS_OFFERING_H_
#define TECHMATCH_CORE_LISTINGS_OFFERING_H_

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

// SUBMITTED → AVAILABLE (published) or RETURNED (→ SUBMITTED on its owner's next update);
// AVAILABLE, SUBMITTED or RETURNED → WITHDRAWN.
enum class OfferingState { kAvailable = 1, kWithdrawn = 2, kSubmitted = 3, kReturned = 4 };
absl::string_view OfferingStateName(OfferingState state);  // "AVAILABLE", ...
std::optional<OfferingState> OfferingStateFromName(absl::string_view name);
std::vector<std::string> OfferingStateNames();

struct Offering {
  ResourceMeta meta;
  std::string institute_id;
  Listing listing;
  int trl = 0;  // 1–9, required.
  std::vector<std::string> patents;
  std::optional<int64_t> asking_price_minor;  // In the base currency's minor units.
  OfferingState state = OfferingState::kAvailable;
  // Whether an organizer published it (or wrote it); see Need::published.
  bool published = true;
  // Why the last review returned it; cleared when it is published. Output only.
  std::string return_reason;
};

void ValidateOffering(const Offering& offering, Violations& violations);
// The institute exists and is a UNIVERSITY, RESEARCH_INSTITUTE or ENTERPRISE; industries and
// events exist.
absl::Status CheckOfferingReferences(const Offering& offering, ReferenceLookup& lookup,
                                     Violations& violations);
// FAILED_PRECONDITION unless the offering is available.
absl::Status CheckOfferingEditable(const Offering& offering);
// Applies an update_mask (`institute` is immutable, `state` output only).
void ApplyOfferingUpdate(const std::vector<std::string>& paths, const Offering& patch,
                         Offering& target, Violations& violations);
// AVAILABLE → WITHDRAWN, else FAILED_PRECONDITION.
absl::Status WithdrawOffering(Offering& offering);
// A new offering: SUBMITTED when `reviewed` (its writer's writes wait for review), else AVAILABLE.
void StartOffering(Offering& offering, bool reviewed);
// Its owner changed a RETURNED offering: SUBMITTED again (any other state stays).
void ResubmitOffering(Offering& offering);
// SUBMITTED → AVAILABLE (published; the return reason cleared), else FAILED_PRECONDITION.
absl::Status PublishOffering(Offering& offering);
// SUBMITTED → RETURNED with `reason` (validated by the caller), else FAILED_PRECONDITION.
absl::Status ReturnOffering(Offering& offering, absl::string_view reason);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_LISTINGS_OFFERING_H_
