// Phrase look-ups: phrases are found by their tokens within one run, longest first, and the
// two selections keep what the thesaurus and the lexicon need.
#include "core/text/phrase_index.h"

#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace techmatch {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class PhraseIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto analyzer = TextAnalyzer::Create();
    ASSERT_TRUE(analyzer.ok()) << analyzer.status();
    analyzer_ = *analyzer;
  }

  // "begin-end:value" per match.
  std::vector<std::string> Describe(const std::vector<PhraseIndex::Match>& matches) const {
    std::vector<std::string> out;
    for (const PhraseIndex::Match& m : matches) {
      for (uint32_t value : *m.values) {
        out.push_back(std::to_string(m.begin) + "-" + std::to_string(m.end) + ":" +
                      std::to_string(value));
      }
    }
    return out;
  }

  std::shared_ptr<const TextAnalyzer> analyzer_;
};

TEST_F(PhraseIndexTest, FindsPhrasesByTheirTokens) {
  PhraseIndex index;
  ASSERT_TRUE(index.Add(analyzer_->Tokens("sweet potato"), 1));
  ASSERT_TRUE(index.Add(analyzer_->Tokens("甘薯"), 2));
  ASSERT_TRUE(index.Add(analyzer_->Tokens("选择性非催化还原"), 3));
  ASSERT_TRUE(index.Add(analyzer_->Tokens("催化"), 4));
  EXPECT_FALSE(index.Add(analyzer_->Tokens("，"), 5));
  EXPECT_EQ(index.size(), 4u);
  // Stems, Traditional characters and case do not matter.
  EXPECT_THAT(Describe(index.FindAll(analyzer_->Tokens("Sweet Potatoes"))), ElementsAre("0-2:1"));
  EXPECT_THAT(Describe(index.FindAll(analyzer_->Tokens("甘薯"))), ElementsAre("0-2:2"));
  const std::vector<TextToken> text = analyzer_->Tokens("采用選擇性非催化還原");
  EXPECT_THAT(Describe(index.FindAll(text)), ElementsAre("2-10:3", "6-8:4"));
  EXPECT_THAT(Describe(PhraseIndex::Outermost(index.FindAll(text))), ElementsAre("2-10:3"));
  // Punctuation breaks a phrase.
  EXPECT_THAT(index.FindAll(analyzer_->Tokens("sweet, potato")), IsEmpty());
}

TEST_F(PhraseIndexTest, LeftmostLongestSegments) {
  PhraseIndex index;
  index.Add(std::vector<std::string>{"纤", "维"}, 1);
  index.Add(std::vector<std::string>{"竹", "纤", "维"}, 2);
  index.Add(std::vector<std::string>{"维", "增"}, 3);
  index.Add(std::vector<std::string>{"增", "强"}, 4);
  const std::vector<PhraseIndex::Match> all = index.FindAll(analyzer_->Tokens("竹纤维增强"));
  EXPECT_THAT(Describe(all), ElementsAre("0-3:2", "1-3:1", "2-4:3", "3-5:4"));
  EXPECT_THAT(Describe(PhraseIndex::LeftmostLongest(all)), ElementsAre("0-3:2", "3-5:4"));
  // A phrase added twice keeps both values.
  index.Add(std::vector<std::string>{"增", "强"}, 5);
  EXPECT_THAT(Describe(index.FindAll(analyzer_->Tokens("增强"))), ElementsAre("0-2:4", "0-2:5"));
}

}  // namespace
}  // namespace techmatch
