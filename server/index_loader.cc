#include "server/index_loader.h"

#include "core/common/status_macros.h"
#include "spdlog/spdlog.h"
#include "storage/caching_repository.h"

namespace techmatch::server {
namespace {

// Walks every record with `list` (a keyset-paged List) and hands each to `index`.
template <typename R, typename List, typename Index>
absl::Status LoadAll(List list, Index index) {
  storage::ListQuery query;
  query.page_size = kMaxPageSize;
  do {
    TM_ASSIGN_OR_RETURN(Page<R> page, list(query));
    for (const R& record : page.items) TM_RETURN_IF_ERROR(index(record));
    query.after_id = page.next_after_id;
  } while (!query.after_id.empty());
  return absl::OkStatus();
}

}  // namespace

absl::Status LoadMatchingIndex(storage::Repository& repository, MatchingEngine& engine) {
  // Through the record caches when the repository has them: the records read here fill them,
  // so the first GetNeed of each needs no database read either.
  auto* const cached = dynamic_cast<storage::CachingRepository*>(&repository);
  TM_RETURN_IF_ERROR(LoadAll<Need>(
      [&](const storage::ListQuery& q) {
        return cached != nullptr ? cached->ListNeedsIntoCache(q) : repository.ListNeeds(q);
      },
      [&](const Need& need) { return engine.IndexNeed(need); }));
  TM_RETURN_IF_ERROR(LoadAll<Offering>(
      [&](const storage::ListQuery& q) {
        return cached != nullptr ? cached->ListOfferingsIntoCache(q) : repository.ListOfferings(q);
      },
      [&](const Offering& offering) { return engine.IndexOffering(offering); }));
  engine.Compact();
  spdlog::info("matching index loaded: {} needs, {} offerings, {} MiB of postings",
               engine.indexed_needs(), engine.indexed_offerings(), engine.posting_bytes() >> 20);
  return absl::OkStatus();
}

}  // namespace techmatch::server
