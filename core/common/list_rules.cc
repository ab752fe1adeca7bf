#include "core/common/list_rules.h"

namespace techmatch {

bool CheckListSize(absl::string_view field, size_t size, size_t max, Violations& violations) {
  if (size <= max) return true;
  violations.Add(std::string(field),
                 absl::StrCat("must have at most ", max, " entries, has ", size));
  return false;
}

}  // namespace techmatch
