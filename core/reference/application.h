// An organization's application to join (self-registration): submitted without credentials,
// reviewed by an organizer, who approves it (the organization is created and its contact
// invited) or rejects it with a reason. Only PENDING applications can be reviewed.
#ifndef TECHMATCH_CORE_REFERENCE_APPLICATION_H_
#define TECHMATCH_CORE_REFERENCE_APPLICATION_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "core/common/field_violations.h"
#include "core/common/resource_meta.h"
#include "core/reference/organization.h"

namespace techmatch {

inline constexpr absl::string_view kApplications = "applications";

enum class ApplicationState { kPending, kApproved, kRejected };
absl::string_view ApplicationStateName(ApplicationState state);
std::optional<ApplicationState> ApplicationStateFromName(absl::string_view name);
std::vector<std::string> ApplicationStateNames();

struct Application {
  ResourceMeta meta;
  // display_name, kind, region_code and industry_codes are used; the rest is ignored.
  Organization organization;
  std::string contact_email;  // Normalized (core/auth/user.h).
  std::string contact_name;
  ApplicationState state = ApplicationState::kPending;
  std::string reject_reason;
  std::string approved_organization_id;
};

// Violations of a reject reason: 1 to 1000 characters.
void CheckRejectReason(absl::string_view reason, absl::string_view field, Violations& violations);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_REFERENCE_APPLICATION_H_
