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

enum class NeedState { kOpen = 1, kWithdrawn = 2, kClosed = 3 };
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
};

void ValidateNeed(const Need& need, Violations& violations);
// The enterprise exists and is an ENTERPRISE; industries and events exist.
absl::Status CheckNeedReferences(const Need& need, ReferenceLookup& lookup, Violations& violations);
// FAILED_PRECONDITION unless the need is open: withdrawn and closed needs are read-only.
absl::Status CheckNeedEditable(const Need& need);
// Applies an update_mask (`enterprise` is immutable, `state` output only).
void ApplyNeedUpdate(const std::vector<std::string>& paths, const Need& patch, Need& target,
                     Violations& violations);
// OPEN → WITHDRAWN, else FAILED_PRECONDITION.
absl::Status WithdrawNeed(Need& need);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_LISTINGS_NEED_H_
