#include "usecases/names.h"

#include <utility>

#include "absl/status/statusor.h"
#include "core/common/resource_id.h"

namespace techmatch::usecases {

std::string IdFromOptionalName(absl::string_view name, absl::string_view collection,
                               absl::string_view field, Violations& violations) {
  if (name.empty()) return "";
  absl::StatusOr<std::string> id = ParseResourceName(name, collection, field);
  if (id.ok()) return *std::move(id);
  violations.AddAll(FieldViolationsOf(id.status()));
  return "";
}

}  // namespace techmatch::usecases
