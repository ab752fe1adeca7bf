#include "core/auth/role.h"

namespace techmatch {

absl::string_view RoleName(Role role) {
  switch (role) {
    case Role::kAdmin:
      return "ADMIN";
    case Role::kOrganizer:
      return "ORGANIZER";
    case Role::kInstitute:
      return "INSTITUTE";
    case Role::kEnterprise:
      return "ENTERPRISE";
    case Role::kOfficial:
      return "OFFICIAL";
  }
  return "OFFICIAL";
}

std::optional<Role> RoleFromName(absl::string_view name) {
  for (Role role :
       {Role::kAdmin, Role::kOrganizer, Role::kInstitute, Role::kEnterprise, Role::kOfficial}) {
    if (RoleName(role) == name) return role;
  }
  return std::nullopt;
}

bool RoleNeedsOrganization(Role role) {
  return role == Role::kInstitute || role == Role::kEnterprise;
}

}  // namespace techmatch
