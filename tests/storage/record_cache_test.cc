// The record cache (storage/record_cache.h) on its own: hits, the ticket that keeps a read
// older than a write out, the capacity bound, listed records kept only where there is room,
// and the switch that turns it off.
#include "storage/record_cache.h"

#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace techmatch::storage {
namespace {

struct Item {
  std::string value;
};

std::shared_ptr<const Item> Make(std::string value) {
  return std::make_shared<const Item>(Item{std::move(value)});
}

TEST(RecordCacheTest, MissThenInsertThenHit) {
  RecordCache<Item> cache(100);
  RecordCache<Item>::Found first = cache.Lookup("a");
  EXPECT_EQ(first.record, nullptr);
  cache.Insert(first.ticket, "a", Make("one"));
  RecordCache<Item>::Found second = cache.Lookup("a");
  ASSERT_NE(second.record, nullptr);
  EXPECT_EQ(second.record->value, "one");
  EXPECT_EQ(cache.Lookup("b").record, nullptr);
  const RecordCacheStats stats = cache.Stats();
  EXPECT_EQ(stats.hits, 1);
  EXPECT_EQ(stats.misses, 2);
  EXPECT_EQ(stats.entries, 1);
}

TEST(RecordCacheTest, InvalidateDropsTheRecord) {
  RecordCache<Item> cache(100);
  cache.Insert(cache.Lookup("a").ticket, "a", Make("one"));
  cache.Invalidate("a");
  EXPECT_EQ(cache.Lookup("a").record, nullptr);
}

TEST(RecordCacheTest, ReadThatMayPredateAWriteIsNotKept) {
  RecordCache<Item> cache(100);
  // A reader misses, reads the database; a write of the same record commits and invalidates
  // before the reader offers what it read: that may be the old version, so it is refused.
  RecordCache<Item>::Found miss = cache.Lookup("a");
  cache.Invalidate("a");
  cache.Insert(miss.ticket, "a", Make("maybe old"));
  EXPECT_EQ(cache.Lookup("a").record, nullptr);
  // A read that starts after the write is kept.
  RecordCache<Item>::Found after = cache.Lookup("a");
  cache.Insert(after.ticket, "a", Make("new"));
  ASSERT_NE(cache.Lookup("a").record, nullptr);
  EXPECT_EQ(cache.Lookup("a").record->value, "new");
}

TEST(RecordCacheTest, NeverHoldsMoreThanItsCapacity) {
  constexpr size_t kCapacity = 64;
  RecordCache<Item> cache(kCapacity);
  for (int i = 0; i < 10000; ++i) {
    const std::string id = absl::StrCat("r", i);
    cache.Insert(cache.Lookup(id).ticket, id, Make(id));
    ASSERT_LE(cache.Stats().entries, static_cast<int64_t>(kCapacity)) << "after " << i;
  }
  EXPECT_GT(cache.Stats().entries, 0);
}

TEST(RecordCacheTest, RecordsReadAgainSurviveAStreamOfOthers) {
  RecordCache<Item> cache(1600);  // 16 shards of 100: 50 recent and 50 older each.
  cache.Insert(cache.Lookup("hot").ticket, "hot", Make("hot"));
  // 20,000 one-off reads pass through; the hot record is read after every 10 of them.
  for (int i = 0; i < 20000; ++i) {
    const std::string id = absl::StrCat("cold", i);
    cache.Insert(cache.Lookup(id).ticket, id, Make(id));
    if (i % 10 == 9) {
      ASSERT_NE(cache.Lookup("hot").record, nullptr) << "after " << i;
    }
  }
}

TEST(RecordCacheTest, AListingThatMayPredateAWriteDoesNotKeepThatRecord) {
  RecordCache<Item> cache(100);
  // Tickets before the listing; a write of "a" commits while it reads.
  const RecordCache<Item>::Tickets before = cache.TakeTickets();
  cache.Invalidate("a");
  cache.InsertIfRoom(before.For("a"), "a", Make("maybe old"));
  EXPECT_EQ(cache.Lookup("a").record, nullptr);
  // A listing that starts after the write keeps it.
  const RecordCache<Item>::Tickets after = cache.TakeTickets();
  cache.InsertIfRoom(after.For("a"), "a", Make("new"));
  ASSERT_NE(cache.Lookup("a").record, nullptr);
  EXPECT_EQ(cache.Lookup("a").record->value, "new");
}

TEST(RecordCacheTest, ListedRecordsFillTheRoomAndDropNothingRead) {
  constexpr size_t kCapacity = 1600;  // 16 shards of 50 recent and 50 older each.
  RecordCache<Item> cache(kCapacity);
  cache.Insert(cache.Lookup("read").ticket, "read", Make("read"));
  const RecordCache<Item>::Tickets tickets = cache.TakeTickets();
  for (int i = 0; i < 10000; ++i) {
    const std::string id = absl::StrCat("listed", i);
    cache.InsertIfRoom(tickets.For(id), id, Make(id));
  }
  // Every shard is full, and the record a caller read is still there.
  EXPECT_EQ(cache.Stats().entries, static_cast<int64_t>(kCapacity));
  EXPECT_FALSE(cache.HasRoomFor("read"));
  ASSERT_NE(cache.Lookup("read").record, nullptr);
  // A listed record already kept is not replaced.
  ASSERT_NE(cache.Lookup("listed0").record, nullptr);
  const RecordCache<Item>::Tickets later = cache.TakeTickets();
  cache.InsertIfRoom(later.For("listed0"), "listed0", Make("other"));
  EXPECT_EQ(cache.Lookup("listed0").record->value, "listed0");
}

TEST(RecordCacheTest, CapacityZeroKeepsNothing) {
  RecordCache<Item> cache(0);
  EXPECT_FALSE(cache.enabled());
  cache.Insert(cache.Lookup("a").ticket, "a", Make("one"));
  EXPECT_FALSE(cache.HasRoomFor("a"));
  cache.InsertIfRoom(cache.TakeTickets().For("a"), "a", Make("one"));
  EXPECT_EQ(cache.Lookup("a").record, nullptr);
  EXPECT_EQ(cache.Stats().entries, 0);
  EXPECT_EQ(cache.Stats().hits, 0);
}

}  // namespace
}  // namespace techmatch::storage
