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

enum class OfferingState { kAvailable = 1, kWithdrawn = 2 };
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

}  // namespace techmatch

#endif  // TECHMATCH_CORE_LISTINGS_OFFERING_H_
