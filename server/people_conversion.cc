#include "server/people_conversion.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "core/common/resource_id.h"
#include "server/proto_fields.h"
#include "server/reference_conversion.h"
#include "usecases/sessions.h"

namespace techmatch::server {

std::optional<Role> RoleFromProto(v1::Role role) {
  switch (role) {
    case v1::ADMIN:
      return Role::kAdmin;
    case v1::ORGANIZER:
      return Role::kOrganizer;
    case v1::INSTITUTE:
      return Role::kInstitute;
    case v1::ENTERPRISE:
      return Role::kEnterprise;
    case v1::OFFICIAL:
      return Role::kOfficial;
    default:
      return std::nullopt;
  }
}

v1::Role RoleToProto(Role role) {
  switch (role) {
    case Role::kAdmin:
      return v1::ADMIN;
    case Role::kOrganizer:
      return v1::ORGANIZER;
    case Role::kInstitute:
      return v1::INSTITUTE;
    case Role::kEnterprise:
      return v1::ENTERPRISE;
    case Role::kOfficial:
      return v1::OFFICIAL;
  }
  return v1::ROLE_UNSPECIFIED;
}

namespace {

std::string OptionalName(absl::string_view collection, absl::string_view id) {
  return id.empty() ? "" : ResourceName(collection, id);
}

// A role field: unset is left to the use case (it says which roles it needs); an unknown
// number is a violation here.
void ReadRole(v1::Role proto, absl::string_view field, bool& set, Role& role,
              Violations& violations) {
  if (proto == v1::ROLE_UNSPECIFIED) return;
  if (std::optional<Role> known = RoleFromProto(proto)) {
    set = true;
    role = *known;
  } else {
    violations.Add(std::string(field), absl::StrCat("unknown role ", static_cast<int>(proto)));
  }
}

}  // namespace

void UserToProto(const User& user, v1::User& out) {
  out.set_name(ResourceName(kUsers, user.meta.id));
  out.set_email(user.email);
  out.set_display_name(user.display_name);
  out.set_organization(OptionalName(kOrganizations, user.organization_id));
  out.set_role(RoleToProto(user.role));
  out.set_region_code(user.region_code);
  out.set_state(user.state == UserState::kActive ? v1::User::ACTIVE : v1::User::DISABLED);
  MetaToProto(user.meta, out);
}

void CallerKeyToProto(const Principal& caller, v1::User& out) {
  out.set_name(ResourceName(usecases::kApiKeys, caller.key_id));
  out.set_organization(OptionalName(kOrganizations, caller.organization_id));
  out.set_role(RoleToProto(caller.role));
  out.set_region_code(caller.region_code);
}

void InvitationToProto(const Invitation& invitation, v1::Invitation& out) {
  out.set_name(ResourceName(kInvitations, invitation.id));
  out.set_organization(OptionalName(kOrganizations, invitation.organization_id));
  out.set_role(RoleToProto(invitation.role));
  out.set_email(invitation.email);
  out.set_display_name(invitation.display_name);
  out.set_region_code(invitation.region_code);
  TimeToProto(invitation.expire_time, *out.mutable_expire_time());
  out.set_user(OptionalName(kUsers, invitation.user_id));
  TimeToProto(invitation.create_time, *out.mutable_create_time());
}

void SessionToProto(const Session& session, v1::Session& out) {
  out.set_name(usecases::SessionName(session));
  TimeToProto(session.create_time, *out.mutable_create_time());
  TimeToProto(session.last_use_time, *out.mutable_last_use_time());
  TimeToProto(session.expire_time, *out.mutable_expire_time());
  out.set_client_address(session.client_address);
}

void ApiKeyToProto(const ApiKey& key, v1::ApiKey& out) {
  out.set_name(ResourceName(usecases::kApiKeys, key.key_id));
  out.set_role(RoleToProto(key.role));
  out.set_organization(OptionalName(kOrganizations, key.organization_id));
  out.set_region_code(key.region_code);
  out.set_display_name(key.label);
  if (key.expire_time) TimeToProto(*key.expire_time, *out.mutable_expire_time());
  TimeToProto(key.create_time, *out.mutable_create_time());
  if (key.revoke_time) TimeToProto(*key.revoke_time, *out.mutable_revoke_time());
}

void ApplicationToProto(const Application& application, v1::Application& out) {
  out.set_name(ResourceName(kApplications, application.meta.id));
  v1::Organization& organization = *out.mutable_organization();
  organization.set_display_name(application.organization.display_name);
  organization.set_kind(static_cast<v1::Organization::Kind>(application.organization.kind));
  organization.set_region_code(application.organization.region_code);
  NamesToProto(application.organization.industry_codes, kIndustries,
               *organization.mutable_industries());
  out.set_contact_email(application.contact_email);
  out.set_contact_name(application.contact_name);
  switch (application.state) {
    case ApplicationState::kPending:
      out.set_state(v1::Application::PENDING);
      break;
    case ApplicationState::kApproved:
      out.set_state(v1::Application::APPROVED);
      break;
    case ApplicationState::kRejected:
      out.set_state(v1::Application::REJECTED);
      break;
  }
  out.set_reject_reason(application.reject_reason);
  out.set_approved_organization(OptionalName(kOrganizations, application.approved_organization_id));
  MetaToProto(application.meta, out);
}

usecases::NewInvitation NewInvitationFromProto(const v1::CreateInvitationRequest& request) {
  usecases::NewInvitation input;
  const v1::Invitation& invitation = request.invitation();
  input.organization = invitation.organization();
  ReadRole(invitation.role(), "role", input.role_set, input.role, input.conversion);
  input.email = invitation.email();
  input.display_name = invitation.display_name();
  input.region_code = invitation.region_code();
  input.request_id = request.request_id();
  return input;
}

usecases::UserUpdate UserUpdateFromProto(const v1::UpdateUserRequest& request) {
  usecases::UserUpdate update;
  const v1::User& user = request.user();
  update.name = user.name();
  update.etag = user.etag();
  std::vector<std::string> implied;
  if (!user.email().empty()) implied.push_back("email");
  if (!user.display_name().empty()) implied.push_back("display_name");
  if (!user.organization().empty()) implied.push_back("organization");
  if (user.role() != v1::ROLE_UNSPECIFIED) implied.push_back("role");
  if (!user.region_code().empty()) implied.push_back("region_code");
  update.paths = MaskPaths(request.update_mask(), std::move(implied));
  update.patch.email = user.email();
  update.patch.display_name = user.display_name();
  if (!user.organization().empty()) {
    absl::StatusOr<std::string> id =
        ParseResourceName(user.organization(), kOrganizations, "organization");
    if (id.ok()) {
      update.patch.organization_id = *id;
    } else {
      update.conversion.Add("organization", "must be organizations/{id}");
    }
  }
  ReadRole(user.role(), "role", update.role_set, update.patch.role, update.conversion);
  update.patch.region_code = user.region_code();
  return update;
}

usecases::NewApiKey NewApiKeyFromProto(const v1::CreateApiKeyRequest& request) {
  usecases::NewApiKey input;
  const v1::ApiKey& key = request.api_key();
  ReadRole(key.role(), "role", input.role_set, input.role, input.conversion);
  input.organization = key.organization();
  input.region_code = key.region_code();
  input.display_name = key.display_name();
  if (key.has_expire_time()) {
    CheckTimestamp("expire_time", key.expire_time(), input.conversion);
    input.expire_time = TimeFromProto(key.expire_time());
  }
  return input;
}

usecases::NewApplication NewApplicationFromProto(const v1::SubmitApplicationRequest& request) {
  usecases::NewApplication input;
  const v1::Application& application = request.application();
  Violations organization;
  input.application.organization =
      OrganizationFromProto(application.organization(), /*require_kind=*/false, organization);
  // Only these are read (the rest of the organization is the approver's).
  input.application.organization.parent_id.clear();
  input.kind_set = application.organization().kind() != v1::Organization::KIND_UNSPECIFIED;
  input.conversion.AddAll(organization.list(), "organization");
  input.application.contact_email = application.contact_email();
  input.application.contact_name = application.contact_name();
  input.request_id = request.request_id();
  return input;
}

usecases::ApprovalRequest ApprovalFromProto(const v1::ApproveApplicationRequest& request) {
  usecases::ApprovalRequest input;
  input.name = request.name();
  input.organization_id = request.organization_id();
  Violations unknown;
  ReadRole(request.contact_role(), "contact_role", input.contact_role_set, input.contact_role,
           unknown);
  // An unknown number is a role the use case refuses (with its violation on contact_role).
  if (!unknown.empty()) {
    input.contact_role_set = true;
    input.contact_role = Role::kAdmin;
  }
  return input;
}

}  // namespace techmatch::server
