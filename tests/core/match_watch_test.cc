// Live match watches in the domain: what a watch receives after stored changes, what it does
// not, how a subject's edits and withdrawal are followed, and that a slow watcher is cut off
// instead of holding anyone up.
#include "core/matching/match_watch.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "core/matching/matching_engine.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"
#include "tests/core/violation_matchers.h"

namespace techmatch {
namespace {

using ::techmatch::testing::StatusIs;
using ::techmatch::testing::Violation;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

Need MakeNeed(const std::string& id, const std::string& title, int64_t revision = 1) {
  Need need;
  need.meta.id = id;
  need.meta.revision = revision;
  need.enterprise_id = "acme";
  need.listing.title = title;
  need.listing.industry_codes = {"liquor"};
  return need;
}

Offering MakeOffering(const std::string& id, const std::string& title,
                      std::vector<std::string> industries = {"liquor"}, int64_t revision = 1) {
  Offering offering;
  offering.meta.id = id;
  offering.meta.revision = revision;
  offering.institute_id = "scu";
  offering.listing.title = title;
  offering.listing.industry_codes = std::move(industries);
  offering.trl = 6;
  return offering;
}

class MatchWatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto analyzer = TextAnalyzer::Create();
    ASSERT_TRUE(analyzer.ok()) << analyzer.status();
    engine_ = std::make_unique<MatchingEngine>(*analyzer);
    ASSERT_TRUE(engine_->IndexNeed(need_).ok());
    ASSERT_TRUE(engine_->IndexOffering(MakeOffering("old", "窖泥培养老技术")).ok());
  }

  // Everything the watch has received once every change so far was delivered.
  std::vector<MatchResult> Received(MatchWatch& watch) {
    engine_->DrainWatches();
    std::vector<MatchResult> received;
    for (;;) {
      auto next = watch.Next(absl::ZeroDuration());
      if (!next.ok() || !next->has_value()) return received;
      received.push_back(**next);
    }
  }

  Need need_ = MakeNeed("n1", "濃香型白酒窖泥老化防治");
  std::unique_ptr<MatchingEngine> engine_;
};

TEST_F(MatchWatchTest, NeedWatchGetsNewFittingOfferingsOnly) {
  TM_ASSERT_OK_AND_ASSIGN(auto watch, engine_->WatchNeed(need_, 0.1));
  ASSERT_TRUE(engine_->IndexOffering(MakeOffering("pit", "人工窖泥培养与窖池功能菌强化")).ok());
  std::vector<MatchResult> received = Received(*watch);
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(received[0].need_id, "n1");
  EXPECT_EQ(received[0].offering_id, "pit");
  EXPECT_GE(received[0].score, 0.1);
  EXPECT_EQ(received[0].signals.front().name, "text");
  EXPECT_THAT(received[0].shared_industries, ElementsAre("liquor"));
  // Explained as it was scored: the phrases both texts share, as the need wrote them.
  ASSERT_TRUE(received[0].shared_phrases.has_value());
  std::vector<std::string> phrases;
  for (const SharedPhrase& phrase : *received[0].shared_phrases) phrases.push_back(phrase.text);
  EXPECT_THAT(phrases, ::testing::Contains("窖泥"));
  EXPECT_EQ(received[0].counterpart_title, "人工窖泥培养与窖池功能菌强化");
  // The score is what MatchNeed gives the same pair over the same index, to the bit.
  auto ranked = engine_->MatchNeed(need_, MatchOptions{});
  ASSERT_TRUE(ranked.ok());
  auto pit = std::find_if(ranked->begin(), ranked->end(),
                          [](const MatchResult& r) { return r.offering_id == "pit"; });
  ASSERT_NE(pit, ranked->end());
  EXPECT_EQ(pit->score, received[0].score);
  // Not one without shared text, not one outside the need's industries (and not the offering
  // stored before the watch began).
  ASSERT_TRUE(engine_->IndexOffering(MakeOffering("steel", "高强度钢材轧制")).ok());
  ASSERT_TRUE(engine_->IndexOffering(MakeOffering("chem", "窖泥化学分析", {"chemicals"})).ok());
  EXPECT_THAT(Received(*watch), ::testing::IsEmpty());
  engine_->Unwatch(watch);
}

