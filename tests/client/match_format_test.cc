#include "client/match_format.h"

#include <sstream>

#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"

namespace techmatch::client {
namespace {

using techmatch::v1::Match;
using techmatch::v1::MatchEventResponse;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

Match ParseMatch(const std::string& text) {
  Match match;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &match)) << text;
  return match;
}

// A need written in Traditional Chinese matched with an offering written in Simplified.
Match LiquorMatch() {
  return ParseMatch(R"pb(
    need: "needs/lzlj-005"
    offering: "offerings/jn-003"
    score: 0.73449
    counterpart_title: "白酒酿造窖池微生物调控"
    explanation {
      shared_terms { text: "白酒窖池" }
      shared_terms { text: "釀造" counterpart_text: "酿造" }
      shared_terms { text: "窖泥" counterpart_text: "窖泥" }
      shared_industries: "industries/liquor"
      shared_industries: "industries/agriculture"
      signals { signal: "industry" value: 1 weight: 0.2 contribution: 0.2 }
      signals { signal: "text" value: 0.75 weight: 0.55 contribution: 0.4125 }
      signals { signal: "price" value: 0 weight: 0.05 contribution: 0 }
      signals { signal: "maturity" value: 1 weight: 0.1 contribution: 0.1 }
      bridges {
        from: "窖泥老化"
        to: "人工窖泥"
        source: BRIDGE_SOURCE_THESAURUS
        detail: "problem"
        text: "窖泥老化 → 人工窖泥 (thesaurus: problem)"
      }
    }
  )pb");
}

TEST(MatchFormatTest, ScoreHasThreeDecimals) {
  EXPECT_EQ(FormatScore(0.73449), "0.734");
  EXPECT_EQ(FormatScore(0), "0.000");
  EXPECT_EQ(FormatScore(1), "1.000");
}

TEST(MatchFormatTest, SharedTermShowsBothSpellingsOnlyWhenTheyDiffer) {
  const Match match = LiquorMatch();
  EXPECT_EQ(FormatSharedTerm(match.explanation().shared_terms(0)), "白酒窖池");
  EXPECT_EQ(FormatSharedTerm(match.explanation().shared_terms(1)), "釀造/酿造");
  EXPECT_EQ(FormatSharedTerm(match.explanation().shared_terms(2)), "窖泥");
  EXPECT_EQ(FormatSharedTerms(match.explanation()), "白酒窖池, 釀造/酿造, 窖泥");
}

TEST(MatchFormatTest, SharedTermsCappedForTheTerminal) {
  techmatch::v1::MatchExplanation explanation;
  for (const char* text : {"a", "b", "c", "d"}) explanation.add_shared_terms()->set_text(text);
  EXPECT_EQ(FormatSharedTerms(explanation, 2), "a, b, … (+2)");
  EXPECT_EQ(FormatSharedTerms(explanation, 4), "a, b, c, d");
  EXPECT_EQ(FormatSharedTerms(explanation), "a, b, c, d");
}

TEST(MatchFormatTest, BridgesJoinedAndCappedForTheTerminal) {
  EXPECT_EQ(FormatBridges(LiquorMatch().explanation()), "窖泥老化 → 人工窖泥 (thesaurus: problem)");
  techmatch::v1::MatchExplanation explanation;
  EXPECT_EQ(FormatBridges(explanation), "");
  for (const char* text : {"a ≈ b (CC-CEDICT)", "c ≈ d (thesaurus)", "e ≈ f (OpenCC tw2sp)"}) {
    explanation.add_bridges()->set_text(text);
  }
  EXPECT_EQ(FormatBridges(explanation, 2), "a ≈ b (CC-CEDICT); c ≈ d (thesaurus); … (+1)");
  EXPECT_EQ(FormatBridges(explanation),
            "a ≈ b (CC-CEDICT); c ≈ d (thesaurus); e ≈ f (OpenCC tw2sp)");
}

TEST(MatchFormatTest, IndustriesAsCodesPrimaryFirst) {
  EXPECT_EQ(FormatSharedIndustries(LiquorMatch().explanation()), "liquor, agriculture");
}

TEST(MatchFormatTest, SignalsLargestFirstWithoutZeroes) {
  EXPECT_EQ(FormatSignals(LiquorMatch().explanation()),
            "text 0.412 + industry 0.200 + maturity 0.100");
  EXPECT_EQ(FormatSignals(techmatch::v1::MatchExplanation()), "");
}

