// List operations: a request's filter / page_size / page_token turned into a storage query
// (every bad field reported at once), the page's continuation turned into a page token, and
// the pages of a free-text query ranked by the matching engine.
#ifndef TECHMATCH_USECASES_LISTS_H_
#define TECHMATCH_USECASES_LISTS_H_

#include <algorithm>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "core/common/field_violations.h"
#include "core/common/filter.h"
#include "core/common/paging.h"
#include "core/common/status_macros.h"
#include "core/matching/matching_engine.h"
#include "storage/repository.h"
#include "usecases/page_tokens.h"

namespace techmatch::usecases {

// A List request as the caller gave it (AIP-132, AIP-158). The views must outlive the call.
struct ListRequest {
  absl::string_view filter;
  int page_size = 0;
  absl::string_view page_token;
};

// One page of a list and the token of the next (empty on the last page).
template <typename R>
struct ListPage {
  std::vector<R> items;
  std::string next_page_token;
};

// A parsed List request and the scope its page tokens are bound to.
struct ParsedList {
  storage::ListQuery query;
  std::string scope;
};

// Validates every part of `request` and reports all bad fields at once. `method` and `parent`
// (empty when none) scope the page token: a token is refused by any other list.
absl::StatusOr<ParsedList> ParseList(absl::string_view method, absl::string_view parent,
                                     const ListRequest& request,
                                     const std::vector<FilterField>& fields,
                                     const PageTokenCodec& tokens);

// `page` with the token that continues it.
template <typename R>
ListPage<R> Continued(Page<R> page, const ParsedList& list, const PageTokenCodec& tokens) {
  return {std::move(page.items), tokens.Encode(list.scope, page.next_after_id)};
}

// How many ranked hits a free-text query may page through.
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

// A list of needs or offerings: by id, or, with a free-text `query`, by relevance (`search`
// ranks, `list` applies the filter to the hits). The query's text scopes the page token as the
// filter does.
template <typename R>
absl::StatusOr<ListPage<R>> ListOrSearch(
    absl::string_view method, const ListRequest& request, absl::string_view query,
    const std::vector<FilterField>& fields, const PageTokenCodec& tokens,
    const std::function<absl::StatusOr<Page<R>>(const storage::ListQuery&)>& list,
    const std::function<absl::StatusOr<std::vector<SearchHit>>(absl::string_view)>& search) {
  TM_ASSIGN_OR_RETURN(ParsedList parsed,
                      ParseList(method, query.empty() ? "" : absl::StrCat("query:", query), request,
                                fields, tokens));
  Page<R> page;
  if (query.empty()) {
    TM_ASSIGN_OR_RETURN(page, list(parsed.query));
  } else {
    TM_ASSIGN_OR_RETURN(std::vector<SearchHit> hits, search(query));
    TM_ASSIGN_OR_RETURN(page, RankedPage<R>(hits, parsed.query, list));
  }
  return Continued(std::move(page), parsed, tokens);
}

}  // namespace techmatch::usecases

#endif  // TECHMATCH_USECASES_LISTS_H_