TEST_F(MatchWatchTest, UpdatedCounterpartIsSentAgainAndThresholdHolds) {
  TM_ASSERT_OK_AND_ASSIGN(auto strict, engine_->WatchNeed(need_, 0.99));
  TM_ASSERT_OK_AND_ASSIGN(auto loose, engine_->WatchNeed(need_, 0.0));
  ASSERT_TRUE(engine_->IndexOffering(MakeOffering("x", "钢材轧制")).ok());
  engine_->DrainWatches();  // Scored at delivery, against the revision indexed then.
  ASSERT_TRUE(
      engine_->IndexOffering(MakeOffering("x", "白酒窖泥老化防治钢材", {"liquor"}, 2)).ok());
  EXPECT_THAT(Received(*strict), ::testing::IsEmpty());
  std::vector<MatchResult> received = Received(*loose);
  ASSERT_EQ(received.size(), 1u);  // The first revision shared no text.
  EXPECT_EQ(received[0].offering_id, "x");
  engine_->Unwatch(strict);
  engine_->Unwatch(loose);
}

TEST_F(MatchWatchTest, OfferingWatchGetsNeeds) {
  const Offering offering = MakeOffering("pit", "人工窖泥培养与窖池功能菌强化");
  ASSERT_TRUE(engine_->IndexOffering(offering).ok());
  TM_ASSERT_OK_AND_ASSIGN(auto watch, engine_->WatchOffering(offering, 0.1));
  ASSERT_TRUE(engine_->IndexNeed(MakeNeed("n2", "窖池功能菌")).ok());
  std::vector<MatchResult> received = Received(*watch);
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(received[0].need_id, "n2");
  EXPECT_EQ(received[0].offering_id, "pit");
  engine_->Unwatch(watch);
}

TEST_F(MatchWatchTest, QueryWatchFiltersByIndustryAndScoresText) {
  TM_ASSERT_OK_AND_ASSIGN(auto watch, engine_->WatchQuery("窖泥 fermentation", {"chemicals"},
                                                          WatchSide::kOfferings, 0));
  ASSERT_TRUE(engine_->IndexOffering(MakeOffering("pit", "人工窖泥培养")).ok());
  ASSERT_TRUE(engine_->IndexOffering(MakeOffering("chem", "窖泥化学分析", {"chemicals"})).ok());
  ASSERT_TRUE(engine_->IndexNeed(MakeNeed("n3", "窖泥 Fermentation")).ok());  // wrong side
  std::vector<MatchResult> received = Received(*watch);
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(received[0].offering_id, "chem");
  EXPECT_TRUE(received[0].need_id.empty());
  EXPECT_THAT(received[0].shared_industries, ElementsAre("chemicals"));
  ASSERT_EQ(received[0].signals.size(), 1u);
  EXPECT_DOUBLE_EQ(received[0].signals[0].contribution(), received[0].score);
  engine_->Unwatch(watch);
}

TEST_F(MatchWatchTest, SubjectEditsAreFollowedAndWithdrawalCloses) {
  TM_ASSERT_OK_AND_ASSIGN(auto watch, engine_->WatchNeed(need_, 0.2));
  Need edited = MakeNeed("n1", "葡萄酒酵母选育", 2);
  ASSERT_TRUE(engine_->IndexNeed(edited).ok());
  ASSERT_TRUE(engine_->IndexOffering(MakeOffering("pit", "人工窖泥培养与窖池功能菌强化")).ok());
  ASSERT_TRUE(engine_->IndexOffering(MakeOffering("yeast", "葡萄酒酵母选育技术")).ok());
  std::vector<MatchResult> received = Received(*watch);
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(received[0].offering_id, "yeast");

  Need withdrawn = MakeNeed("n1", "葡萄酒酵母选育", 3);
  withdrawn.state = NeedState::kWithdrawn;
  ASSERT_TRUE(engine_->IndexNeed(withdrawn).ok());
  engine_->DrainWatches();
  EXPECT_THAT(watch->Next(absl::ZeroDuration()).status(),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("needs/n1")));
  engine_->Unwatch(watch);
}

