// The matching engine: records in, ranked and explained matches out; searches validate their
// query; state and revision rules hold.
#include "core/matching/matching_engine.h"

#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"

namespace techmatch {
namespace {

using ::techmatch::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

Need MakeNeed(const std::string& id, const std::string& title,
              std::vector<std::string> industries = {"liquor"}) {
  Need need;
  need.meta.id = id;
  need.meta.revision = 1;
  need.enterprise_id = "acme";
  need.listing.title = title;
  need.listing.industry_codes = std::move(industries);
  return need;
}

Offering MakeOffering(const std::string& id, const std::string& title,
                      std::vector<std::string> industries = {"liquor"}, int trl = 6) {
  Offering offering;
  offering.meta.id = id;
  offering.meta.revision = 1;
  offering.institute_id = "scu";
  offering.listing.title = title;
  offering.listing.industry_codes = std::move(industries);
  offering.trl = trl;
  return offering;
}

std::vector<std::string> OfferingIds(const std::vector<MatchResult>& results) {
  std::vector<std::string> ids;
  for (const MatchResult& r : results) ids.push_back(r.offering_id);
  return ids;
}

std::vector<std::string> HitIds(const std::vector<SearchHit>& hits) {
  std::vector<std::string> ids;
  for (const SearchHit& h : hits) ids.push_back(h.id);
  return ids;
}

class MatchingEngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto analyzer = TextAnalyzer::Create();
    ASSERT_TRUE(analyzer.ok()) << analyzer.status();
    engine_ = std::make_unique<MatchingEngine>(*analyzer);
    ASSERT_TRUE(engine_->IndexOffering(MakeOffering("pit", "人工窖泥培养与窖池功能菌强化")).ok());
    ASSERT_TRUE(engine_->IndexOffering(MakeOffering("wine", "葡萄酒酿造酵母选育")).ok());
    ASSERT_TRUE(engine_->IndexOffering(MakeOffering("chem", "窖泥化学分析", {"chemicals"})).ok());
    ASSERT_TRUE(engine_->IndexNeed(MakeNeed("n1", "濃香型白酒窖泥老化防治")).ok());
  }

  std::unique_ptr<MatchingEngine> engine_;
};

TEST_F(MatchingEngineTest, MatchNeedRanksByTextAcrossScripts) {
  auto results = engine_->MatchNeed(MakeNeed("n1", "濃香型白酒窖泥老化防治"), MatchOptions{});
  ASSERT_TRUE(results.ok()) << results.status();
  // The chemicals offering shares no industry; the wine one shares the industry only.
  EXPECT_THAT(OfferingIds(*results), ElementsAre("pit", "wine"));
  const MatchResult& best = results->front();
  EXPECT_EQ(best.need_id, "n1");
  EXPECT_THAT(best.shared_industries, ElementsAre("liquor"));
  double sum = 0;
  for (const Signal& signal : best.signals) sum += signal.contribution();
  EXPECT_NEAR(sum, best.score, 1e-9);
  EXPECT_EQ(best.signals.front().name, "text");
  EXPECT_GT(best.signals.front().value, 0);
  EXPECT_EQ((*results)[1].signals.front().value, 0);
}

TEST_F(MatchingEngineTest, OptionsLimitAllIndustriesAndEvent) {
  MatchOptions options;
  options.all_industries = true;
  auto all = engine_->MatchNeed(MakeNeed("n1", "窖泥"), options);
  ASSERT_TRUE(all.ok());
  // The chemicals offering shares no industry but may still match.
  ASSERT_EQ(all->size(), 3u);
  EXPECT_THAT(OfferingIds(*all), UnorderedElementsAre("chem", "pit", "wine"));
  for (const MatchResult& r : *all) {
    if (r.offering_id == "chem") {
      EXPECT_THAT(r.shared_industries, IsEmpty());
    }
  }
  EXPECT_EQ(all->back().offering_id, "wine");  // No shared text.
  options.limit = 1;
  EXPECT_THAT(OfferingIds(*engine_->MatchNeed(MakeNeed("n1", "窖泥"), options)),
              ElementsAre(all->front().offering_id));
  options.event_id = "fair";
  EXPECT_THAT(OfferingIds(*engine_->MatchNeed(MakeNeed("n1", "窖泥"), options)), IsEmpty());
  Offering at_fair = MakeOffering("fair-offer", "窖泥");
  at_fair.listing.event_ids = {"fair"};
  ASSERT_TRUE(engine_->IndexOffering(at_fair).ok());
  EXPECT_THAT(OfferingIds(*engine_->MatchNeed(MakeNeed("n1", "窖泥"), options)),
              ElementsAre("fair-offer"));
}

