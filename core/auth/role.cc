#include "core/auth/role.h"

#include "absl/strings/str_cat.h"
#include "core/common/enum_names.h"

namespace techmatch {
namespace {

constexpr EnumNames<Role, 5> kRoleNames({{
    {Role::kAdmin, "ADMIN"},
    {Role::kOrganizer, "ORGANIZER"},
    {Role::kInstitute, "INSTITUTE"},
    {Role::kEnterprise, "ENTERPRISE"},
    {Role::kOfficial, "OFFICIAL"},
}});

}  // namespace

absl::string_view RoleName(Role role) { return kRoleNames.Name(role); }

std::optional<Role> RoleFromName(absl::string_view name) { return kRoleNames.FromName(name); }

std::vector<std::string> RoleNames() { return kRoleNames.Names(); }

std::string Principal::AuditName() const {
  if (!user_id.empty()) return absl::StrCat("users/", user_id);
  return key_id.empty() ? "anonymous" : key_id;
}

std::string Principal::CredentialId() const {
  if (!session_id.empty()) return absl::StrCat("users/", user_id, "/sessions/", session_id);
  return key_id;
}

bool RoleNeedsOrganization(Role role) {
  return role == Role::kInstitute || role == Role::kEnterprise;
}

bool RoleTakesRegion(Role role) { return role == Role::kOfficial || role == Role::kOrganizer; }

}  // namespace techmatch
