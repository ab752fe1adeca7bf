// MatchingEngine::ScorePair scores one (need, offering) pair exactly as MatchNeed ranks it: the
// same score to the bit, the same signals and shared industries, over generated records with
// every kind of eligibility, edits and withdrawals; and nothing for a pair MatchNeed never
// returns.
#include <cstring>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/matching/matching_engine.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"

namespace techmatch {
namespace {

using ::techmatch::testing::StatusIs;

// Words that overlap across records in every degree, in both scripts.
const char* const kWords[] = {"窖泥",   "白酒",     "發酵",         "酵母",     "纤维素",  "乙醇",
                              "催化",   "脱硫",     "membrane",     "sensor",   "polymer", "锂电池",
                              "正极",   "回收",     "fermentation", "catalyst", "精馏",    "废水",
                              "膜分离", "智能制造", "视觉检测",     "biochar",  "陶瓷",    "涂层"};
const char* const kIndustries[] = {"liquor", "energy", "chemicals", "environment", "machinery"};

std::string Text(std::mt19937& random, int words) {
  std::uniform_int_distribution<size_t> pick(0, std::size(kWords) - 1);
  std::string text;
  for (int i = 0; i < words; ++i) absl::StrAppend(&text, i == 0 ? "" : " ", kWords[pick(random)]);
  return text;
}

std::vector<std::string> Industries(std::mt19937& random) {
  std::uniform_int_distribution<size_t> pick(0, std::size(kIndustries) - 1);
  std::set<std::string> codes;
  const int count = 1 + static_cast<int>(random() % 2);
  for (int i = 0; i < count; ++i) codes.insert(kIndustries[pick(random)]);
  return {codes.begin(), codes.end()};
}

Listing RandomListing(std::mt19937& random) {
  Listing listing;
  listing.title = Text(random, 3);
  listing.description = Text(random, 2 + static_cast<int>(random() % 12));
  listing.industry_codes = Industries(random);
  if (random() % 2) listing.event_ids.push_back(random() % 2 ? "fair" : "expo");
  if (random() % 3 == 0) {
    listing.cooperation_modes.push_back(random() % 2 ? CooperationMode::kLicense
                                                     : CooperationMode::kJointDevelopment);
  }
  return listing;
}

Offering RandomOffering(std::mt19937& random, int i) {
  Offering offering;
  offering.meta.id = absl::StrCat("o", i);
  offering.meta.revision = 1;
  // Some share the needs' owner: never their match.
  offering.institute_id = i % 17 == 0 ? "acme" : absl::StrCat("inst", i % 7);
  offering.listing = RandomListing(random);
  offering.trl = 1 + static_cast<int>(random() % 9);
  if (random() % 2) offering.asking_price_minor = static_cast<int64_t>(random() % 5'000'000);
  return offering;
}

Need RandomNeed(std::mt19937& random, int i) {
  Need need;
  need.meta.id = absl::StrCat("n", i);
  need.meta.revision = 1;
  need.enterprise_id = "acme";
  need.listing = RandomListing(random);
  if (random() % 2) need.min_trl = 1 + static_cast<int>(random() % 9);
  if (random() % 2) need.budget_minor = static_cast<int64_t>(random() % 5'000'000);
  return need;
}

bool SameBits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

class PairScoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto analyzer = TextAnalyzer::Create();
    ASSERT_TRUE(analyzer.ok()) << analyzer.status();
    engine_ = std::make_unique<MatchingEngine>(*analyzer);
    std::mt19937 random(20260501);
    for (int i = 0; i < kOfferings; ++i) {
      Offering offering = RandomOffering(random, i);
      ASSERT_TRUE(engine_->IndexOffering(offering).ok());
      // Edited: the index keeps a dead slot of the first revision.
      if (i % 5 == 0) {
        offering.meta.revision = 2;
        offering.listing.description = Text(random, 6);
        ASSERT_TRUE(engine_->IndexOffering(offering).ok());
      }
      if (i % 11 == 0) {
        offering.meta.revision = 3;
        offering.state = OfferingState::kWithdrawn;
        ASSERT_TRUE(engine_->IndexOffering(offering).ok());
      }
    }
    for (int i = 0; i < kNeeds; ++i) {
      needs_.push_back(RandomNeed(random, i));
      ASSERT_TRUE(engine_->IndexNeed(needs_.back()).ok());
    }
  }

