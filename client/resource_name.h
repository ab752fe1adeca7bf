// Resource names (AIP-122) from what people type: `needs/lz-001` or just `lz-001`.
#ifndef TECHMATCH_CLIENT_RESOURCE_NAME_H_
#define TECHMATCH_CLIENT_RESOURCE_NAME_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace techmatch::client {

// `value` as a name in `collection` ("needs", "organizations", ...): a bare id gets the
// `collection/` prefix; anything containing '/' is passed on as typed, so the server's
// validation, not a guess here, decides whether it is right. Empty stays empty.
std::string QualifyName(absl::string_view collection, absl::string_view value);

std::vector<std::string> QualifyNames(absl::string_view collection,
                                      const std::vector<std::string>& values);

// The id part of a name (`needs/lz-001` → `lz-001`); `value` itself when it has no '/'.
std::string IdOf(absl::string_view name);

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_RESOURCE_NAME_H_
