// Resource names in inputs that name other records (`organizations/acme`): their ids, with a
// field violation for a malformed name so that every bad field is reported at once.
#ifndef TECHMATCH_USECASES_NAMES_H_
#define TECHMATCH_USECASES_NAMES_H_

#include <string>

#include "absl/strings/string_view.h"
#include "core/common/field_violations.h"

namespace techmatch::usecases {

// The id of `name` in `collection`; "" (and a violation on `field`) when it is malformed. An
// empty name stays empty: the caller decides whether it was required.
std::string IdFromOptionalName(absl::string_view name, absl::string_view collection,
                               absl::string_view field, Violations& violations);

}  // namespace techmatch::usecases

#endif  // TECHMATCH_USECASES_NAMES_H_
