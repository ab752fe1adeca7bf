// Users and invitations (UserService): organizers and administrators invite a person to an
// organization with a role; the person accepts with the one-time code and a password.
//
// Who may touch which user, decided before any look-up where the caller alone decides it:
// ADMIN any user; ORGANIZER any user but an ADMIN (and never grants ADMIN); everyone else only
// themselves, and only their display name.
#ifndef TECHMATCH_USECASES_USERS_H_
#define TECHMATCH_USECASES_USERS_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/auth/invitation.h"
#include "core/auth/role.h"
#include "core/auth/user.h"
#include "core/common/field_violations.h"
#include "storage/repository.h"
#include "usecases/lists.h"
#include "usecases/page_tokens.h"
#include "usecases/people_context.h"

namespace techmatch::usecases {

// The name GetUser answers the caller for: the signed-in user, or the API key the call carries.
inline constexpr absl::string_view kCallerUserName = "users/me";

struct NewInvitation {
  absl::string_view organization;  // `organizations/{id}`; empty for roles without one.
  bool role_set = false;           // False for ROLE_UNSPECIFIED.
  Role role = Role::kOfficial;
  absl::string_view email;
  absl::string_view display_name;
  absl::string_view region_code;
  absl::string_view request_id;
  Violations conversion;  // Named relative to the invitation.
};

// A stored invitation and its one-time code (shown once).
struct IssuedInvitation {
  Invitation invitation;
  std::string code;
};

struct InvitationAcceptance {
  absl::string_view code;
  absl::string_view user_id;  // Empty: generated.
  absl::string_view password;
  absl::string_view display_name;    // Empty: the invitation's.
  absl::string_view client_address;  // For the throttle; empty when unknown.
};

struct UserUpdate {
  absl::string_view name;
  absl::string_view etag;
  std::vector<std::string> paths;
  User patch;  // email, display_name, organization_id, role, region_code
  bool role_set = false;
  Violations conversion;
};

class Users {
 public:
  Users(storage::Repository& repository, const PageTokenCodec& tokens, PeopleContext& people)
      : repository_(repository), tokens_(tokens), people_(people) {}

  absl::StatusOr<IssuedInvitation> CreateInvitation(const Principal& caller, NewInvitation input);
  absl::StatusOr<User> AcceptInvitation(const InvitationAcceptance& input);
  absl::StatusOr<User> Get(const Principal& caller, absl::string_view name);
  // `users/me`: the signed-in user as stored, or nullopt for an API key (which has no user;
  // the caller's principal describes it).
  absl::StatusOr<std::optional<User>> Me(const Principal& caller);
  absl::StatusOr<ListPage<User>> List(const ListRequest& request);
  absl::StatusOr<User> Update(const Principal& caller, const UserUpdate& input);
  absl::StatusOr<User> Disable(const Principal& caller, absl::string_view name,
                               absl::string_view etag);

  // Issues an invitation without the caller checks (ApproveApplication's contact invitation):
  // validated, not stored.
  absl::StatusOr<IssuedInvitation> PrepareInvitation(const NewInvitation& input,
                                                     absl::string_view invited_by);

 private:
  storage::Repository& repository_;
  const PageTokenCodec& tokens_;
  PeopleContext& people_;
};

}  // namespace techmatch::usecases

#endif  // TECHMATCH_USECASES_USERS_H_
