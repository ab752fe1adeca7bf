// A ReferenceLookup that remembers answers, for one import stream: thousands of rows name the
// same few industries, events and organizations, so each is looked up once. Not thread-safe;
// lives as long as one call.
#ifndef TECHMATCH_CORE_REFERENCE_CACHING_REFERENCE_LOOKUP_H_
#define TECHMATCH_CORE_REFERENCE_CACHING_REFERENCE_LOOKUP_H_

#include <optional>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "core/reference/reference_lookup.h"

namespace techmatch {

class CachingReferenceLookup : public ReferenceLookup {
 public:
  explicit CachingReferenceLookup(ReferenceLookup& source) : source_(source) {}

  absl::StatusOr<bool> IndustryExists(absl::string_view code) override;
  absl::StatusOr<bool> EventExists(absl::string_view id) override;
  absl::StatusOr<std::optional<OrganizationKind>> FindOrganizationKind(
      absl::string_view id) override;

 private:
  ReferenceLookup& source_;
  absl::flat_hash_map<std::string, bool> industries_;
  absl::flat_hash_map<std::string, bool> events_;
  absl::flat_hash_map<std::string, std::optional<OrganizationKind>> organizations_;
};

}  // namespace techmatch

#endif  // TECHMATCH_CORE_REFERENCE_CACHING_REFERENCE_LOOKUP_H_
