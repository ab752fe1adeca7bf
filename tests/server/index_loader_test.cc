// The matching index's load at start (server/index_loader.h): every stored need and offering is
// indexed, and the records it read are in the repository's caches, so their first reads need
// no database read. On both backends.
#include "server/index_loader.h"

#include <memory>

#include "core/common/status_macros.h"
#include "core/matching/matching_engine.h"
#include "core/text/text_analyzer.h"
#include "gtest/gtest.h"
#include "storage/caching_repository.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/test_db.h"

namespace techmatch::server {
namespace {

using ::techmatch::testing::IsOk;

class IndexLoaderTest : public storage::testing::BackendTest {};

TEST_P(IndexLoaderTest, LoadedRecordsAreIndexedAndReadFromTheCache) {
  MustCreate(Enterprise("ent"));
  MustCreate(University("uni"));
  ASSERT_THAT(repo().CreateNeed(SampleNeed("n1", "ent"), {}), IsOk());
  ASSERT_THAT(repo().CreateNeed(SampleNeed("n2", "ent"), {}), IsOk());
  ASSERT_THAT(repo().CreateOffering(SampleOffering("o1", "uni"), {}), IsOk());
  Reopen();  // As a server starts: empty caches.
  TM_ASSERT_OK_AND_ASSIGN(std::shared_ptr<const TextAnalyzer> analyzer, TextAnalyzer::Create());
  MatchingEngine engine(analyzer);
  ASSERT_THAT(LoadMatchingIndex(repo(), engine), IsOk());
  EXPECT_EQ(engine.indexed_needs(), 2u);
  EXPECT_EQ(engine.indexed_offerings(), 1u);

  auto& cached = dynamic_cast<storage::CachingRepository&>(repo());
  ASSERT_THAT(repo().GetNeed("n1"), IsOk());
  ASSERT_THAT(repo().GetNeed("n2"), IsOk());
  ASSERT_THAT(repo().GetOffering("o1"), IsOk());
  EXPECT_EQ(cached.NeedCacheStats().hits, 2);
  EXPECT_EQ(cached.NeedCacheStats().misses, 0);
  EXPECT_EQ(cached.OfferingCacheStats().hits, 1);
  EXPECT_EQ(cached.OfferingCacheStats().misses, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, IndexLoaderTest, storage::testing::kBackends,
                         storage::testing::BackendName);

}  // namespace
}  // namespace techmatch::server
