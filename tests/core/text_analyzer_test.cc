// The text analyzer: pairs a user expects to match do, stop words drop out,
// surface forms survive for explanations, shared phrases read as people wrote them.
#include "core/text/text_analyzer.h"

#include <algorithm>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace techmatch {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;

class TextAnalyzerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto analyzer = TextAnalyzer::Create();
    ASSERT_TRUE(analyzer.ok()) << analyzer.status();
    analyzer_ = *analyzer;
  }

  std::vector<std::string> Terms(absl::string_view text) const {
    std::vector<std::string> terms;
    for (const AnalyzedTerm& term : analyzer_->Analyze(text).terms) terms.push_back(term.term);
    return terms;
  }

  // True when every term of `query` is a term of `text`.
  bool Finds(absl::string_view query, absl::string_view text) const {
    const std::vector<std::string> haystack = Terms(text);
    const std::vector<std::string> needles = Terms(query);
    if (needles.empty()) return false;
    for (const std::string& term : needles) {
      if (std::find(haystack.begin(), haystack.end(), term) == haystack.end()) return false;
    }
    return true;
  }

  std::string SurfaceOf(absl::string_view text, const std::string& term) const {
    for (const AnalyzedTerm& t : analyzer_->Analyze(text).terms) {
      if (t.term == term) return t.surface;
    }
    return "";
  }

  std::shared_ptr<const TextAnalyzer> analyzer_;
};

TEST_F(TextAnalyzerTest, TraditionalAndSimplifiedFoldTogether) {
  EXPECT_EQ(Terms("纖維素"), Terms("纤维素"));
  EXPECT_EQ(Terms("釀造"), Terms("酿造"));
  EXPECT_TRUE(Finds("纖維素", "羧甲基纤维素清洁生产"));
  EXPECT_TRUE(Finds("酿造", "黃酒釀造工藝"));
}

TEST_F(TextAnalyzerTest, TwoCharacterTermFoundInsideLongerWord) {
  EXPECT_THAT(Terms("濃香型白酒"), Contains("白酒"));
  EXPECT_TRUE(Finds("白酒", "濃香型白酒窖池"));
  EXPECT_TRUE(Finds("窖池", "白酒窖池微生物"));
}

TEST_F(TextAnalyzerTest, LatinIsCaseAndWidthFolded) {
  EXPECT_EQ(Terms("Fermentation"), Terms("fermentation"));
  EXPECT_EQ(Terms("ＰＬＣ"), Terms("PLC"));
  EXPECT_THAT(Terms("ＰＬＣ"), ElementsAre("plc"));
  EXPECT_TRUE(Finds("FERMENTATION", "Cellulosic ethanol fermentation, pilot scale."));
}

TEST_F(TextAnalyzerTest, ModelNumberStaysOneTerm) {
  const std::vector<std::string> terms = Terms("基于PLC-200的控制系统");
  EXPECT_THAT(terms, Contains("plc-200"));
  EXPECT_THAT(terms, Contains("plc"));
  EXPECT_THAT(terms, Contains("200"));
  EXPECT_TRUE(Finds("plc-200", "用ＰＬＣ－２００控制器改造"));
  // A dash between spaced words joins nothing.
  EXPECT_THAT(Terms("pump - valve"), Not(Contains("pump-valve")));
}

TEST_F(TextAnalyzerTest, StopWordsAndPunctuationDropped) {
  EXPECT_THAT(Terms("the and of with"), IsEmpty());
  EXPECT_THAT(Terms("，。、！？——"), IsEmpty());
  EXPECT_THAT(Terms("的"), IsEmpty());
  const std::vector<std::string> terms = Terms("白酒的酿造");
  EXPECT_THAT(terms, Contains("白酒"));
  EXPECT_THAT(terms, Contains("酿造"));
  EXPECT_THAT(terms, Not(Contains("酒的")));
  EXPECT_THAT(terms, Not(Contains("的酿")));
  EXPECT_THAT(Terms("the fermentation of sorghum"), ElementsAre("ferment", "sorghum"));
}

TEST_F(TextAnalyzerTest, EnglishWordsMeetByStem) {
  EXPECT_TRUE(Finds("fibre", "natural fibers"));
  EXPECT_TRUE(Finds("Fibres", "fiber"));
  EXPECT_TRUE(Finds("drying", "dried chili"));
  EXPECT_TRUE(Finds("odour", "odor control"));
  EXPECT_TRUE(Finds("optimise", "optimizing the process"));
  EXPECT_FALSE(Finds("fibre", "fabric"));
  // Model numbers and formulas are not stemmed.
  EXPECT_THAT(Terms("NCM811 TiO2"), ElementsAre("ncm811", "tio2"));
}