  // Compares ScorePair with MatchNeed for every offering, for `need` under `options`.
  void ExpectAgreement(const Need& need, MatchOptions options) {
    options.limit = kMaxMatchLimit;  // Above the number of offerings: every eligible one.
    auto ranked = engine_->MatchNeed(need, options);
    ASSERT_TRUE(ranked.ok()) << ranked.status();
    std::set<std::string> returned;
    for (const MatchResult& expected : *ranked) {
      returned.insert(expected.offering_id);
      auto pair = engine_->ScorePair(need, expected.offering_id, options);
      ASSERT_TRUE(pair.ok()) << pair.status();
      ASSERT_TRUE(pair->has_value()) << need.meta.id << " / " << expected.offering_id;
      const MatchResult& scored = **pair;
      EXPECT_TRUE(SameBits(scored.score, expected.score))
          << need.meta.id << " / " << expected.offering_id << ": " << scored.score << " vs "
          << expected.score;
      ASSERT_EQ(scored.signals.size(), expected.signals.size());
      for (size_t i = 0; i < scored.signals.size(); ++i) {
        EXPECT_EQ(scored.signals[i].name, expected.signals[i].name);
        EXPECT_TRUE(SameBits(scored.signals[i].value, expected.signals[i].value));
        EXPECT_TRUE(SameBits(scored.signals[i].weight, expected.signals[i].weight));
      }
      EXPECT_EQ(scored.shared_industries, expected.shared_industries);
      EXPECT_EQ(scored.need_id, need.meta.id);
      EXPECT_EQ(scored.offering_id, expected.offering_id);
    }
    for (int i = 0; i < kOfferings; ++i) {
      const std::string id = absl::StrCat("o", i);
      if (returned.count(id)) continue;
      auto pair = engine_->ScorePair(need, id, options);
      ASSERT_TRUE(pair.ok()) << pair.status();
      EXPECT_FALSE(pair->has_value()) << need.meta.id << " / " << id << " is not ranked";
    }
    compared_ += ranked->size();
  }

  static constexpr int kOfferings = 400;
  static constexpr int kNeeds = 30;
  std::unique_ptr<MatchingEngine> engine_;
  std::vector<Need> needs_;
  size_t compared_ = 0;
};

TEST_F(PairScoreTest, EqualsMatchNeedToTheBitForEveryPair) {
  for (const Need& need : needs_) {
    for (const bool all_industries : {false, true}) {
      for (const char* event : {"", "fair"}) {
        MatchOptions options;
        options.all_industries = all_industries;
        options.event_id = event;
        ExpectAgreement(need, options);
      }
    }
  }
  // Enough pairs were compared for the test to mean something (with and without shared text).
  EXPECT_GT(compared_, 5000u);
}

TEST_F(PairScoreTest, PairsWithoutSharedTextScoreTheirOtherSignals) {
  Need need = needs_.front();
  need.listing.title = "完全无关的标题";
  need.listing.description = "";
  need.listing.keywords.clear();
  MatchOptions options;
  options.all_industries = true;
  ExpectAgreement(need, options);
  auto ranked = engine_->MatchNeed(need, options);
  ASSERT_TRUE(ranked.ok());
  ASSERT_FALSE(ranked->empty());
  EXPECT_EQ(ranked->front().signals.front().value, 0);  // text
}

TEST_F(PairScoreTest, UnknownOwnAndWithdrawnOfferingsHaveNoScore) {
  const Need& need = needs_.front();
  MatchOptions options;
  options.all_industries = true;
  for (const std::string id : {"no-such", "o17" /* acme's own */, "o11" /* withdrawn */}) {
    auto pair = engine_->ScorePair(need, id, options);
    ASSERT_TRUE(pair.ok()) << pair.status();
    EXPECT_FALSE(pair->has_value()) << id;
  }
}

TEST_F(PairScoreTest, OnlyOpenNeedsScore) {
  Need closed = needs_.front();
  closed.state = NeedState::kWithdrawn;
  EXPECT_THAT(engine_->ScorePair(closed, "o1", MatchOptions{}),
              StatusIs(absl::StatusCode::kFailedPrecondition));
}

}  // namespace
}  // namespace techmatch
