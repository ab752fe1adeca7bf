#include "core/reference/cooperation_mode.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "core/common/enum_names.h"
#include "core/common/list_rules.h"

namespace techmatch {
namespace {

constexpr EnumNames<CooperationMode, 6> kNames({{
    {CooperationMode::kTransfer, "TRANSFER"},
    {CooperationMode::kLicense, "LICENSE"},
    {CooperationMode::kJointDevelopment, "JOINT_DEVELOPMENT"},
    {CooperationMode::kTechnicalService, "TECHNICAL_SERVICE"},
    {CooperationMode::kConsulting, "CONSULTING"},
    {CooperationMode::kEquityInvestment, "EQUITY_INVESTMENT"},
}});

}  // namespace

absl::string_view CooperationModeName(CooperationMode mode) { return kNames.Name(mode); }

std::optional<CooperationMode> CooperationModeFromName(absl::string_view name) {
  return kNames.FromName(name);
}

void CheckCooperationModes(absl::string_view field, const std::vector<CooperationMode>& modes,
                           Violations& violations) {
  // Each mode at most once, so no more entries than there are modes.
  CheckListEntries(field, modes, kMaxCooperationModes, violations);
}

}  // namespace techmatch
