// The bridges a match used, in MatchNeed's, MatchOffering's and MatchEvent's explanations:
// a CC-CEDICT translation, a thesaurus synonym and an OpenCC Taiwan phrase.
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "core/matching/matching_resources.h"
#include "core/text/text_analyzer.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "techmatch/v1/match.grpc.pb.h"
#include "tests/server/server_fixture.h"

namespace techmatch::testing {
namespace {

using ::testing::Contains;
using ::testing::Not;

class MatchBridgesTest : public SeededServerTest {
 protected:
  void SetUp() override {
    SeededServerTest::SetUp();
    matches_ = v1::MatchService::NewStub(channel_);
  }

  void CreateOffering(const std::string& id, const std::string& title, const std::string& industry,
                      bool at_fair = false) {
    v1::CreateOfferingRequest request;
    request.set_offering_id(id);
    v1::Offering& offering = *request.mutable_offering();
    offering = SampleOffering(title);
    offering.set_description("");
    offering.clear_keywords();
    offering.clear_industries();
    offering.add_industries("industries/" + industry);
    if (at_fair) offering.add_events("events/fair");
    v1::Offering created;
    const grpc::Status status = offerings_->CreateOffering(Ctx().get(), request, &created);
    ASSERT_TRUE(status.ok()) << status.error_message();
  }

  void CreateNeedIn(const std::string& id, const std::string& title, const std::string& industry,
                    bool at_fair = false) {
    v1::Need need = SampleNeed(title);
    need.set_description("");
    need.clear_keywords();
    need.clear_industries();
    need.add_industries("industries/" + industry);
    if (at_fair) need.add_events("events/fair");
    CreateNeed(need, id);
  }

