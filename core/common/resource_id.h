// Resource ids and names (AIP-122): `collection/id`, ids `[a-z0-9][a-z0-9-]{0,62}`.
#ifndef TECHMATCH_CORE_COMMON_RESOURCE_ID_H_
#define TECHMATCH_CORE_COMMON_RESOURCE_ID_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace techmatch {

// Collections, as they appear in resource names.
inline constexpr absl::string_view kIndustries = "industries";
inline constexpr absl::string_view kOrganizations = "organizations";
inline constexpr absl::string_view kEvents = "events";
inline constexpr absl::string_view kNeeds = "needs";
inline constexpr absl::string_view kOfferings = "offerings";
inline constexpr absl::string_view kParticipants = "participants";
inline constexpr absl::string_view kAgreements = "agreements";
inline constexpr absl::string_view kAuditEvents = "auditEvents";

// True when `id` matches `[a-z0-9][a-z0-9-]{0,62}`.
bool IsValidId(absl::string_view id);

// A fresh random id (16 characters of [a-z0-9], ~82 bits).
std::string GenerateId();

// "collection/id".
std::string ResourceName(absl::string_view collection, absl::string_view id);

// The id of `name` in `collection`, or INVALID_ARGUMENT (naming `field`) when `name` is not
// `collection/{valid id}`.
absl::StatusOr<std::string> ParseResourceName(absl::string_view name, absl::string_view collection,
                                              absl::string_view field);

// The id of `name` where a bare id is also accepted (filters, CSV cells).
absl::StatusOr<std::string> ParseResourceNameOrId(absl::string_view name,
                                                  absl::string_view collection,
                                                  absl::string_view field);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_COMMON_RESOURCE_ID_H_