TEST_F(MatchingEngineTest, OnlyActiveRecordsMatch) {
  Need withdrawn = MakeNeed("n1", "窖泥");
  withdrawn.state = NeedState::kWithdrawn;
  EXPECT_THAT(engine_->MatchNeed(withdrawn, MatchOptions{}),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  Offering gone = MakeOffering("pit", "人工窖泥培养与窖池功能菌强化");
  gone.meta.revision = 2;
  gone.state = OfferingState::kWithdrawn;
  EXPECT_THAT(engine_->MatchOffering(gone, MatchOptions{}),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  ASSERT_TRUE(engine_->IndexOffering(gone).ok());
  EXPECT_THAT(OfferingIds(*engine_->MatchNeed(MakeNeed("n1", "窖泥"), MatchOptions{})),
              ElementsAre("wine"));
  // Search still finds it: lists show records of every state.
  EXPECT_THAT(HitIds(*engine_->SearchOfferings("窖泥", 10)), ElementsAre("chem", "pit"));
}

TEST_F(MatchingEngineTest, MatchOfferingFindsNeedsOfOtherOrganizations) {
  auto results = engine_->MatchOffering(MakeOffering("pit", "人工窖泥培养"), MatchOptions{});
  ASSERT_TRUE(results.ok());
  ASSERT_EQ(results->size(), 1u);
  EXPECT_EQ((*results)[0].need_id, "n1");
  EXPECT_EQ((*results)[0].offering_id, "pit");
  Offering own = MakeOffering("own", "人工窖泥培养");
  own.institute_id = "acme";
  EXPECT_THAT(*engine_->MatchOffering(own, MatchOptions{}), IsEmpty());
}

// Needs and offerings have ids of their own (needs/pit, offerings/pit): an import numbering both
// lists from 1 must not keep need 1 from offering 1.
TEST_F(MatchingEngineTest, ANeedMatchesTheOfferingWithItsId) {
  ASSERT_TRUE(engine_->IndexNeed(MakeNeed("pit", "人工窖泥培养")).ok());
  EXPECT_THAT(OfferingIds(*engine_->MatchNeed(MakeNeed("pit", "人工窖泥培养"), MatchOptions{})),
              ElementsAre("pit", "wine"));
  auto needs =
      engine_->MatchOffering(MakeOffering("pit", "人工窖泥培养与窖池功能菌强化"), MatchOptions{});
  ASSERT_TRUE(needs.ok()) << needs.status();
  std::vector<std::string> need_ids;
  for (const MatchResult& r : *needs) need_ids.push_back(r.need_id);
  EXPECT_THAT(need_ids, UnorderedElementsAre("pit", "n1"));
  auto pair = engine_->ScorePair(MakeNeed("pit", "人工窖泥培养"), "pit", MatchOptions{});
  ASSERT_TRUE(pair.ok()) << pair.status();
  ASSERT_TRUE(pair->has_value());
  EXPECT_GT((*pair)->score, 0);
}

TEST_F(MatchingEngineTest, UpdatesReplaceTheIndexedText) {
  Offering pit = MakeOffering("pit", "数控机床热误差补偿");
  pit.meta.revision = 3;
  ASSERT_TRUE(engine_->IndexOffering(pit).ok());
  EXPECT_EQ(engine_->indexed_offerings(), 3u);
  EXPECT_THAT(HitIds(*engine_->SearchOfferings("窖池", 10)), IsEmpty());
  EXPECT_THAT(HitIds(*engine_->SearchOfferings("數控機床", 10)), ElementsAre("pit"));
  EXPECT_EQ(engine_->indexed_needs(), 1u);
  EXPECT_THAT(HitIds(*engine_->SearchNeeds("浓香型", 10)), ElementsAre("n1"));
}

TEST_F(MatchingEngineTest, SearchValidatesItsQuery) {
  EXPECT_THAT(engine_->SearchOfferings("", 10), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(engine_->SearchOfferings(std::string(1001, 'a'), 10),
              StatusIs(absl::StatusCode::kInvalidArgument));
  // 1,000 characters (not bytes) is still fine.
  std::string chinese;
  for (int i = 0; i < 1000; ++i) chinese += "窖";
  EXPECT_TRUE(engine_->SearchOfferings(chinese, 10).ok());
  auto stop_words = engine_->SearchOfferings("the of and，。！", 10);
  ASSERT_TRUE(stop_words.ok());
  EXPECT_THAT(*stop_words, IsEmpty());
}

TEST_F(MatchingEngineTest, SearchRanksBestFirst) {
  auto hits = engine_->SearchOfferings("窖泥 窖池 功能菌", 10);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 2u);
  EXPECT_EQ((*hits)[0].id, "pit");
  EXPECT_GT((*hits)[0].relevance, (*hits)[1].relevance);
}

}  // namespace
}  // namespace techmatch
