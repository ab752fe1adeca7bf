// Applying an update_mask (AIP-134) to a domain record.
#ifndef TECHMATCH_CORE_COMMON_UPDATE_MASK_H_
#define TECHMATCH_CORE_COMMON_UPDATE_MASK_H_

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "core/common/field_violations.h"

namespace techmatch {

// One mutable field of a record type T: its API path and how to copy it from a patch.
template <typename T>
struct MutableField {
  absl::string_view path;
  std::function<void(T& target, const T& patch)> copy;
};

// Copies the fields named by `paths` from `patch` into `target`. "*" names every mutable
// field. A path naming an immutable or output-only field (listed in `fixed_paths`) or no field
// at all adds a violation under "update_mask.paths[i]" and copies nothing for it.
template <typename T>
void ApplyUpdateMask(const std::vector<std::string>& paths,
                     const std::vector<MutableField<T>>& mutable_fields,
                     const std::vector<absl::string_view>& fixed_paths, const T& patch, T& target,
                     Violations& violations) {
  for (size_t i = 0; i < paths.size(); ++i) {
    const std::string& path = paths[i];
    const std::string where = "update_mask.paths[" + std::to_string(i) + "]";
    if (path == "*") {
      for (const MutableField<T>& f : mutable_fields) f.copy(target, patch);
      continue;
    }
    bool found = false;
    for (const MutableField<T>& f : mutable_fields) {
      if (f.path == path) {
        f.copy(target, patch);
        found = true;
        break;
      }
    }
    if (found) continue;
    bool fixed = false;
    for (absl::string_view p : fixed_paths) fixed = fixed || p == path;
    violations.Add(where, fixed ? "'" + path + "' is output only or immutable"
                                : "'" + path + "' is not a field of this resource");
  }
}

}  // namespace techmatch

#endif  // TECHMATCH_CORE_COMMON_UPDATE_MASK_H_
