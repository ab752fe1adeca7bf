#include "storage/caching_repository.h"

#include <memory>
#include <utility>

#include "absl/functional/function_ref.h"

namespace techmatch::storage {
namespace {

template <typename Record>
absl::StatusOr<Record> ReadThrough(RecordCache<Record>& cache, absl::string_view id,
                                   absl::FunctionRef<absl::StatusOr<Record>()> read) {
  typename RecordCache<Record>::Found cached = cache.Lookup(id);
  if (cached.record) return *cached.record;
  absl::StatusOr<Record> record = read();
  if (!record.ok() || !cache.enabled()) return record;
  auto shared = std::make_shared<const Record>(*std::move(record));
  cache.Insert(cached.ticket, id, shared);
  return *shared;
}

template <typename Record>
absl::StatusOr<Record> WriteThrough(RecordCache<Record>& cache, absl::string_view id,
                                    absl::FunctionRef<absl::StatusOr<Record>()> write) {
  absl::StatusOr<Record> written = write();
  cache.Invalidate(id);
  return written;
}

}  // namespace

absl::StatusOr<Need> CachingRepository::GetNeed(absl::string_view id) {
  return ReadThrough<Need>(need_cache_, id, [&] { return GetNeedUncached(id); });
}

absl::StatusOr<Offering> CachingRepository::GetOffering(absl::string_view id) {
  return ReadThrough<Offering>(offering_cache_, id, [&] { return GetOfferingUncached(id); });
}

absl::StatusOr<Need> CachingRepository::ReplaceNeed(const Need& need, int64_t expected_revision) {
  return WriteThrough<Need>(need_cache_, need.meta.id,
                            [&] { return ReplaceNeedUncached(need, expected_revision); });
}

absl::StatusOr<Offering> CachingRepository::ReplaceOffering(const Offering& offering,
                                                            int64_t expected_revision) {
  return WriteThrough<Offering>(offering_cache_, offering.meta.id, [&] {
    return ReplaceOfferingUncached(offering, expected_revision);
  });
}

}  // namespace techmatch::storage
