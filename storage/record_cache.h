// A bounded in-memory copy of recently read records of one kind (needs, offerings), so that
// reading the same record again costs no SQLite statement: at fair time the same needs and
// offerings are fetched over and over by many organizers' tools, and a GetNeed answered from
// SQLite spent ~60% of its instructions there (bench/README.md, load section).
//
// Coherence, without ever serving a record older than the last acknowledged write of it:
// - a writer that changed a stored record calls Invalidate(id) after its transaction committed
//   (or failed) and before it answers, which drops the record and moves its shard's generation
//   on. Creating a record needs no call: a record that is not stored is never cached;
// - a reader calls Lookup first; on a miss it reads the database and offers the result with
//   the ticket Lookup gave it. Insert refuses the record when the shard's generation moved in
//   between: a write of that shard committed meanwhile, so the read may predate it.
// So a record is cached only if no write of its shard committed between the ticket and the
// insert, and every later write removes it. A listing that keeps what it read (InsertIfRoom)
// takes the tickets of all shards before it reads (TakeTickets), under the same rule. The cost of a
// write to an unrelated record of the same shard is one refused insert. Writes by other servers
// sharing the database reach the cache through the backend's change feed, which calls Invalidate
// for each record it reads (storage/caching_repository.h): on those servers a read reflects the
// write from then on.
//
// Eviction: each shard holds two maps, recent and older. Hits in older move to recent; when
// recent is half the shard's capacity it becomes older and the previous older is dropped. So a
// record read again within about half the capacity's worth of other reads stays, at O(1) per
// call and no per-entry bookkeeping.
#ifndef TECHMATCH_STORAGE_RECORD_CACHE_H_
#define TECHMATCH_STORAGE_RECORD_CACHE_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/hash/hash.h"
#include "absl/strings/string_view.h"

namespace techmatch::storage {

struct RecordCacheStats {
  int64_t hits = 0;
  int64_t misses = 0;
  int64_t entries = 0;
};

template <typename Record>
class RecordCache {
  // Enough that the server's threads rarely meet on one lock, and that a write refuses the
  // concurrent inserts of 1/16 of the records only.
  static constexpr size_t kShards = 16;

 public:
  // What a miss hands back for the insert that follows the database read.
  struct Ticket {
    uint64_t generation = 0;
  };
  struct Found {
    std::shared_ptr<const Record> record;  // Null on a miss.
    Ticket ticket;                         // For Insert, on a miss.
  };

  // At most `capacity` records; 0 turns the cache off (every Lookup misses, Insert keeps
  // nothing).
  explicit RecordCache(size_t capacity)
      : half_shard_capacity_(capacity == 0 ? 0 : (capacity + 2 * kShards - 1) / (2 * kShards)) {}

  RecordCache(const RecordCache&) = delete;
  RecordCache& operator=(const RecordCache&) = delete;

  bool enabled() const { return half_shard_capacity_ > 0; }

  Found Lookup(absl::string_view id) {
    Found found;
    if (!enabled()) return found;
    Shard& shard = ShardOf(id);
    Map dropped;  // Declared before the lock: freed after it is released.
    std::lock_guard<std::mutex> lock(shard.mu);
    found.ticket.generation = shard.generation;
    if (auto it = shard.recent.find(id); it != shard.recent.end()) {
      ++shard.hits;
      found.record = it->second;
      return found;
    }
    if (auto it = shard.older.find(id); it != shard.older.end()) {
      ++shard.hits;
      found.record = it->second;
      shard.older.erase(it);
      dropped = PutRecent(shard, std::string(id), found.record);
      return found;
    }
    ++shard.misses;
    return found;
  }

  // Tickets for a read whose records are not known before it (a page of a listing): every
  // shard's generation when they were taken, so For(id) is the ticket Lookup(id) gave then.
  class Tickets {
   public:
    Ticket For(absl::string_view id) const { return {generations_[ShardIndex(id)]}; }

