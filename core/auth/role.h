// Roles an API key carries, and who a call runs as.
#ifndef TECHMATCH_CORE_AUTH_ROLE_H_
#define TECHMATCH_CORE_AUTH_ROLE_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace techmatch {

enum class Role {
  kAdmin,       // everything, credentials
  kOrganizer,   // reference data, events, needs and offerings on others' behalf, agreements
  kInstitute,   // its own organization's offerings; reads what it needs
  kEnterprise,  // its own organization's needs; reads what it needs
  kOfficial,    // reads everything, writes nothing
};

// "ADMIN", "ORGANIZER", ...
absl::string_view RoleName(Role role);
std::optional<Role> RoleFromName(absl::string_view name);
// The names of every role, for filters.
std::vector<std::string> RoleNames();
// Institutes and enterprises act for one organization; their keys must name it.
bool RoleNeedsOrganization(Role role);
// Officials and organizers may be limited to a region; other roles are not (an institute or
// enterprise is bound to its organization, an admin sees everything).
bool RoleTakesRegion(Role role);

// Who a call runs as: the API key or the signed-in user's session that authenticated it.
struct Principal {
  std::string key_id;  // The API key's id; empty for a session.
  Role role = Role::kOfficial;
  // Set exactly for INSTITUTE and ENTERPRISE keys: the organization id (not the name).
  std::string organization_id;
  // GB/T 2260 code of the region an OFFICIAL or ORGANIZER is scoped to: it sees, lists,
  // matches, reports and writes only records of organizations in that region. Empty: no limit.
  std::string region_code;
  // A signed-in user's id and session id; empty for an API key.
  std::string user_id;
  std::string session_id;

  // How the audit trail names the caller: the key id, or `users/{id}` for a session.
  std::string AuditName() const;
  // The credential the call came with: the key id, or `users/{user}/sessions/{session}` (the
  // session's name) for a session. Long calls are counted and ended per credential.
  std::string CredentialId() const;
};

}  // namespace techmatch

#endif  // TECHMATCH_CORE_AUTH_ROLE_H_
