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
absl::StatusOr<Page<Record>> ListInto(RecordCache<Record>& cache,
                                      absl::FunctionRef<absl::StatusOr<Page<Record>>()> list) {
  if (!cache.enabled()) return list();
  const typename RecordCache<Record>::Tickets tickets = cache.TakeTickets();
  absl::StatusOr<Page<Record>> page = list();
  if (!page.ok()) return page;
  for (const Record& record : page->items) {
    const absl::string_view id = record.meta.id;
    if (!cache.HasRoomFor(id)) continue;  // Spares the copy.
    cache.InsertIfRoom(tickets.For(id), id, std::make_shared<const Record>(record));
  }
  return page;
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

absl::StatusOr<Page<Need>> CachingRepository::ListNeedsIntoCache(const ListQuery& query) {
  return ListInto<Need>(need_cache_, [&] { return ListNeeds(query); });
}

absl::StatusOr<Page<Offering>> CachingRepository::ListOfferingsIntoCache(const ListQuery& query) {
  return ListInto<Offering>(offering_cache_, [&] { return ListOfferings(query); });
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
