#include "core/reference/application.h"

#include "absl/strings/ascii.h"
#include "core/common/enum_names.h"

namespace techmatch {
namespace {

constexpr EnumNames<ApplicationState, 3> kStateNames({{
    {ApplicationState::kPending, "PENDING"},
    {ApplicationState::kApproved, "APPROVED"},
    {ApplicationState::kRejected, "REJECTED"},
}});

}  // namespace

absl::string_view ApplicationStateName(ApplicationState state) { return kStateNames.Name(state); }
std::optional<ApplicationState> ApplicationStateFromName(absl::string_view name) {
  return kStateNames.FromName(name);
}
std::vector<std::string> ApplicationStateNames() { return kStateNames.Names(); }

void CheckRejectReason(absl::string_view reason, absl::string_view field, Violations& violations) {
  size_t length = 0;
  for (unsigned char c : reason) length += (c & 0xC0) != 0x80;
  if (absl::StripAsciiWhitespace(reason).empty() || length > 1000) {
    violations.Add(std::string(field), "must be 1 to 1000 characters");
  }
}

}  // namespace techmatch
