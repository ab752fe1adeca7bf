// How an enterprise and an institute may cooperate.
#ifndef TECHMATCH_CORE_REFERENCE_COOPERATION_MODE_H_
#define TECHMATCH_CORE_REFERENCE_COOPERATION_MODE_H_

#include <optional>
#include <vector>

#include "absl/strings/string_view.h"
#include "core/common/field_violations.h"

namespace techmatch {

// Values match the API enum's numbers.
enum class CooperationMode {
  kTransfer = 1,
  kLicense = 2,
  kJointDevelopment = 3,
  kTechnicalService = 4,
  kConsulting = 5,
  kEquityInvestment = 6,
};

// The API name, e.g. "JOINT_DEVELOPMENT".
absl::string_view CooperationModeName(CooperationMode mode);
std::optional<CooperationMode> CooperationModeFromName(absl::string_view name);

// No repeated modes.
void CheckCooperationModes(absl::string_view field, const std::vector<CooperationMode>& modes,
                           Violations& violations);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_REFERENCE_COOPERATION_MODE_H_