TEST_F(TextAnalyzerTest, TraditionalTextAlsoGetsMainlandUsage) {
  // 伺服器 / 資料庫 are Taiwan usage for 服务器 / 数据库; either finds the other.
  EXPECT_TRUE(Finds("服务器", "機房伺服器散熱"));
  EXPECT_TRUE(Finds("数据库", "資料庫軟體"));
  EXPECT_TRUE(Finds("伺服器", "伺服器"));  // The character-for-character form stays.
  EXPECT_EQ(SurfaceOf("資料庫軟體", "数据"), "資料");
  const AnalyzedText text = analyzer_->Analyze("資料庫");
  bool from_taiwan_phrase = false;
  for (const AnalyzedTerm& term : text.terms) {
    if (term.term == "数据") from_taiwan_phrase = term.taiwan_phrase;
    if (term.term == "资料") {
      EXPECT_FALSE(term.taiwan_phrase);
    }
  }
  EXPECT_TRUE(from_taiwan_phrase);
  // Lengths change too (記憶體 → 内存), and the surface is the whole phrase replaced.
  EXPECT_TRUE(Finds("内存", "記憶體模組"));
  EXPECT_EQ(SurfaceOf("記憶體模組", "内存"), "記憶體");
  // Mainland text is left as it is: tw2sp would turn 方程式 into 方程序.
  EXPECT_THAT(Terms("方程式"), Not(Contains("程序")));
}

TEST_F(TextAnalyzerTest, TokensForPhraseLookups) {
  const std::vector<TextToken> tokens = analyzer_->Tokens("Sweet potatoes, 紅薯 PM2.5");
  std::vector<std::string> texts;
  std::vector<uint32_t> runs;
  for (const TextToken& token : tokens) {
    texts.push_back(token.text);
    runs.push_back(token.run);
  }
  EXPECT_THAT(texts, ElementsAre("sweet", "potato", "红", "薯", "pm2", "5"));
  EXPECT_THAT(runs, ElementsAre(0, 0, 1, 1, 1, 1));
  EXPECT_EQ(tokens[2].begin, std::string("Sweet potatoes, ").size());
  EXPECT_EQ(tokens[3].end, std::string("Sweet potatoes, 紅薯").size());
  EXPECT_THAT(analyzer_->Tokens("，。"), IsEmpty());
}

TEST_F(TextAnalyzerTest, SurfaceFormsKeepWhatWasWritten) {
  EXPECT_EQ(SurfaceOf("釀造工藝", "酿造"), "釀造");
  EXPECT_EQ(SurfaceOf("ＰＬＣ控制", "plc"), "ＰＬＣ");
  EXPECT_EQ(SurfaceOf("Fermentation tank", "ferment"), "Fermentation");
  EXPECT_EQ(SurfaceOf("濃香型白酒", "白酒"), "白酒");
}

TEST_F(TextAnalyzerTest, CountsAndLength) {
  const AnalyzedText text = analyzer_->Analyze("白酒 白酒 baijiu");
  ASSERT_EQ(text.terms.size(), 2u);
  EXPECT_EQ(text.terms[0].term, "白酒");
  EXPECT_EQ(text.terms[0].count, 2);
  EXPECT_EQ(text.terms[1].count, 1);
  EXPECT_EQ(text.length, 3);
  EXPECT_EQ(analyzer_->Analyze("").length, 0);
}

TEST_F(TextAnalyzerTest, MalformedUtf8IsSkipped) {
  const std::string text = std::string("白酒") + "\xff\xfe" + "酿造";
  EXPECT_THAT(Terms(text), Contains("白酒"));
  EXPECT_THAT(Terms(text), Contains("酿造"));
}

TEST_F(TextAnalyzerTest, SharedPhrasesJoinBigramsIntoPhrases) {
  const std::vector<SharedPhrase> phrases =
      analyzer_->SharedPhrases("濃香型白酒窖池微生物調控", "白酒窖池功能菌强化", 5);
  ASSERT_FALSE(phrases.empty());
  EXPECT_EQ(phrases[0].text, "白酒窖池");
  EXPECT_EQ(phrases[0].counterpart_text, "");  // Written the same way in both.
}

