// Self-registration with review (RegistrationService): an organization applies without
// credentials (bounded and throttled per client address and per contact email); an ORGANIZER
// or ADMIN approves it, which creates the organization and invites its contact, or rejects it
// with a reason.
#ifndef TECHMATCH_USECASES_REGISTRATIONS_H_
#define TECHMATCH_USECASES_REGISTRATIONS_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/auth/role.h"
#include "core/common/field_violations.h"
#include "core/reference/application.h"
#include "core/reference/organization.h"
#include "storage/repository.h"
#include "usecases/lists.h"
#include "usecases/page_tokens.h"
#include "usecases/people_context.h"
#include "usecases/users.h"

namespace techmatch::usecases {

struct NewApplication {
  Application application;
  bool kind_set = false;
  Violations conversion;  // Named relative to the application.
  absl::string_view request_id;
  absl::string_view client_address;
};

struct ApprovalRequest {
  absl::string_view name;
  absl::string_view organization_id;  // Empty: generated.
  bool contact_role_set = false;
  Role contact_role = Role::kEnterprise;
};

struct Approval {
  Application application;
  Organization organization;
  IssuedInvitation invitation;
};

class Registrations {
 public:
  Registrations(storage::Repository& repository, const PageTokenCodec& tokens,
                PeopleContext& people, Users& users)
      : repository_(repository), tokens_(tokens), people_(people), users_(users) {}

  absl::StatusOr<Application> Submit(NewApplication input);
  absl::StatusOr<Application> Get(absl::string_view name);
  absl::StatusOr<ListPage<Application>> List(const ListRequest& request);
  absl::StatusOr<Approval> Approve(const Principal& caller, const ApprovalRequest& input);
  absl::StatusOr<Application> Reject(absl::string_view name, absl::string_view reason);

 private:
  storage::Repository& repository_;
  const PageTokenCodec& tokens_;
  PeopleContext& people_;
  Users& users_;
};

}  // namespace techmatch::usecases

#endif  // TECHMATCH_USECASES_REGISTRATIONS_H_
