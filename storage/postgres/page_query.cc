#include "storage/postgres/page_query.h"

#include <algorithm>

namespace techmatch::storage::postgres {

int ClampPageSize(int page_size) {
  if (page_size <= 0) return kDefaultPageSize;
  return std::min(page_size, kMaxPageSize);
}

}  // namespace techmatch::storage::postgres
