// A Repository whose needs and offerings are read through record caches
// (storage/record_cache.h), for any backend.
//
// A backend derives from it and implements the uncached reads and replaces below; GetNeed,
// GetOffering, ReplaceNeed and ReplaceOffering are final here, so the caches' coherence rule
// holds for every backend without each repeating it: a replace invalidates the record after its
// transaction ended (committed or not) and before it answers, and a read offers what it read
// with the ticket it took before reading. So no read returns a version older than the last
// acknowledged write. Creates need nothing (a record that is not stored is never cached); this
// relies on a replace being the only way a stored need or offering changes. Writes by other
// servers on a shared database reach the caches through the backend's change feed
// (ForgetNeed, ForgetOffering): on another server a read reflects a write once that server's
// follower has read it.
#ifndef TECHMATCH_STORAGE_CACHING_REPOSITORY_H_
#define TECHMATCH_STORAGE_CACHING_REPOSITORY_H_

#include <cstddef>
#include <cstdint>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/common/paging.h"
#include "core/listings/need.h"
#include "core/listings/offering.h"
#include "storage/record_cache.h"
#include "storage/repository.h"

namespace techmatch::storage {

class CachingRepository : public Repository {
 public:
  absl::StatusOr<Need> GetNeed(absl::string_view id) final;
  absl::StatusOr<Offering> GetOffering(absl::string_view id) final;
  absl::StatusOr<Need> ReplaceNeed(const Need& need, int64_t expected_revision) final;
  absl::StatusOr<Offering> ReplaceOffering(const Offering& offering,
                                           int64_t expected_revision) final;

  // ListNeeds and ListOfferings, also keeping the listed records in the caches while they have
  // room (no cached record is dropped for them). The matching index's load at start lists every
  // stored need and offering once; GetNeed and GetOffering then find those without a database
  // read. The caches' coherence rule holds: tickets taken before the listing, so a record a
  // write invalidated meanwhile is not kept.
  absl::StatusOr<Page<Need>> ListNeedsIntoCache(const ListQuery& query);
  absl::StatusOr<Page<Offering>> ListOfferingsIntoCache(const ListQuery& query);

  // How the caches have served so far.
  RecordCacheStats NeedCacheStats() { return need_cache_.Stats(); }
  RecordCacheStats OfferingCacheStats() { return offering_cache_.Stats(); }

 protected:
  // At most `entries` needs and as many offerings; 0 turns the caches off.
  explicit CachingRepository(size_t entries) : need_cache_(entries), offering_cache_(entries) {}

  // GetNeed's, GetOffering's, ReplaceNeed's and ReplaceOffering's contracts, on the database.
  virtual absl::StatusOr<Need> GetNeedUncached(absl::string_view id) = 0;
  virtual absl::StatusOr<Offering> GetOfferingUncached(absl::string_view id) = 0;
  virtual absl::StatusOr<Need> ReplaceNeedUncached(const Need& need, int64_t expected_revision) = 0;
  virtual absl::StatusOr<Offering> ReplaceOfferingUncached(const Offering& offering,
                                                           int64_t expected_revision) = 0;

  // Another process changed this stored need or offering (a backend's change feed read it):
  // the next read goes to the database.
  void ForgetNeed(absl::string_view id) { need_cache_.Invalidate(id); }
  void ForgetOffering(absl::string_view id) { offering_cache_.Invalidate(id); }

 private:
  RecordCache<Need> need_cache_;
  RecordCache<Offering> offering_cache_;
};

}  // namespace techmatch::storage

#endif  // TECHMATCH_STORAGE_CACHING_REPOSITORY_H_
