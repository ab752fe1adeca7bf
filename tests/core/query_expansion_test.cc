// Query expansion and reranking through the engine: thesaurus links bridge the two sides'
// words and show in the match, industry scope and the problem direction hold, a replaced
// thesaurus takes effect with the next query, and what a need ruled out counts against a
// counterpart.
#include "core/matching/query_expansion.h"

#include <memory>
#include <string>
#include <vector>

#include "core/matching/matching_engine.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace techmatch {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;

constexpr char kEnvironment[] =
    "kind\tfrom\tto\tnote\n"
    "abbreviation\tSNCR\t选择性非催化还原\t脱硝\n"
    "problem\t污泥膨胀\t丝状菌控制\t\n";

Need MakeNeed(const std::string& title, const std::string& description,
              std::vector<std::string> industries = {"environment"}) {
  Need need;
  need.meta.id = "n";
  need.meta.revision = 1;
  need.enterprise_id = "plant";
  need.listing.title = title;
  need.listing.description = description;
  need.listing.industry_codes = std::move(industries);
  return need;
}

Offering MakeOffering(const std::string& id, const std::string& title,
                      std::vector<std::string> industries = {"environment", "liquor"}) {
  Offering offering;
  offering.meta.id = id;
  offering.meta.revision = 1;
  offering.institute_id = "institute-" + id;
  offering.listing.title = title;
  offering.listing.industry_codes = std::move(industries);
  offering.trl = 6;
  return offering;
}

std::vector<std::string> BridgeTexts(const MatchResult& result) {
  std::vector<std::string> texts;
  for (const Bridge& bridge : result.bridges) texts.push_back(BridgeText(bridge));
  return texts;
}

class QueryExpansionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto analyzer = TextAnalyzer::Create();
    ASSERT_TRUE(analyzer.ok()) << analyzer.status();
    analyzer_ = *analyzer;
    auto entries = ParseThesaurusFile(kEnvironment, "environment.tsv", "environment");
    ASSERT_TRUE(entries.ok()) << entries.status();
    auto thesaurus = Thesaurus::Create(*entries, *analyzer_);
    ASSERT_TRUE(thesaurus.ok());
    thesaurus_ = *thesaurus;
    engine_ = std::make_unique<MatchingEngine>(analyzer_, MatchingResources{});
    engine_->SetThesaurus(thesaurus_);
    for (const Offering& offering : {MakeOffering("sncr", "锅炉炉内选择性非催化还原脱硝"),
                                     MakeOffering("boiler", "生物质锅炉燃料收储运与燃烧调整"),
                                     MakeOffering("bulking", "活性污泥丝状菌控制技术"),
                                     MakeOffering("defoamer", "污水处理高效消泡剂")}) {
      ASSERT_TRUE(engine_->IndexOffering(offering).ok());
    }
  }

  std::vector<MatchResult> Match(const Need& need) const {
    auto results = engine_->MatchNeed(need, MatchOptions{});
    EXPECT_TRUE(results.ok()) << results.status();
    return results.ok() ? *results : std::vector<MatchResult>();
  }

  std::shared_ptr<const TextAnalyzer> analyzer_;
  std::shared_ptr<const Thesaurus> thesaurus_;
  std::unique_ptr<MatchingEngine> engine_;
};

TEST_F(QueryExpansionTest, AbbreviationBridgesToItsFullForm) {
  const std::vector<MatchResult> results = Match(MakeNeed("生物质锅炉拟加装SNCR", ""));
  ASSERT_FALSE(results.empty());
  EXPECT_EQ(results[0].offering_id, "sncr");
  EXPECT_THAT(BridgeTexts(results[0]), ElementsAre("SNCR ≈ 选择性非催化还原 (thesaurus)"));
  double sum = 0;
  for (const Signal& signal : results[0].signals) sum += signal.contribution();
  EXPECT_NEAR(sum, results[0].score, 1e-9);
}