TEST_F(TextAnalyzerTest, SharedPhrasesQuoteTheCounterpartScript) {
  const std::vector<SharedPhrase> phrases =
      analyzer_->SharedPhrases("纖維素乙醇發酵", "纤维素乙醇发酵工艺 PLC", 5);
  ASSERT_EQ(phrases.size(), 1u);
  EXPECT_EQ(phrases[0].text, "纖維素乙醇發酵");
  EXPECT_EQ(phrases[0].counterpart_text, "纤维素乙醇发酵");
}

TEST_F(TextAnalyzerTest, SharedWordsQuoteTheCounterpartsInflection) {
  const std::vector<SharedPhrase> phrases =
      analyzer_->SharedPhrases("bamboo fibre panels", "natural fibers for a panel", 5);
  std::vector<std::string> pairs;
  for (const SharedPhrase& p : phrases) pairs.push_back(p.text + "/" + p.counterpart_text);
  EXPECT_THAT(pairs, ElementsAre("panels/panel", "fibre/fibers"));
}

TEST_F(TextAnalyzerTest, SharedPhrasesKeepWordsLongestFirstAndLimit) {
  const std::vector<SharedPhrase> phrases =
      analyzer_->SharedPhrases("Fermentation 白酒 PLC", "fermentation plc 白酒", 10);
  std::vector<std::string> texts;
  for (const SharedPhrase& p : phrases) texts.push_back(p.text);
  EXPECT_THAT(texts, ElementsAre("Fermentation", "PLC", "白酒"));  // By length in characters.
  EXPECT_EQ(phrases[0].counterpart_text, "fermentation");
  EXPECT_EQ(analyzer_->SharedPhrases("Fermentation 白酒 PLC", "fermentation plc 白酒", 1).size(),
            1u);
  EXPECT_THAT(analyzer_->SharedPhrases("白酒", "机床", 5), IsEmpty());
}

// PrepareCounterpartForPhrases skips ICU's dictionary words when it analyses a text itself:
// the shared phrases must be exactly those found with the full analysis, for every pair of
// these texts (both scripts, stop characters, one-character runs, model numbers, English stop
// words, dictionary words of three and more characters).
TEST_F(TextAnalyzerTest, PreparedPhrasesEqualThoseOfTheFullAnalysis) {
  const std::vector<std::string> texts = {
      "濃香型白酒窖池微生物調控與人工窖泥培養技術",
      "浓香型白酒窖泥老化的防治，以及窖池功能菌的强化",
      "纤维素乙醇发酵工艺 PLC-200 控制系统的开发",
      "纖維素乙醇發酵 plc 控制 of the Fermentation line",
      "人工智能与机器视觉在钢材表面缺陷检测中的应用",
      "钢 铁 的 检测：GB/T 228.1-2021 拉伸试验",
      "Precision agriculture: drones, soil sensors and 智慧农业 平台",
      "页岩气 压裂 返排液 处理 与 回用 技术",
      "锂离子电池正极材料 NCM811 的高镍化与循环寿命",
      "中药材 GAP 种植 和 有效成分 提取"};
  for (const std::string& own_text : texts) {
    const auto own = analyzer_->PrepareForPhrases(own_text);
    for (const std::string& other_text : texts) {
      const AnalyzedText full = analyzer_->Analyze(other_text);
      const auto quick = analyzer_->PrepareCounterpartForPhrases(other_text);
      const auto complete = analyzer_->PrepareCounterpartForPhrases(other_text, &full);
      const std::vector<SharedPhrase> got = analyzer_->SharedPhrases(*own, *quick, 20);
      const std::vector<SharedPhrase> want = analyzer_->SharedPhrases(*own, *complete, 20);
      ASSERT_EQ(got.size(), want.size()) << own_text << " / " << other_text;
      for (size_t i = 0; i < got.size(); ++i) {
        EXPECT_EQ(got[i].text, want[i].text) << own_text << " / " << other_text;
        EXPECT_EQ(got[i].counterpart_text, want[i].counterpart_text);
      }
      if (own_text == other_text) {
        EXPECT_FALSE(got.empty()) << own_text;
      }
    }
  }
}

TEST_F(TextAnalyzerTest, ThreadSafe) {
  std::vector<std::thread> threads;
  std::vector<std::vector<std::string>> results(4);
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([this, i, &results] { results[i] = Terms("纖維素乙醇發酵 PLC-200"); });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& result : results) EXPECT_EQ(result, Terms("纤维素乙醇发酵 plc-200"));
}

}  // namespace
}  // namespace techmatch
