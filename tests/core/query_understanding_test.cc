// Reading a need for its ask: ask sentences, the context before them, background weighted by
// its length, ruled-out clauses at weight 0; offerings are read whole.
#include "core/matching/query_understanding.h"

#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace techmatch {
namespace {

class QueryUnderstandingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto analyzer = TextAnalyzer::Create();
    ASSERT_TRUE(analyzer.ok()) << analyzer.status();
    analyzer_ = *analyzer;
  }

  ListingReading Read(const std::string& description, bool is_need = true) const {
    Listing listing;
    listing.title = "标题";
    listing.keywords = {"关键词"};
    listing.description = description;
    return ReadListing(*analyzer_, listing, is_need);
  }

  // The role of the part whose text contains `needle`.
  static const TextPart* PartWith(const ListingReading& reading, const std::string& needle) {
    for (const TextPart& part : reading.parts) {
      if (part.text.find(needle) != std::string::npos) return &part;
    }
    return nullptr;
  }

  std::shared_ptr<const TextAnalyzer> analyzer_;
};

TEST_F(QueryUnderstandingTest, AskSentenceOutweighsLongBackground) {
  std::string background;
  for (int i = 0; i < 40; ++i) background += "公司成立于一九九二年，产品远销海外。";
  const ListingReading reading =
      Read(background + "近年客户投诉增多。本公司希望寻求无菌包装充填技术。");
  ASSERT_TRUE(reading.ask_found);
  EXPECT_EQ(reading.parts[0].role, TextRole::kTitle);
  EXPECT_EQ(reading.parts[1].role, TextRole::kKeywords);
  const TextPart* ask = PartWith(reading, "无菌包装");
  ASSERT_NE(ask, nullptr);
  EXPECT_EQ(ask->role, TextRole::kAsk);
  EXPECT_EQ(ask->weight, 1.0);
  const TextPart* context = PartWith(reading, "客户投诉");
  ASSERT_NE(context, nullptr);
  EXPECT_EQ(context->role, TextRole::kContext);
  EXPECT_EQ(context->weight, kContextWeight);
  const TextPart* background_part = PartWith(reading, "远销海外");
  ASSERT_NE(background_part, nullptr);
  EXPECT_EQ(background_part->role, TextRole::kBackground);
  EXPECT_EQ(background_part->weight, kMinBackgroundWeight);
}

TEST_F(QueryUnderstandingTest, WithoutAnAskTheWholeTextCounts) {
  const ListingReading reading = Read("曝气池表面浮着一层褐色泡沫，冬天更严重。");
  EXPECT_FALSE(reading.ask_found);
  for (const TextPart& part : reading.parts) EXPECT_EQ(part.weight, 1.0) << part.text;
}

TEST_F(QueryUnderstandingTest, RuledOutClausesDoNotCount) {
  const ListingReading reading =
      Read("泡沫越来越多。已经试过投加消泡剂，只能管一两个小时。更换过曝气头，效果不明显。");
  const TextPart* tried = PartWith(reading, "消泡剂");
  ASSERT_NE(tried, nullptr);
  EXPECT_EQ(tried->role, TextRole::kRuledOut);
  EXPECT_EQ(tried->weight, 0);
  // "效果不明显" alone: the clause before names what was tried.
  const TextPart* before = PartWith(reading, "曝气头");
  ASSERT_NE(before, nullptr);
  EXPECT_EQ(before->role, TextRole::kRuledOut);
  EXPECT_EQ(PartWith(reading, "泡沫越来越多")->weight, 1.0);
}

TEST_F(QueryUnderstandingTest, EnglishAsksAndRuledOut) {
  const ListingReading reading = Read(
      "Our plant dries chillies. We already tried sun drying, but it moulds in rain. "
      "We are looking for a heat pump dryer with staged temperature control.");
  ASSERT_TRUE(reading.ask_found);
  EXPECT_EQ(PartWith(reading, "heat pump")->role, TextRole::kAsk);
  EXPECT_EQ(PartWith(reading, "sun drying")->role, TextRole::kRuledOut);
}

TEST_F(QueryUnderstandingTest, MarkersInsideOtherWordsAreNotAsks) {
  EXPECT_FALSE(Read("采用计算机模拟优化流场。不需要改动厂房。").ask_found);
  EXPECT_TRUE(Read("求一种低成本的脱硫剂。").ask_found);
  EXPECT_FALSE(Read("客户要求越来越高。").ask_found);
  // Traditional script is read the same way.
  EXPECT_TRUE(Read("本公司希望尋求合作。").ask_found);
}

TEST_F(QueryUnderstandingTest, OfferingsAreReadWhole) {
  const ListingReading reading = Read("已尝试多种工艺。我们需要合作伙伴。", /*is_need=*/false);
  EXPECT_FALSE(reading.ask_found);
  ASSERT_EQ(reading.parts.size(), 3u);
  EXPECT_EQ(reading.parts[2].weight, 1.0);
}

}  // namespace
}  // namespace techmatch