TEST_F(QueryExpansionTest, AbbreviationOfAnotherIndustryIsNotUsed) {
  const std::vector<MatchResult> results = Match(MakeNeed("拟加装SNCR", "", {"liquor"}));
  for (const MatchResult& result : results) EXPECT_THAT(result.bridges, IsEmpty());
}

TEST_F(QueryExpansionTest, SymptomLeadsToTechniqueFromTheNeedOnly) {
  const std::vector<MatchResult> results = Match(MakeNeed("二沉池污泥膨胀严重", ""));
  ASSERT_FALSE(results.empty());
  EXPECT_EQ(results[0].offering_id, "bulking");
  EXPECT_THAT(BridgeTexts(results[0]), ElementsAre("污泥膨胀 → 丝状菌控制 (thesaurus: problem)"));
  // An offering naming the technique reaches needs naming the symptom, not other techniques.
  const MatchQuery query =
      engine_->QueryOf(MakeOffering("o", "丝状菌控制").listing, /*is_need=*/false);
  ASSERT_EQ(query.bridges.size(), 1u);
  EXPECT_EQ(query.bridges[0].bridge.to, "污泥膨胀");
}

TEST_F(QueryExpansionTest, ReplacedThesaurusTakesEffectWithTheNextQuery) {
  const Need need = MakeNeed("拟加装SNCR", "");
  engine_->SetThesaurus(nullptr);
  for (const MatchResult& result : Match(need)) EXPECT_THAT(result.bridges, IsEmpty());
  EXPECT_EQ(engine_->thesaurus(), nullptr);
  engine_->SetThesaurus(thesaurus_);
  EXPECT_THAT(BridgeTexts(Match(need)[0]), Contains("SNCR ≈ 选择性非催化还原 (thesaurus)"));
}

TEST_F(QueryExpansionTest, RuledOutTechniqueCountsAgainstACounterpart) {
  const std::vector<MatchResult> results =
      Match(MakeNeed("污水处理泡沫", "曝气池泡沫很多。已经试过投加消泡剂，只能管一两个小时。"));
  ASSERT_FALSE(results.empty());
  for (const MatchResult& result : results) {
    double ruled_out = 0;
    for (const Signal& signal : result.signals) {
      if (signal.name == "ruled_out") ruled_out = signal.contribution();
    }
    if (result.offering_id == "defoamer") {
      EXPECT_LT(ruled_out, 0);
    } else {
      EXPECT_EQ(ruled_out, 0) << result.offering_id;
    }
  }
}

TEST_F(QueryExpansionTest, TaiwanUsageShowsAsABridge) {
  ASSERT_TRUE(engine_->IndexOffering(MakeOffering("server", "数据中心服务器液冷")).ok());
  const std::vector<MatchResult> results = Match(MakeNeed("機房伺服器散熱", ""));
  ASSERT_FALSE(results.empty());
  EXPECT_EQ(results[0].offering_id, "server");
  EXPECT_THAT(BridgeTexts(results[0]), Contains("伺服器 ≈ 服务器 (OpenCC tw2sp)"));
}

TEST_F(QueryExpansionTest, LexiconCrossesLanguages) {
  auto lexicon = Lexicon::Parse("denitration\t脱硝\nboiler\t锅炉\n", "test");
  ASSERT_TRUE(lexicon.ok());
  engine_->SetLexicon(*lexicon);
  const std::vector<MatchResult> results =
      Match(MakeNeed("Boiler denitration", "We need denitration for our boilers."));
  ASSERT_FALSE(results.empty());
  EXPECT_EQ(results[0].offering_id, "sncr");
  EXPECT_THAT(BridgeTexts(results[0]), Contains("Boiler ≈ 锅炉 (CC-CEDICT)"));
  EXPECT_THAT(BridgeTexts(results[0]), Not(Contains("SNCR ≈ 选择性非催化还原 (thesaurus)")));
}

}  // namespace
}  // namespace techmatch
