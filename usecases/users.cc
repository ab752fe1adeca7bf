#include "usecases/users.h"

#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "core/auth/api_key.h"
#include "core/auth/password.h"
#include "core/common/resource_id.h"
#include "core/common/status_macros.h"
#include "core/common/update_mask.h"
#include "storage/audit_scope.h"
#include "usecases/door_checks.h"
#include "usecases/names.h"
#include "usecases/record_flows.h"

namespace techmatch::usecases {
namespace {

bool IsCurator(const Principal& caller) {
  return caller.role == Role::kAdmin || caller.role == Role::kOrganizer;
}

// Refuses, from the caller alone, a user other than the caller to anyone but curators.
absl::Status CheckMayTouch(const Principal& caller, absl::string_view user_id) {
  if (IsCurator(caller) || (!caller.user_id.empty() && caller.user_id == user_id)) {
    return absl::OkStatus();
  }
  return absl::PermissionDeniedError(
      absl::StrCat("a ", RoleName(caller.role), " may only read or change its own user"));
}

// After the look-up: an ORGANIZER may not change an ADMIN.
absl::Status CheckMayManage(const Principal& caller, const User& user) {
  if (caller.role == Role::kOrganizer && user.role == Role::kAdmin) {
    return absl::PermissionDeniedError("an ORGANIZER may not change an ADMIN user");
  }
  return absl::OkStatus();
}

const std::vector<MutableField<User>>& MutableUserFields() {
  static const auto* const kFields = new std::vector<MutableField<User>>{
      {"email", [](User& t, const User& p) { t.email = NormalizeEmail(p.email); }},
      {"display_name", [](User& t, const User& p) { t.display_name = p.display_name; }},
      {"organization", [](User& t, const User& p) { t.organization_id = p.organization_id; }},
      {"role", [](User& t, const User& p) { t.role = p.role; }},
      {"region_code", [](User& t, const User& p) { t.region_code = p.region_code; }},
  };
  return *kFields;
}

const std::vector<absl::string_view>& FixedUserPaths() {
  static const auto* const kPaths =
      new std::vector<absl::string_view>{"name", "state", "create_time", "update_time", "etag"};
  return *kPaths;
}

void ValidateUser(const User& user, Violations& violations, absl::string_view prefix) {
  const std::string p = prefix.empty() ? "" : absl::StrCat(prefix, ".");
  CheckEmail(user.email, absl::StrCat(p, "email"), violations);
  CheckPersonName(user.display_name, absl::StrCat(p, "display_name"), violations);
  CheckRegionCode(user.region_code, absl::StrCat(p, "region_code"), violations);
  CheckRoleOrganization(user.role, user.organization_id, absl::StrCat(p, "organization"),
                        violations);
  CheckRoleRegion(user.role, user.region_code, absl::StrCat(p, "region_code"), violations);
}

}  // namespace

absl::StatusOr<IssuedInvitation> Users::PrepareInvitation(const NewInvitation& input,
                                                          absl::string_view invited_by) {
  Violations violations;
  violations.AddAll(input.conversion.list(), "invitation");
  CheckRequestId(input.request_id, violations);
  IssuedInvitation issued;
  Invitation& invitation = issued.invitation;
  invitation.organization_id =
      IdFromOptionalName(input.organization, kOrganizations, "invitation.organization", violations);
  if (!input.role_set) {
    violations.Add("invitation.role", "is required");
  } else {
    invitation.role = input.role;
    CheckRoleOrganization(invitation.role, input.organization, "invitation.organization",
                          violations);
    CheckRoleRegion(invitation.role, input.region_code, "invitation.region_code", violations);
  }
  invitation.email = NormalizeEmail(input.email);
  CheckEmail(invitation.email, "invitation.email", violations);
  invitation.display_name = std::string(input.display_name);
  CheckPersonName(invitation.display_name, "invitation.display_name", violations);
  invitation.region_code = std::string(input.region_code);
  CheckRegionCode(invitation.region_code, "invitation.region_code", violations);
  TM_RETURN_IF_ERROR(violations.ToStatus());
  TM_ASSIGN_OR_RETURN(NewToken code, GenerateToken(kInvitationCodePrefix));
  invitation.id = code.key_id;
  invitation.code_hash = Sha256(code.token);
  invitation.invited_by = std::string(invited_by);
  invitation.create_time = people_.Now();
  invitation.expire_time = invitation.create_time + people_.options.invitation_lifetime;
  issued.code = std::move(code.token);
  return issued;
}

absl::StatusOr<IssuedInvitation> Users::CreateInvitation(const Principal& caller,
                                                         NewInvitation input) {
  // Decided from the request alone, before anything is looked up.
  if (caller.role == Role::kOrganizer && input.role_set && input.role == Role::kAdmin) {
    return absl::PermissionDeniedError("an ORGANIZER may not invite an ADMIN");
  }
  TM_ASSIGN_OR_RETURN(IssuedInvitation issued, PrepareInvitation(input, caller.AuditName()));
  TM_RETURN_IF_ERROR(repository_.CreateInvitation(issued.invitation));
  return issued;
}

absl::StatusOr<User> Users::AcceptInvitation(const InvitationAcceptance& input) {
  const absl::Time now = people_.Now();
  TM_RETURN_IF_ERROR(CheckNotThrottled(people_.accept_by_address, input.client_address,
                                       "too many failed invitation codes from this address", now));
  Violations violations;
  const std::optional<std::string> invitation_id = ParseToken(input.code, kInvitationCodePrefix);
  if (input.code.empty()) {
    violations.Add("code", "is required");
  } else if (!invitation_id) {
    violations.Add("code", "is not an invitation code (tmi_...)");
  }
  if (!input.user_id.empty() && !IsValidId(input.user_id)) {
    violations.Add("user_id", "must match [a-z0-9][a-z0-9-]{0,62}");
  } else if (ResourceName(kUsers, input.user_id) == kCallerUserName) {
    violations.Add("user_id", "is reserved: users/me names the caller");
  }
  if (!input.display_name.empty()) CheckPersonName(input.display_name, "display_name", violations);
  if (input.password.empty()) violations.Add("password", "is required");
  if (!violations.empty()) {
    people_.accept_by_address.Record(input.client_address, now);
    return violations.ToStatus();
  }
  TM_ASSIGN_OR_RETURN(std::optional<Invitation> invitation,
                      repository_.FindInvitation(*invitation_id));
  if (!invitation || !SecureEquals(invitation->code_hash, Sha256(input.code))) {
    people_.accept_by_address.Record(input.client_address, now);
    return absl::NotFoundError("unknown invitation code");
  }
  if (!invitation->user_id.empty()) {
    people_.accept_by_address.Record(input.client_address, now);
    return absl::FailedPreconditionError("the invitation was accepted already");
  }
  if (now >= invitation->expire_time) {
    return absl::FailedPreconditionError(absl::StrCat(
        "the invitation expired at ",
        absl::FormatTime(absl::RFC3339_sec, invitation->expire_time, absl::UTCTimeZone()),
        "; ask for a new one"));
  }
  User user;
  user.meta.id = input.user_id.empty() ? GenerateId() : std::string(input.user_id);
  user.email = invitation->email;
  user.display_name =
      input.display_name.empty() ? invitation->display_name : std::string(input.display_name);
  user.organization_id = invitation->organization_id;
  user.role = invitation->role;
  user.region_code = invitation->region_code;
  user.state = UserState::kActive;
  CheckPasswordPolicy(input.password, user.email, user.display_name, "password", violations);
  TM_RETURN_IF_ERROR(violations.ToStatus());
  TM_ASSIGN_OR_RETURN(user.password_hash, HashPassword(input.password));
  if (storage::PendingAudit* audit = storage::AuditScope::Current()) {
    audit->event.principal = ResourceName(kUsers, user.meta.id);
  }
  return repository_.CreateUserFromInvitation(user, invitation->id);
}

absl::StatusOr<std::optional<User>> Users::Me(const Principal& caller) {
  if (caller.user_id.empty()) return std::optional<User>();
  TM_ASSIGN_OR_RETURN(User user, repository_.GetUser(caller.user_id));
  return std::optional<User>(std::move(user));
}

absl::StatusOr<User> Users::Get(const Principal& caller, absl::string_view name) {
  TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(name, kUsers, "name"));
  TM_RETURN_IF_ERROR(CheckMayTouch(caller, id));
  return repository_.GetUser(id);
}

