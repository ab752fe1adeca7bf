// An invitation for one person to become a user of an organization with a role. Its one-time
// code (`tmi_<id>_<secret>`, core/auth/api_key.h) is shown once; only its SHA-256 is stored.
#ifndef TECHMATCH_CORE_AUTH_INVITATION_H_
#define TECHMATCH_CORE_AUTH_INVITATION_H_

#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/auth/role.h"

namespace techmatch {

inline constexpr absl::string_view kInvitations = "invitations";
// How long a code works (README, "People").
inline constexpr absl::Duration kDefaultInvitationLifetime = absl::Hours(72);

struct Invitation {
  std::string id;         // The code's public part.
  std::string code_hash;  // 32 raw bytes of SHA-256(code).
  std::string organization_id;
  Role role = Role::kOfficial;
  std::string email;  // Normalized.
  std::string display_name;
  std::string region_code;
  std::string invited_by;  // The audit name of who created it.
  absl::Time create_time;
  absl::Time expire_time;
  std::string user_id;  // Set once accepted.
};

}  // namespace techmatch

#endif  // TECHMATCH_CORE_AUTH_INVITATION_H_
