#include "core/auth/user.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "core/common/enum_names.h"
#include "core/reference/region_code.h"

namespace techmatch {
namespace {

constexpr EnumNames<UserState, 2> kStateNames({{
    {UserState::kActive, "ACTIVE"},
    {UserState::kDisabled, "DISABLED"},
}});

size_t CodePoints(absl::string_view text) {
  size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80;
  return count;
}

bool HasControl(absl::string_view text) {
  for (unsigned char c : text) {
    if (c < 0x20 || c == 0x7F) return true;
  }
  return false;
}

}  // namespace

absl::string_view UserStateName(UserState state) { return kStateNames.Name(state); }
std::optional<UserState> UserStateFromName(absl::string_view name) {
  return kStateNames.FromName(name);
}
std::vector<std::string> UserStateNames() { return kStateNames.Names(); }

std::string NormalizeEmail(absl::string_view email) {
  return absl::AsciiStrToLower(absl::StripAsciiWhitespace(email));
}

void CheckEmail(absl::string_view email, absl::string_view field, Violations& violations) {
  const size_t at = email.find('@');
  if (email.empty()) {
    violations.Add(std::string(field), "is required");
  } else if (email.size() > 254 || at == absl::string_view::npos || at == 0 ||
             at + 1 == email.size() || email.find('@', at + 1) != absl::string_view::npos ||
             absl::StrContains(email, " ") || HasControl(email)) {
    violations.Add(std::string(field), "must be an email address, local@domain");
  }
}

void CheckPersonName(absl::string_view name, absl::string_view field, Violations& violations) {
  const size_t length = CodePoints(name);
  if (length == 0 || length > 200 || HasControl(name) || absl::StripAsciiWhitespace(name).empty()) {
    violations.Add(std::string(field), "must be 1 to 200 characters without control characters");
  }
}

void CheckRegionCode(absl::string_view code, absl::string_view field, Violations& violations) {
  // What a region code is has one definition (core/reference/region_code.h).
  if (code.empty() || IsRegionCode(code)) return;
  violations.Add(std::string(field), "must be a six-digit GB/T 2260 code");
}

void CheckRoleRegion(Role role, absl::string_view code, absl::string_view field,
                     Violations& violations) {
  if (code.empty() || RoleTakesRegion(role)) return;
  violations.Add(std::string(field),
                 absl::StrCat("must be empty for the role ", RoleName(role),
                              " (only OFFICIAL and ORGANIZER are limited to a region)"));
}

void CheckRoleOrganization(Role role, absl::string_view organization_id,
                           absl::string_view organization_field, Violations& violations) {
  if (RoleNeedsOrganization(role) && organization_id.empty()) {
    violations.Add(std::string(organization_field),
                   absl::StrCat("is required for the role ", RoleName(role)));
  } else if (!RoleNeedsOrganization(role) && !organization_id.empty()) {
    violations.Add(std::string(organization_field),
                   absl::StrCat("must be empty for the role ", RoleName(role)));
  }
}

}  // namespace techmatch
