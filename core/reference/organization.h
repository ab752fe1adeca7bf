// Organizations: enterprises, universities, institutes and the others at a fair.
#ifndef TECHMATCH_CORE_REFERENCE_ORGANIZATION_H_
#define TECHMATCH_CORE_REFERENCE_ORGANIZATION_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "core/common/field_violations.h"
#include "core/common/resource_meta.h"

namespace techmatch {

class ReferenceLookup;

// Values match the API enum's numbers.
enum class OrganizationKind {
  kEnterprise = 1,
  kUniversity = 2,
  kResearchInstitute = 3,
  kGovernment = 4,
  kIntermediary = 5,
  kFinancialInstitution = 6,
};

absl::string_view OrganizationKindName(OrganizationKind kind);  // e.g. "ENTERPRISE"
std::optional<OrganizationKind> OrganizationKindFromName(absl::string_view name);
// The names of every kind, for filters.
std::vector<std::string> OrganizationKindNames();

struct Organization {
  ResourceMeta meta;
  std::string display_name;
  OrganizationKind kind = OrganizationKind::kEnterprise;
  std::string parent_id;    // Empty when none.
  std::string region_code;  // GB/T 2260, six digits, or empty.
  std::vector<std::string> industry_codes;
};

// Field rules that need no other record.
void ValidateOrganization(const Organization& org, Violations& violations);
// The parent exists, is not the organization itself, and industries exist.
absl::Status CheckOrganizationReferences(const Organization& org, ReferenceLookup& lookup,
                                         Violations& violations);
// Applies an update_mask; `kind` is immutable.
void ApplyOrganizationUpdate(const std::vector<std::string>& paths, const Organization& patch,
                             Organization& target, Violations& violations);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_REFERENCE_ORGANIZATION_H_