  // The best match of `need`, which must be `offering`.
  v1::Match BestMatch(const std::string& need, const std::string& offering) {
    v1::MatchNeedRequest request;
    request.set_need(need);
    v1::MatchNeedResponse response;
    const grpc::Status status = matches_->MatchNeed(Ctx().get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    if (response.matches().empty()) return {};
    EXPECT_EQ(response.matches(0).offering(), offering);
    return response.matches(0);
  }

  static std::vector<std::string> BridgeTexts(const v1::Match& match) {
    std::vector<std::string> texts;
    for (const v1::MatchBridge& bridge : match.explanation().bridges()) {
      texts.push_back(bridge.text());
    }
    return texts;
  }

  static const v1::MatchBridge* FindBridge(const v1::Match& match, const std::string& from) {
    for (const v1::MatchBridge& bridge : match.explanation().bridges()) {
      if (bridge.from() == from) return &bridge;
    }
    return nullptr;
  }

  static bool HaveLexicon() {
    static const std::shared_ptr<const TextAnalyzer> analyzer = TextAnalyzer::Create().value();
    return DefaultMatchingResources(*analyzer).lexicon != nullptr;
  }

  std::unique_ptr<v1::MatchService::Stub> matches_;
};

TEST_F(MatchBridgesTest, EnglishNeedShowsItsLexiconBridgeToAChineseOffering) {
  if (!HaveLexicon()) GTEST_SKIP() << "no CC-CEDICT lexicon in " << DefaultShareDirectory();
  CreateOffering("yeast", "葡萄酒酿造优良酵母选育", "liquor");
  CreateOffering("pit", "窖池微生物宏基因组分析", "liquor");
  CreateNeedIn("wine", "Yeast breeding for wine", "liquor");
  const v1::Match best = BestMatch("needs/wine", "offerings/yeast");
  const v1::MatchBridge* yeast = FindBridge(best, "Yeast");
  ASSERT_NE(yeast, nullptr) << ::testing::PrintToString(BridgeTexts(best));
  EXPECT_EQ(yeast->to(), "酵母");
  EXPECT_EQ(yeast->source(), v1::BRIDGE_SOURCE_LEXICON);
  EXPECT_EQ(yeast->detail(), "");
  EXPECT_EQ(yeast->text(), "Yeast ≈ 酵母 (CC-CEDICT)");
}

TEST_F(MatchBridgesTest, SynonymShowsItsThesaurusBridgeBothWays) {
  CreateOffering("starch", "甘薯淀粉高效提取工艺", "agriculture");
  CreateOffering("rice", "水稻秸秆还田技术", "agriculture");
  CreateNeedIn("starch-need", "红薯淀粉加工", "agriculture");
  const v1::Match best = BestMatch("needs/starch-need", "offerings/starch");
  const v1::MatchBridge* bridge = FindBridge(best, "红薯");
  ASSERT_NE(bridge, nullptr) << ::testing::PrintToString(BridgeTexts(best));
  EXPECT_EQ(bridge->to(), "甘薯");
  EXPECT_EQ(bridge->source(), v1::BRIDGE_SOURCE_THESAURUS);
  EXPECT_EQ(bridge->detail(), "synonym");
  EXPECT_EQ(bridge->text(), "红薯 ≈ 甘薯 (thesaurus)");

  // MatchOffering explains from the offering's side.
  v1::MatchOfferingRequest request;
  request.set_offering("offerings/starch");
  v1::MatchOfferingResponse response;
  ASSERT_TRUE(matches_->MatchOffering(Ctx().get(), request, &response).ok());
  ASSERT_FALSE(response.matches().empty());
  EXPECT_EQ(response.matches(0).need(), "needs/starch-need");
  EXPECT_THAT(BridgeTexts(response.matches(0)), Contains("甘薯 ≈ 红薯 (thesaurus)"));
}

TEST_F(MatchBridgesTest, TaiwanPhraseShowsItsOpenCCBridge) {
  CreateOffering("cache", "分布式缓存系统性能优化", "electronics");
  CreateOffering("fpga", "FPGA图像处理加速", "electronics");
  CreateNeedIn("cache-need", "分散式快取系統效能提升", "electronics");
  const v1::Match best = BestMatch("needs/cache-need", "offerings/cache");
  // The Taiwan phrases found are joined where their bigrams chain (分散式快取 ≈ 分布式缓存).
  bool found = false;
  for (const v1::MatchBridge& bridge : best.explanation().bridges()) {
    if (bridge.source() != v1::BRIDGE_SOURCE_TAIWAN_PHRASE) continue;
    EXPECT_EQ(bridge.text(), bridge.from() + " ≈ " + bridge.to() + " (OpenCC tw2sp)");
    EXPECT_EQ(bridge.detail(), "");
    found = found ||
            (absl::StrContains(bridge.from(), "快取") && absl::StrContains(bridge.to(), "缓存"));
  }
  EXPECT_TRUE(found) << ::testing::PrintToString(BridgeTexts(best));
}

TEST_F(MatchBridgesTest, MatchEventCarriesTheBridges) {
  CreateOffering("starch", "甘薯淀粉高效提取工艺", "agriculture", true);
  CreateNeedIn("starch-need", "红薯淀粉加工", "agriculture", true);
  v1::MatchEventRequest request;
  request.set_event("events/fair");
  auto context = Ctx();
  auto reader = matches_->MatchEvent(context.get(), request);
  v1::MatchEventResponse message;
  std::vector<std::string> texts;
  while (reader->Read(&message)) {
    for (const v1::Match& match : message.matches()) {
      for (const std::string& text : BridgeTexts(match)) texts.push_back(text);
    }
  }
  ASSERT_TRUE(reader->Finish().ok());
  EXPECT_THAT(texts, Contains("红薯 ≈ 甘薯 (thesaurus)"));
}

TEST_F(MatchBridgesTest, WatchMatchesCarriesTheBridges) {
  CreateNeedIn("starch-need", "红薯淀粉加工", "agriculture");
  v1::WatchMatchesRequest request;
  request.set_need("needs/starch-need");
  request.set_min_score(0.01);
  auto context = Ctx();
  auto reader = matches_->WatchMatches(context.get(), request);
  reader->WaitForInitialMetadata();
  CreateOffering("starch", "甘薯淀粉高效提取工艺", "agriculture");
  v1::WatchMatchesResponse message;
  ASSERT_TRUE(reader->Read(&message));
  EXPECT_EQ(message.match().offering(), "offerings/starch");
  EXPECT_THAT(BridgeTexts(message.match()), Contains("红薯 ≈ 甘薯 (thesaurus)"));
  context->TryCancel();
  while (reader->Read(&message)) {
  }
  reader->Finish();
}

TEST_F(MatchBridgesTest, SameWordingNeedsNoBridge) {
  CreateOffering("starch", "红薯淀粉高效提取工艺", "agriculture");
  CreateNeedIn("starch-need", "红薯淀粉加工", "agriculture");
  const v1::Match best = BestMatch("needs/starch-need", "offerings/starch");
  EXPECT_THAT(BridgeTexts(best), Not(Contains("红薯 ≈ 甘薯 (thesaurus)")));
}

}  // namespace
}  // namespace techmatch::testing
