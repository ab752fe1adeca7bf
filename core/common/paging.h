// Page sizes and keyset pages for List methods (AIP-158).
#ifndef TECHMATCH_CORE_COMMON_PAGING_H_
#define TECHMATCH_CORE_COMMON_PAGING_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace techmatch {

inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 1000;

// 0 → default; above the maximum → the maximum; negative → INVALID_ARGUMENT on "page_size".
absl::StatusOr<int> NormalizePageSize(int requested);

// A page of records in id order; `next_after_id` is the id to continue after, empty at the end.
template <typename T>
struct Page {
  std::vector<T> items;
  std::string next_after_id;
};

}  // namespace techmatch

#endif  // TECHMATCH_CORE_COMMON_PAGING_H_