TEST_F(MatchWatchTest, BadWatchesAreRefused) {
  Need withdrawn = need_;
  withdrawn.state = NeedState::kWithdrawn;
  EXPECT_THAT(engine_->WatchNeed(withdrawn, 0.5).status(),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(engine_->WatchNeed(need_, 1.5).status(),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("min_score")));
  EXPECT_THAT(engine_->WatchNeed(need_, -0.1).status(),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(engine_->WatchNeed(need_, std::nan("")).status(),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(FieldViolationsOf(engine_->WatchQuery("", {}, WatchSide::kNeeds, 0).status()),
              ElementsAre(Violation("query.text", ::testing::_)));
  EXPECT_THAT(engine_->WatchQuery(std::string(1001, 'a'), {}, WatchSide::kNeeds, 0).status(),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST_F(MatchWatchTest, TooManyWatchesAreRefused) {
  std::vector<std::shared_ptr<MatchWatch>> watches;
  for (size_t i = 0; i < MatchWatchHub::kMaxWatches; ++i) {
    TM_ASSERT_OK_AND_ASSIGN(auto watch, engine_->WatchNeed(need_, 0.5));
    watches.push_back(watch);
  }
  EXPECT_THAT(engine_->WatchNeed(need_, 0.5).status(),
              StatusIs(absl::StatusCode::kResourceExhausted));
  engine_->Unwatch(watches.back());
  watches.pop_back();
  TM_ASSERT_OK_AND_ASSIGN(auto again, engine_->WatchNeed(need_, 0.5));
  watches.push_back(again);
  for (const auto& watch : watches) engine_->Unwatch(watch);
}

TEST_F(MatchWatchTest, SlowWatcherIsClosedWithoutHoldingOthers) {
  TM_ASSERT_OK_AND_ASSIGN(auto slow, engine_->WatchQuery("窖泥", {}, WatchSide::kOfferings, 0));
  TM_ASSERT_OK_AND_ASSIGN(auto fast, engine_->WatchQuery("窖泥", {}, WatchSide::kOfferings, 0));
  size_t fast_received = 0;
  const size_t stored = MatchWatch::kMaxQueued + 5;
  for (size_t i = 0; i < stored; ++i) {
    ASSERT_TRUE(engine_->IndexOffering(MakeOffering("o" + std::to_string(i), "窖泥")).ok());
    if (i % 100 == 0) fast_received += Received(*fast).size();
  }
  fast_received += Received(*fast).size();
  EXPECT_EQ(fast_received, stored);
  // The slow one gets what fit in its queue, then the reason it was cut off.
  size_t slow_received = 0;
  absl::Status end;
  for (;;) {
    auto next = slow->Next(absl::ZeroDuration());
    if (!next.ok()) {
      end = next.status();
      break;
    }
    ASSERT_TRUE(next->has_value());
    ++slow_received;
  }
  EXPECT_EQ(slow_received, MatchWatch::kMaxQueued);
  EXPECT_THAT(end, StatusIs(absl::StatusCode::kResourceExhausted, HasSubstr("behind")));
  engine_->Unwatch(slow);
  engine_->Unwatch(fast);
}

TEST(MatchWatchQueueTest, NextTimesOutEmptyAndDeliversBeforeClosing) {
  MatchWatch watch(WatchSpec{}, MatchQuery{}, nullptr);
  auto none = watch.Next(absl::Milliseconds(5));
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  MatchResult match;
  match.offering_id = "o";
  watch.Offer(match);
  EXPECT_EQ(watch.queued(), 1u);
  watch.Close(absl::CancelledError("bye"));
  watch.Offer(match);  // ignored once closed
  EXPECT_EQ(watch.queued(), 1u);
  auto first = watch.Next(absl::ZeroDuration());
  EXPECT_EQ(watch.queued(), 0u);
  ASSERT_TRUE(first.ok() && first->has_value());
  EXPECT_EQ((*first)->offering_id, "o");
  EXPECT_THAT(watch.Next(absl::ZeroDuration()).status(), StatusIs(absl::StatusCode::kCancelled));
}

}  // namespace
}  // namespace techmatch
