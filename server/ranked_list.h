// List methods with a free-text `query`: the matching engine ranks, storage applies the
// filter to the ranked hits, and the page token holds the position in that ranking.
#ifndef TECHMATCH_SERVER_RANKED_LIST_H_
#define TECHMATCH_SERVER_RANKED_LIST_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "core/common/field_violations.h"
#include "core/common/status_macros.h"
#include "core/matching/matching_engine.h"
#include "storage/repository.h"

namespace techmatch::server {

// How many ranked hits a query may page through.
inline constexpr size_t kMaxSearchHits = 10000;

// The page of `hits` (best first) that pass `query.filter`, starting at the ranked position
// in `query.after_id` (empty: the first). `next_after_id` is the position to continue from.
template <typename R>
absl::StatusOr<Page<R>> RankedPage(
    const std::vector<SearchHit>& hits, const storage::ListQuery& query,
    const std::function<absl::StatusOr<Page<R>>(const storage::ListQuery&)>& list) {
  size_t offset = 0;
  if (!query.after_id.empty() && !absl::SimpleAtoi(query.after_id, &offset)) {
    return InvalidFieldError("page_token", "does not belong to a query");
  }
  const size_t page_size = static_cast<size_t>(query.page_size);
  Page<R> page;
  size_t passed = 0;  // Hits that passed the filter so far, in rank order.
  for (size_t chunk = 0; chunk < hits.size(); chunk += kMaxPageSize) {
    storage::ListQuery narrowed;
    narrowed.filter = query.filter;
    narrowed.page_size = kMaxPageSize;
    narrowed.only_ids.emplace();
    const size_t end = std::min(hits.size(), chunk + kMaxPageSize);
    for (size_t i = chunk; i < end; ++i) narrowed.only_ids->push_back(hits[i].id);
    TM_ASSIGN_OR_RETURN(Page<R> found, list(narrowed));
    absl::flat_hash_map<std::string, R*> by_id;
    for (R& record : found.items) by_id[record.meta.id] = &record;
    for (size_t i = chunk; i < end; ++i) {
      auto it = by_id.find(hits[i].id);
      if (it == by_id.end()) continue;
      if (passed >= offset) {
        if (page.items.size() == page_size) {
          page.next_after_id = absl::StrCat(offset + page_size);
          return page;
        }
        page.items.push_back(std::move(*it->second));
      }
      ++passed;
    }
  }
  return page;
}

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_RANKED_LIST_H_