TEST(MatchFormatTest, RenderMatchesOneBlockPerMatch) {
  google::protobuf::RepeatedPtrField<Match> matches;
  *matches.Add() = LiquorMatch();
  Match second = ParseMatch(
      R"pb(
        need: "needs/lzlj-005" offering: "offerings/cib-1" score: 0.5 counterpart_title: "窖泥"
      )pb");
  *matches.Add() = second;
  std::ostringstream out;
  RenderMatches(matches, Counterpart::kOffering, out);
  EXPECT_EQ(out.str(),
            "1  0.734  offerings/jn-003  白酒酿造窖池微生物调控\n"
            "   shared terms:      白酒窖池, 釀造/酿造, 窖泥\n"
            "   bridges:           窖泥老化 → 人工窖泥 (thesaurus: problem)\n"
            "   shared industries: liquor, agriculture\n"
            "   signals:           text 0.412 + industry 0.200 + maturity 0.100\n"
            "2  0.500  offerings/cib-1   窖泥\n");
}

TEST(MatchFormatTest, RenderMatchesShowsNeedsForAnOffering) {
  google::protobuf::RepeatedPtrField<Match> matches;
  *matches.Add() = LiquorMatch();
  std::ostringstream out;
  RenderMatches(matches, Counterpart::kNeed, out);
  EXPECT_THAT(out.str(), HasSubstr("1  0.734  needs/lzlj-005  "));
}

TEST(MatchFormatTest, NoMatches) {
  std::ostringstream out;
  RenderMatches({}, Counterpart::kOffering, out);
  EXPECT_EQ(out.str(), "no matches\n");
}

TEST(MatchFormatTest, CsvRowsPerMatch) {
  google::protobuf::RepeatedPtrField<Match> matches;
  *matches.Add() = LiquorMatch();
  EXPECT_THAT(MatchCsvHeader(Counterpart::kOffering),
              ElementsAre("rank", "offering", "offering_title", "score", "shared_terms",
                          "shared_industries", "signals", "bridges"));
  EXPECT_THAT(MatchCsvRows(matches, Counterpart::kOffering),
              ElementsAre(ElementsAre("1", "offerings/jn-003", "白酒酿造窖池微生物调控", "0.734",
                                      "白酒窖池, 釀造/酿造, 窖泥", "liquor, agriculture",
                                      "text 0.412 + industry 0.200 + maturity 0.100",
                                      "窖泥老化 → 人工窖泥 (thesaurus: problem)")));
}

TEST(MatchFormatTest, EventCsvRowsOnePerNeedAndMatch) {
  MatchEventResponse response;
  response.set_need("needs/lzlj-005");
  response.set_need_title("濃香型白酒釀造窖池");
  *response.add_matches() = LiquorMatch();
  *response.add_matches() =
      ParseMatch(R"pb(offering: "offerings/x" score: 0.25 counterpart_title: "X")pb");
  EXPECT_THAT(MatchEventCsvHeader(), ElementsAre("need", "need_title", "rank", "offering",
                                                 "offering_title", "score", "shared_terms"));
  EXPECT_THAT(
      MatchEventCsvRows(response),
      ElementsAre(ElementsAre("needs/lzlj-005", "濃香型白酒釀造窖池", "1", "offerings/jn-003",
                              "白酒酿造窖池微生物调控", "0.734", "白酒窖池, 釀造/酿造, 窖泥"),
                  ElementsAre("needs/lzlj-005", "濃香型白酒釀造窖池", "2", "offerings/x", "X",
                              "0.250", "")));
}

TEST(MatchFormatTest, EventNeedWithoutMatchesStillListed) {
  MatchEventResponse response;
  response.set_need("needs/n");
  response.set_need_title("T");
  EXPECT_THAT(MatchEventCsvRows(response),
              ElementsAre(ElementsAre("needs/n", "T", "", "", "", "", "")));
  std::ostringstream out;
  RenderEventNeed(response, out);
  EXPECT_EQ(out.str(), "needs/n  T\n  (nothing presented at the event fits)\n");
}

TEST(MatchFormatTest, EventNeedBrief) {
  MatchEventResponse response;
  response.set_need("needs/lzlj-005");
  response.set_need_title("濃香型白酒釀造窖池");
  *response.add_matches() = LiquorMatch();
  std::ostringstream out;
  RenderEventNeed(response, out);
  EXPECT_EQ(out.str(),
            "needs/lzlj-005  濃香型白酒釀造窖池\n"
            "  1  0.734  offerings/jn-003  白酒酿造窖池微生物调控  (白酒窖池, 釀造/酿造, 窖泥)\n"
            "       bridges: 窖泥老化 → 人工窖泥 (thesaurus: problem)\n");
}

}  // namespace
}  // namespace techmatch::client
