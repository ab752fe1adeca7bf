// People who sign in: a user acts for one organization (INSTITUTE and ENTERPRISE) with one
// role, optionally scoped to a region, and signs in with an email and a password.
#ifndef TECHMATCH_CORE_AUTH_USER_H_
#define TECHMATCH_CORE_AUTH_USER_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "core/auth/role.h"
#include "core/common/field_violations.h"
#include "core/common/resource_meta.h"

namespace techmatch {

inline constexpr absl::string_view kUsers = "users";

enum class UserState { kActive, kDisabled };
absl::string_view UserStateName(UserState state);
std::optional<UserState> UserStateFromName(absl::string_view name);
std::vector<std::string> UserStateNames();

struct User {
  ResourceMeta meta;
  std::string email;  // As NormalizeEmail returns it; unique.
  std::string display_name;
  std::string organization_id;  // Set exactly for INSTITUTE and ENTERPRISE users.
  Role role = Role::kOfficial;
  std::string region_code;  // GB/T 2260, six digits, or empty.
  UserState state = UserState::kActive;
  std::string password_hash;  // core/auth/password.h; never leaves the server.
};

// The form emails are stored and compared in: trimmed, ASCII letters lower-cased.
std::string NormalizeEmail(absl::string_view email);

// Violations on `field` for an email that is not `local@domain` of at most 254 bytes without
// spaces or control characters.
void CheckEmail(absl::string_view email, absl::string_view field, Violations& violations);
// A person's name: 1 to 200 characters, no control characters.
void CheckPersonName(absl::string_view name, absl::string_view field, Violations& violations);
// Empty, or six digits.
void CheckRegionCode(absl::string_view code, absl::string_view field, Violations& violations);
// Empty, or a region for a role that takes one (OFFICIAL, ORGANIZER); the code itself is
// checked by CheckRegionCode.
void CheckRoleRegion(Role role, absl::string_view code, absl::string_view field,
                     Violations& violations);
// INSTITUTE and ENTERPRISE name their organization; other roles name none.
void CheckRoleOrganization(Role role, absl::string_view organization_id,
                           absl::string_view organization_field, Violations& violations);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_AUTH_USER_H_
