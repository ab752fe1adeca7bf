#include "core/common/paging.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "core/common/field_violations.h"

namespace techmatch {

absl::StatusOr<int> NormalizePageSize(int requested) {
  if (requested < 0) {
    return InvalidFieldError("page_size", absl::StrCat("must not be negative, got ", requested));
  }
  if (requested == 0) return kDefaultPageSize;
  return std::min(requested, kMaxPageSize);
}

}  // namespace techmatch
