// What validation needs to know about other records, answered by storage.
//
// The domain states the referential rules (a need's enterprise is an ENTERPRISE, industries
// exist, ...); storage implements the lookups. Keeping the interface here keeps the domain free
// of SQL.
#ifndef TECHMATCH_CORE_REFERENCE_REFERENCE_LOOKUP_H_
#define TECHMATCH_CORE_REFERENCE_REFERENCE_LOOKUP_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/common/field_violations.h"
#include "core/reference/organization.h"

namespace techmatch {

class ReferenceLookup {
 public:
  virtual ~ReferenceLookup() = default;
  virtual absl::StatusOr<bool> IndustryExists(absl::string_view code) = 0;
  virtual absl::StatusOr<bool> EventExists(absl::string_view id) = 0;
  // The organization's kind, or nullopt when there is no such organization.
  virtual absl::StatusOr<std::optional<OrganizationKind>> FindOrganizationKind(
      absl::string_view id) = 0;
};

// Adds a violation for each code in `codes` that names no industry; `field` is e.g.
// "industries". Fails only when the lookup itself fails.
absl::Status CheckIndustriesExist(absl::string_view field, const std::vector<std::string>& codes,
                                  ReferenceLookup& lookup, Violations& violations);
// Likewise for event ids.
absl::Status CheckEventsExist(absl::string_view field, const std::vector<std::string>& ids,
                              ReferenceLookup& lookup, Violations& violations);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_REFERENCE_REFERENCE_LOOKUP_H_