absl::StatusOr<ListPage<User>> Users::List(const ListRequest& request) {
  TM_ASSIGN_OR_RETURN(ParsedList list, ParseList("ListUsers", "", request,
                                                 storage::Repository::UserFilterFields(), tokens_));
  TM_ASSIGN_OR_RETURN(Page<User> page, repository_.ListUsers(list.query));
  return Continued(std::move(page), list, tokens_);
}

absl::StatusOr<User> Users::Update(const Principal& caller, const UserUpdate& input) {
  TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(input.name, kUsers, "user.name"));
  TM_RETURN_IF_ERROR(CheckMayTouch(caller, id));
  Violations violations;
  violations.AddAll(input.conversion.list(), "user");
  if (input.paths.empty()) violations.Add("update_mask", "name at least one field to change");
  for (size_t i = 0; i < input.paths.size(); ++i) {
    const std::string& path = input.paths[i];
    if (!IsCurator(caller) && path != "display_name") {
      return absl::PermissionDeniedError(absl::StrCat(
          "a ", RoleName(caller.role), " may change only its display_name, not ", path));
    }
    if (caller.role == Role::kOrganizer && (path == "role" || path == "*") && input.role_set &&
        input.patch.role == Role::kAdmin) {
      return absl::PermissionDeniedError("an ORGANIZER may not grant ADMIN");
    }
    if ((path == "role" || path == "*") && !input.role_set) {
      violations.Add("user.role", "is required");
    }
  }
  TM_ASSIGN_OR_RETURN(const User stored, repository_.GetUser(id));
  User user = stored;
  // Mask and field problems first, then the stored state (AIP-134).
  ApplyUpdateMask(input.paths, MutableUserFields(), FixedUserPaths(), input.patch, user,
                  violations);
  ValidateUser(user, violations, "user");
  TM_RETURN_IF_ERROR(violations.ToStatus());
  TM_RETURN_IF_ERROR(CheckMayManage(caller, stored));
  TM_RETURN_IF_ERROR(CheckEtag(stored.meta, input.etag));
  if (stored.state == UserState::kDisabled) {
    return absl::FailedPreconditionError(absl::StrCat(input.name, " is disabled"));
  }
  return repository_.ReplaceUser(user, stored.meta.revision);
}

absl::StatusOr<User> Users::Disable(const Principal& caller, absl::string_view name,
                                    absl::string_view etag) {
  TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(name, kUsers, "name"));
  if (id == caller.user_id) {
    return absl::FailedPreconditionError("you cannot disable yourself; ask another ADMIN");
  }
  TM_ASSIGN_OR_RETURN(User user, repository_.GetUser(id));
  TM_RETURN_IF_ERROR(CheckMayManage(caller, user));
  TM_RETURN_IF_ERROR(CheckEtag(user.meta, etag));
  if (user.state == UserState::kDisabled) return user;
  const int64_t revision = user.meta.revision;
  user.state = UserState::kDisabled;
  return repository_.ReplaceUser(user, revision);
}

}  // namespace techmatch::usecases
