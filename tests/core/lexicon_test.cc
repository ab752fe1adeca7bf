// The lexicon: its file format, look-ups both ways by stem and longest match, and the
// build's CC-CEDICT lexicon (skipped with a message when the build could not convert it).
#include "core/text/lexicon.h"

#include <memory>
#include <string>
#include <vector>

#include "core/matching/matching_resources.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"

namespace techmatch {
namespace {

using ::techmatch::testing::StatusIs;
using ::testing::ElementsAre;

class LexiconTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto analyzer = TextAnalyzer::Create();
    ASSERT_TRUE(analyzer.ok()) << analyzer.status();
    analyzer_ = *analyzer;
  }

  // "from>word,word" per translation.
  std::vector<std::string> Describe(const std::vector<Lexicon::Translation>& found,
                                    const std::vector<TextToken>& tokens) const {
    std::vector<std::string> out;
    for (const Lexicon::Translation& t : found) {
      std::string from;
      for (size_t i = t.begin; i < t.end; ++i) from += (from.empty() ? "" : " ") + tokens[i].text;
      std::string words;
      for (const std::string* w : t.words) words += (words.empty() ? "" : ",") + *w;
      out.push_back(from + ">" + words);
    }
    return out;
  }

  std::shared_ptr<const TextAnalyzer> analyzer_;
};

TEST_F(LexiconTest, LooksUpBothWays) {
  auto lexicon = Lexicon::Parse(
      "# comment\nheat pump\t热泵\nheat\t热量;热\npump\t泵送\nfibre\t纤维\nbamboo fibre\t竹纤维\n",
      "test");
  ASSERT_TRUE(lexicon.ok()) << lexicon.status();
  const std::vector<TextToken> english = analyzer_->Tokens("Heat pumps for bamboo fibres");
  EXPECT_THAT(Describe((*lexicon)->ToChinese(english, 4), english),
              ElementsAre("heat pump>热泵", "bamboo fiber>竹纤维"));
  const std::vector<TextToken> chinese = analyzer_->Tokens("竹纤维热泵");
  EXPECT_THAT(Describe((*lexicon)->ToEnglish(chinese, 4), chinese),
              ElementsAre("竹 纤 维>bamboo fibre", "热 泵>heat pump"));
  const Lexicon::Translation translation = (*lexicon)->ToEnglish(chinese, 4)[1];
  EXPECT_THAT((*lexicon)->TermsOf(translation.words[0]), ElementsAre("heat", "pump"));
}

TEST_F(LexiconTest, RefusesMalformedLines) {
  EXPECT_THAT(Lexicon::Parse("heat pump 热泵\n", "x.tsv"),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(Lexicon::Parse("heat\t\n", "x.tsv"), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(Lexicon::Load("/nonexistent/lexicon.tsv"), StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(LexiconTest, BuildLexiconTranslatesEverydayTechnicalWords) {
  const MatchingResources& resources = DefaultMatchingResources(*analyzer_);
  if (resources.lexicon == nullptr) {
    GTEST_SKIP() << "no CC-CEDICT lexicon in " << DefaultShareDirectory()
                 << " (run scripts/install-deps, then build): " << resources.notes.back();
  }
  const std::vector<TextToken> tokens = analyzer_->Tokens("polypropylene");
  const auto found = resources.lexicon->ToChinese(tokens, 4);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(*found[0].words[0], "聚丙烯");
}

}  // namespace
}  // namespace techmatch