   private:
    friend class RecordCache;
    std::array<uint64_t, kShards> generations_{};
  };
  Tickets TakeTickets() {
    Tickets tickets;
    for (size_t i = 0; i < kShards; ++i) {
      std::lock_guard<std::mutex> lock(shards_[i].mu);
      tickets.generations_[i] = shards_[i].generation;
    }
    return tickets;
  }

  // Whether InsertIfRoom(…, id, …) would keep a record: keeping it drops no other record.
  bool HasRoomFor(absl::string_view id) {
    if (!enabled()) return false;
    Shard& shard = ShardOf(id);
    std::lock_guard<std::mutex> lock(shard.mu);
    return !WouldDrop(shard);
  }

  // Insert for a record no caller asked for yet (one a listing read), kept ahead of its first
  // read only while that drops no other record: what callers read stays.
  void InsertIfRoom(const Ticket& ticket, absl::string_view id,
                    std::shared_ptr<const Record> record) {
    if (!enabled()) return;
    Shard& shard = ShardOf(id);
    Map dropped;  // Declared before the lock: freed after it is released (empty here).
    std::lock_guard<std::mutex> lock(shard.mu);
    if (shard.generation != ticket.generation || WouldDrop(shard)) return;
    if (shard.recent.contains(id) || shard.older.contains(id)) return;
    dropped = PutRecent(shard, std::string(id), std::move(record));
  }

  // Keeps `record`, read from the database after Lookup(id) gave `ticket`, unless a write of
  // the shard committed since.
  void Insert(const Ticket& ticket, absl::string_view id, std::shared_ptr<const Record> record) {
    if (!enabled()) return;
    Shard& shard = ShardOf(id);
    Map dropped;  // Declared before the lock: freed after it is released.
    std::lock_guard<std::mutex> lock(shard.mu);
    if (shard.generation != ticket.generation) return;
    shard.older.erase(id);
    dropped = PutRecent(shard, std::string(id), std::move(record));
  }

  // Call after a write of `id` committed or failed, before answering the writer's caller.
  void Invalidate(absl::string_view id) {
    if (!enabled()) return;
    Shard& shard = ShardOf(id);
    std::lock_guard<std::mutex> lock(shard.mu);
    ++shard.generation;
    shard.recent.erase(id);
    shard.older.erase(id);
  }

  RecordCacheStats Stats() {
    RecordCacheStats stats;
    for (Shard& shard : shards_) {
      std::lock_guard<std::mutex> lock(shard.mu);
      stats.hits += shard.hits;
      stats.misses += shard.misses;
      stats.entries += static_cast<int64_t>(shard.recent.size() + shard.older.size());
    }
    return stats;
  }

 private:
  using Map = absl::flat_hash_map<std::string, std::shared_ptr<const Record>>;
  struct Shard {
    std::mutex mu;
    uint64_t generation = 0;  // Moved on by every Invalidate of the shard.
    Map recent;
    Map older;
    int64_t hits = 0;
    int64_t misses = 0;
  };

  static size_t ShardIndex(absl::string_view id) {
    return absl::Hash<absl::string_view>{}(id) % kShards;
  }
  Shard& ShardOf(absl::string_view id) { return shards_[ShardIndex(id)]; }

  // Whether PutRecent would drop the shard's older records.
  bool WouldDrop(const Shard& shard) const {
    return shard.recent.size() >= half_shard_capacity_ && !shard.older.empty();
  }

  // Returns the map it dropped (empty unless recent was full), for the caller to free
  // outside the lock.
  [[nodiscard]] Map PutRecent(Shard& shard, std::string id, std::shared_ptr<const Record> record) {
    Map dropped;
    if (shard.recent.size() >= half_shard_capacity_) {
      dropped = std::exchange(shard.older, std::move(shard.recent));
      shard.recent = Map();
    }
    shard.recent.insert_or_assign(std::move(id), std::move(record));
    return dropped;
  }

  const size_t half_shard_capacity_;
  std::array<Shard, kShards> shards_;
};

}  // namespace techmatch::storage

#endif  // TECHMATCH_STORAGE_RECORD_CACHE_H_
