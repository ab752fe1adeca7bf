// Reads of needs and offerings through the repository's record cache: a read never returns a
// version older than the last acknowledged write, whichever path wrote it, even with readers
// (or listings that fill the cache) racing the writer.
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "core/common/paging.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/caching_repository.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/test_db.h"

namespace techmatch::storage {
namespace {

using ::techmatch::testing::IsOk;
using ::techmatch::testing::StatusIs;

class CachedReadsTest : public testing::RepositoryTest {
 protected:
  void SetUp() override {
    RepositoryTest::SetUp();
    MustCreate(Enterprise("ent"));
    MustCreate(University("uni"));
  }
};

TEST_F(CachedReadsTest, ReplacedNeedIsReadBackNew) {
  ASSERT_THAT(repo().CreateNeed(SampleNeed("n1", "ent"), {}), IsOk());
  TM_ASSERT_OK_AND_ASSIGN(Need first, repo().GetNeed("n1"));
  TM_ASSERT_OK_AND_ASSIGN(Need again, repo().GetNeed("n1"));  // Now from the cache.
  EXPECT_EQ(again.listing.title, first.listing.title);
  EXPECT_EQ(again.meta.revision, 1);
  EXPECT_GE(repo().NeedCacheStats().hits, 1);

  Need changed = first;
  changed.listing.title = "新标题 new title";
  ASSERT_THAT(repo().ReplaceNeed(changed, 1), IsOk());
  TM_ASSERT_OK_AND_ASSIGN(Need read, repo().GetNeed("n1"));
  EXPECT_EQ(read.meta.revision, 2);
  EXPECT_EQ(read.listing.title, "新标题 new title");
}

TEST_F(CachedReadsTest, ReplacedOfferingIsReadBackNew) {
  ASSERT_THAT(repo().CreateOffering(SampleOffering("o1", "uni"), {}), IsOk());
  TM_ASSERT_OK_AND_ASSIGN(Offering first, repo().GetOffering("o1"));
  ASSERT_THAT(repo().GetOffering("o1"), IsOk());
  EXPECT_GE(repo().OfferingCacheStats().hits, 1);

  Offering changed = first;
  changed.listing.keywords = {"换了"};
  ASSERT_THAT(repo().ReplaceOffering(changed, 1), IsOk());
  TM_ASSERT_OK_AND_ASSIGN(Offering read, repo().GetOffering("o1"));
  EXPECT_EQ(read.meta.revision, 2);
  EXPECT_EQ(read.listing.keywords, std::vector<std::string>{"换了"});
}

TEST_F(CachedReadsTest, RefusedReplaceLeavesTheStoredVersionReadable) {
  ASSERT_THAT(repo().CreateNeed(SampleNeed("n1", "ent"), {}), IsOk());
  TM_ASSERT_OK_AND_ASSIGN(Need first, repo().GetNeed("n1"));
  Need stale = first;
  stale.listing.title = "never stored";
  EXPECT_THAT(repo().ReplaceNeed(stale, 7), StatusIs(absl::StatusCode::kAborted));
  TM_ASSERT_OK_AND_ASSIGN(Need read, repo().GetNeed("n1"));
  EXPECT_EQ(read.meta.revision, 1);
  EXPECT_EQ(read.listing.title, first.listing.title);
}

TEST_F(CachedReadsTest, ImportedRecordsAreFoundAfterAMiss) {
  EXPECT_THAT(repo().GetNeed("later"), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(repo().GetOffering("later"), StatusIs(absl::StatusCode::kNotFound));
  ASSERT_THAT(repo().CreateNeeds({SampleNeed("later", "ent")}), IsOk());
  ASSERT_THAT(repo().CreateOfferings({SampleOffering("later", "uni")}), IsOk());
  EXPECT_THAT(repo().GetNeed("later"), IsOk());
  EXPECT_THAT(repo().GetOffering("later"), IsOk());
}

TEST_F(CachedReadsTest, RacingReadersNeverSeeAVersionOlderThanTheLastAcknowledged) {
  constexpr int kReplaces = 300;
  constexpr int kReaders = 4;
  ASSERT_THAT(repo().CreateNeed(SampleNeed("hot", "ent"), {}), IsOk());
  std::atomic<int64_t> acknowledged{1};
  std::atomic<bool> done{false};
  std::atomic<int> stale_reads{0};
  std::atomic<int> reads{0};
  std::vector<std::thread> readers;
  for (int r = 0; r < kReaders; ++r) {
    readers.emplace_back([&] {
      while (!done.load()) {
        const int64_t floor = acknowledged.load();
        absl::StatusOr<Need> read = repo().GetNeed("hot");
        if (!read.ok() || read->meta.revision < floor) stale_reads.fetch_add(1);
        reads.fetch_add(1);
      }
    });
  }
  for (int i = 1; i <= kReplaces; ++i) {
    absl::StatusOr<Need> current = repo().GetNeed("hot");
    ASSERT_THAT(current, IsOk());
    ASSERT_EQ(current->meta.revision, i);  // The writer reads its own writes too.
    Need next = *current;
    next.listing.title = "revision " + std::to_string(i + 1);
    absl::StatusOr<Need> stored = repo().ReplaceNeed(next, i);
    ASSERT_THAT(stored, IsOk());
    acknowledged.store(stored->meta.revision);
  }
  done.store(true);
  for (std::thread& reader : readers) reader.join();
  EXPECT_EQ(stale_reads.load(), 0) << "of " << reads.load() << " reads";
  EXPECT_GT(repo().NeedCacheStats().hits, 0);
}

TEST_F(CachedReadsTest, CacheOffReadsEveryTimeFromTheDatabase) {
  SqliteOptions options;
  options.record_cache_entries = 0;
  TM_ASSERT_OK_AND_ASSIGN(auto uncached, SqliteRepository::Open(dir_.File("uncached.db"), options));
  ASSERT_THAT(uncached->CreateOrganization(Enterprise("ent"), {}), IsOk());
  ASSERT_THAT(uncached->CreateNeed(SampleNeed("n1", "ent"), {}), IsOk());
  ASSERT_THAT(uncached->GetNeed("n1"), IsOk());
  ASSERT_THAT(uncached->GetNeed("n1"), IsOk());
  EXPECT_EQ(uncached->NeedCacheStats().hits, 0);
  EXPECT_EQ(uncached->NeedCacheStats().entries, 0);
}

TEST_F(CachedReadsTest, NegativeCacheSizeIsRefused) {
  SqliteOptions options;
  options.record_cache_entries = -1;
  EXPECT_THAT(SqliteRepository::Open(dir_.File("bad.db"), options),
              StatusIs(absl::StatusCode::kInvalidArgument, ::testing::HasSubstr("record_cache")));
}

// Records a listing kept in the caches (CachingRepository::ListNeedsIntoCache, which the
// matching index's load at start uses), on both backends.
class ListedIntoCacheTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    MustCreate(Enterprise("ent"));
    MustCreate(University("uni"));
  }
  CachingRepository& cached() { return dynamic_cast<CachingRepository&>(repo()); }
  static ListQuery AllOnOnePage() {
    ListQuery query;
    query.page_size = 50;
    return query;
  }
};

TEST_P(ListedIntoCacheTest, ListedRecordsAreReadWithoutTheDatabase) {
  ASSERT_THAT(repo().CreateNeed(SampleNeed("n1", "ent"), {}), IsOk());
  ASSERT_THAT(repo().CreateNeed(SampleNeed("n2", "ent"), {}), IsOk());
  ASSERT_THAT(repo().CreateOffering(SampleOffering("o1", "uni"), {}), IsOk());
  Reopen();  // Empty caches.
  TM_ASSERT_OK_AND_ASSIGN(Page<Need> needs, cached().ListNeedsIntoCache(AllOnOnePage()));
  ASSERT_EQ(needs.items.size(), 2u);
  TM_ASSERT_OK_AND_ASSIGN(Page<Offering> offerings,
                          cached().ListOfferingsIntoCache(AllOnOnePage()));
  ASSERT_EQ(offerings.items.size(), 1u);

  const RecordCacheStats needs_before = cached().NeedCacheStats();
  TM_ASSERT_OK_AND_ASSIGN(Need n2, repo().GetNeed("n2"));
  EXPECT_EQ(cached().NeedCacheStats().hits, needs_before.hits + 1);
  EXPECT_EQ(cached().NeedCacheStats().misses, needs_before.misses);
  EXPECT_EQ(n2.meta.revision, needs.items[1].meta.revision);
  EXPECT_EQ(n2.meta.update_time, needs.items[1].meta.update_time);
  EXPECT_EQ(n2.listing.title, needs.items[1].listing.title);

  const RecordCacheStats offerings_before = cached().OfferingCacheStats();
  TM_ASSERT_OK_AND_ASSIGN(Offering o1, repo().GetOffering("o1"));
  EXPECT_EQ(cached().OfferingCacheStats().hits, offerings_before.hits + 1);
  EXPECT_EQ(cached().OfferingCacheStats().misses, offerings_before.misses);
  EXPECT_EQ(o1.listing.title, offerings.items[0].listing.title);
}

TEST_P(ListedIntoCacheTest, AListedRecordReplacedLaterIsReadNew) {
  ASSERT_THAT(repo().CreateNeed(SampleNeed("n1", "ent"), {}), IsOk());
  Reopen();
  TM_ASSERT_OK_AND_ASSIGN(Page<Need> listed, cached().ListNeedsIntoCache(AllOnOnePage()));
  ASSERT_EQ(listed.items.size(), 1u);
  Need changed = listed.items[0];
  changed.listing.title = "changed after the listing";
  ASSERT_THAT(repo().ReplaceNeed(changed, 1), IsOk());
  TM_ASSERT_OK_AND_ASSIGN(Need read, repo().GetNeed("n1"));
  EXPECT_EQ(read.meta.revision, 2);
  EXPECT_EQ(read.listing.title, "changed after the listing");
}

TEST_P(ListedIntoCacheTest, ListingsRacingAWriterNeverKeepAnOlderVersion) {
  constexpr int kReplaces = 100;
  ASSERT_THAT(repo().CreateNeed(SampleNeed("hot", "ent"), {}), IsOk());
  std::atomic<int64_t> acknowledged{1};
  std::atomic<bool> done{false};
  std::atomic<int> stale_reads{0};
  std::atomic<int> listings{0};
  std::thread lister([&] {
    while (!done.load()) {
      if (!cached().ListNeedsIntoCache(AllOnOnePage()).ok()) stale_reads.fetch_add(1);
      listings.fetch_add(1);
    }
  });
  std::thread reader([&] {
    while (!done.load()) {
      const int64_t floor = acknowledged.load();
      absl::StatusOr<Need> read = repo().GetNeed("hot");
      if (!read.ok() || read->meta.revision < floor) stale_reads.fetch_add(1);
    }
  });
  for (int i = 1; i <= kReplaces; ++i) {
    absl::StatusOr<Need> current = repo().GetNeed("hot");
    ASSERT_THAT(current, IsOk());
    ASSERT_EQ(current->meta.revision, i);
    Need next = *current;
    next.listing.title = "revision " + std::to_string(i + 1);
    absl::StatusOr<Need> stored = repo().ReplaceNeed(next, i);
    ASSERT_THAT(stored, IsOk());
    acknowledged.store(stored->meta.revision);
  }
  done.store(true);
  lister.join();
  reader.join();
  EXPECT_EQ(stale_reads.load(), 0) << "over " << listings.load() << " listings";
  TM_ASSERT_OK_AND_ASSIGN(Need last, repo().GetNeed("hot"));
  EXPECT_EQ(last.meta.revision, kReplaces + 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, ListedIntoCacheTest, testing::kBackends, testing::BackendName);

}  // namespace
}  // namespace techmatch::storage
