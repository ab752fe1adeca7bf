// API enum values from what people write: `TRANSFER`, `joint-development`, 技術轉讓, 企業.
#ifndef TECHMATCH_CLIENT_ENUM_TEXT_H_
#define TECHMATCH_CLIENT_ENUM_TEXT_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "techmatch/v1/common.pb.h"
#include "techmatch/v1/organization.pb.h"

namespace techmatch::client {

// The enum name in any case, '-' for '_', or the Chinese term in either script.
// INVALID_ARGUMENT listing the accepted names otherwise.
absl::StatusOr<techmatch::v1::CooperationMode> ParseCooperationMode(absl::string_view text);
absl::StatusOr<std::vector<techmatch::v1::CooperationMode>> ParseCooperationModes(
    const std::vector<std::string>& items);

absl::StatusOr<techmatch::v1::Organization::Kind> ParseOrganizationKind(absl::string_view text);

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_ENUM_TEXT_H_
