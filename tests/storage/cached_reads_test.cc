// Reads of needs and offerings through the repository's record cache: a read never returns a
// version older than the last acknowledged write, whichever path wrote it, even with readers
// racing the writer.
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
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

}  // namespace
}  // namespace techmatch::storage
