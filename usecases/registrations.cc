#include "usecases/registrations.h"

#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "core/auth/user.h"
#include "core/common/resource_id.h"
#include "core/common/status_macros.h"
#include "usecases/door_checks.h"
#include "usecases/record_flows.h"

namespace techmatch::usecases {
namespace {

absl::Status CheckPending(const Application& application) {
  if (application.state == ApplicationState::kPending) return absl::OkStatus();
  return absl::FailedPreconditionError(
      absl::StrCat(ResourceName(kApplications, application.meta.id), " is ",
                   ApplicationStateName(application.state), ", not PENDING"));
}

// The contact's role when the approver names none: it follows the organization's kind.
Role DefaultContactRole(OrganizationKind kind) {
  return kind == OrganizationKind::kUniversity || kind == OrganizationKind::kResearchInstitute
             ? Role::kInstitute
             : Role::kEnterprise;
}

}  // namespace

absl::StatusOr<Application> Registrations::Submit(NewApplication input) {
  const absl::Time now = people_.Now();
  Application& application = input.application;
  application.contact_email = NormalizeEmail(application.contact_email);
  Violations violations;
  violations.AddAll(input.conversion.list(), "application");
  CheckRequestId(input.request_id, violations);
  Violations organization;
  if (!input.kind_set) organization.Add("kind", "is required");
  // Bounds its industries and finds repeats by the one list rule (core/common/list_rules.h).
  ValidateOrganization(application.organization, organization);
  CheckEmail(application.contact_email, "application.contact_email", violations);
  CheckPersonName(application.contact_name, "application.contact_name", violations);
  violations.AddAll(organization.list(), "application.organization");
  TM_RETURN_IF_ERROR(violations.ToStatus());
  // Throttled once well-formed: every submission counts, accepted or not.
  TM_RETURN_IF_ERROR(CheckNotThrottled(people_.applications_by_address, input.client_address,
                                       "too many applications from this address; try again", now));
  TM_RETURN_IF_ERROR(CheckNotThrottled(people_.applications_by_email, application.contact_email,
                                       "too many applications for this contact; try again", now));
  people_.applications_by_address.Record(input.client_address, now);
  people_.applications_by_email.Record(application.contact_email, now);
  Violations references;
  TM_RETURN_IF_ERROR(
      CheckOrganizationReferences(application.organization, repository_, references));
  violations.AddAll(references.list(), "application.organization");
  TM_RETURN_IF_ERROR(violations.ToStatus());
  application.meta.id = GenerateId();
  application.state = ApplicationState::kPending;
  application.reject_reason.clear();
  application.approved_organization_id.clear();
  return repository_.CreateApplication(application, {"SubmitApplication", input.request_id});
}

absl::StatusOr<Application> Registrations::Get(absl::string_view name) {
  TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(name, kApplications, "name"));
  return repository_.GetApplication(id);
}

absl::StatusOr<ListPage<Application>> Registrations::List(const ListRequest& request) {
  TM_ASSIGN_OR_RETURN(ParsedList list,
                      ParseList("ListApplications", "", request,
                                storage::Repository::ApplicationFilterFields(), tokens_));
  TM_ASSIGN_OR_RETURN(Page<Application> page, repository_.ListApplications(list.query));
  return Continued(std::move(page), list, tokens_);
}

absl::StatusOr<Approval> Registrations::Approve(const Principal& caller,
                                                const ApprovalRequest& input) {
  Violations violations;
  const absl::StatusOr<std::string> id = ParseResourceName(input.name, kApplications, "name");
  if (!id.ok()) violations.AddAll(FieldViolationsOf(id.status()));
  Organization organization;
  AssignId(organization.meta, input.organization_id, "organization_id", violations);
  if (input.contact_role_set && !RoleNeedsOrganization(input.contact_role)) {
    violations.Add("contact_role", "must be ENTERPRISE or INSTITUTE");
  }
  TM_RETURN_IF_ERROR(violations.ToStatus());
  TM_ASSIGN_OR_RETURN(Application application, repository_.GetApplication(*id));
  TM_RETURN_IF_ERROR(CheckPending(application));
  organization.display_name = application.organization.display_name;
  organization.kind = application.organization.kind;
  organization.region_code = application.organization.region_code;
  organization.industry_codes = application.organization.industry_codes;
  const std::string organization_name = ResourceName(kOrganizations, organization.meta.id);
  NewInvitation invitation;
  invitation.organization = organization_name;
  invitation.role_set = true;
  invitation.role =
      input.contact_role_set ? input.contact_role : DefaultContactRole(organization.kind);
  invitation.email = application.contact_email;
  invitation.display_name = application.contact_name;
  TM_ASSIGN_OR_RETURN(IssuedInvitation issued,
                      users_.PrepareInvitation(invitation, caller.AuditName()));
  const int64_t revision = application.meta.revision;
  application.state = ApplicationState::kApproved;
  application.approved_organization_id = organization.meta.id;
  Approval approval;
  TM_ASSIGN_OR_RETURN(
      approval.application,
      repository_.ReviewApplication(application, revision, organization, issued.invitation));
  TM_ASSIGN_OR_RETURN(approval.organization, repository_.GetOrganization(organization.meta.id));
  approval.invitation = std::move(issued);
  return approval;
}

absl::StatusOr<Application> Registrations::Reject(absl::string_view name,
                                                  absl::string_view reason) {
  Violations violations;
  const absl::StatusOr<std::string> id = ParseResourceName(name, kApplications, "name");
  if (!id.ok()) violations.AddAll(FieldViolationsOf(id.status()));
  CheckRejectReason(reason, "reason", violations);
  TM_RETURN_IF_ERROR(violations.ToStatus());
  TM_ASSIGN_OR_RETURN(Application application, repository_.GetApplication(*id));
  TM_RETURN_IF_ERROR(CheckPending(application));
  const int64_t revision = application.meta.revision;
  application.state = ApplicationState::kRejected;
  application.reject_reason = std::string(reason);
  return repository_.ReviewApplication(application, revision, std::nullopt, std::nullopt);
}

}  // namespace techmatch::usecases
