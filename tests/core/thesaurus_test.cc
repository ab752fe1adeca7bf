// The thesaurus: files parse as data/thesaurus/README.md says (and bad lines are refused with
// their place), members are found as phrases, symptoms as a bag of terms in a clause, and the
// shipped seed data loads.
#include "core/text/thesaurus.h"

#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"

namespace techmatch {
namespace {

using ::techmatch::testing::StatusIs;
using ::testing::HasSubstr;

constexpr char kFile[] =
    "kind\tfrom\tto\tnote\n"
    "# a comment\n"
    "abbreviation\tSNCR\t选择性非催化还原;selective non-catalytic reduction\t脱硝\n"
    "synonym\t甘薯\t红薯;番薯;sweet potato\t\n"
    "problem\t刀具振纹;颤振\t减振刀柄;主动阻尼\t\n";

class ThesaurusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto analyzer = TextAnalyzer::Create();
    ASSERT_TRUE(analyzer.ok()) << analyzer.status();
    analyzer_ = *analyzer;
  }
  std::shared_ptr<const TextAnalyzer> analyzer_;
};

TEST_F(ThesaurusTest, ParsesEntries) {
  auto entries = ParseThesaurusFile(kFile, "environment.tsv", "environment");
  ASSERT_TRUE(entries.ok()) << entries.status();
  ASSERT_EQ(entries->size(), 3u);
  EXPECT_EQ((*entries)[0].kind, ThesaurusKind::kAbbreviation);
  EXPECT_EQ((*entries)[0].to.size(), 2u);
  EXPECT_EQ((*entries)[0].note, "脱硝");
  EXPECT_EQ((*entries)[0].scope, "environment");
  EXPECT_EQ((*entries)[2].from.size(), 2u);
}

TEST_F(ThesaurusTest, RefusesBadLinesNamingThem) {
  EXPECT_THAT(ParseThesaurusFile("kind\tfrom\tto\n", "a.tsv", ""),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("a.tsv:1")));
  EXPECT_THAT(ParseThesaurusFile("kind\tfrom\tto\tnote\nsynonym\ta\tb\n", "a.tsv", ""),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("a.tsv:2: expected 4")));
  EXPECT_THAT(ParseThesaurusFile("kind\tfrom\tto\tnote\nsynonyms\ta\tb\t\n", "a.tsv", ""),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("unknown kind")));
  EXPECT_THAT(ParseThesaurusFile("kind\tfrom\tto\tnote\nsynonym\ta\t;\t\n", "a.tsv", ""),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("empty")));
  EXPECT_THAT(
      ParseThesaurusFile("kind\tfrom\tto\tnote\nsynonym\ta\tb\t\nsynonym\ta\tc\t\n", "a.tsv", ""),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("a.tsv:3")));
  EXPECT_THAT(ParseThesaurusFile("kind\tfrom\tto\tnote\nsynonym\ta;b\tc\t\n", "a.tsv", ""),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("several")));
}

TEST_F(ThesaurusTest, FindsMembersAsPhrasesAndSymptomsAsBags) {
  auto entries = ParseThesaurusFile(kFile, "x.tsv", "");
  ASSERT_TRUE(entries.ok());
  auto thesaurus = Thesaurus::Create(*entries, *analyzer_);
  ASSERT_TRUE(thesaurus.ok()) << thesaurus.status();
  auto found = [&](const std::string& text) {
    std::vector<std::string> members;
    for (const PhraseIndex::Match& match : (*thesaurus)->Find(analyzer_->Tokens(text))) {
      for (uint32_t m : *match.values) members.push_back((*thesaurus)->members()[m].text);
    }
    return members;
  };
  EXPECT_THAT(found("拟加装sncr脱硝"), ::testing::ElementsAre("SNCR"));
  EXPECT_THAT(found("Sweet Potatoes 加工"), ::testing::ElementsAre("sweet potato"));
  EXPECT_THAT(found("選擇性非催化還原"), ::testing::ElementsAre("选择性非催化还原"));
  const std::vector<uint32_t> symptoms =
      (*thesaurus)->FindSymptoms(analyzer_->Analyze("镗孔时刀具出现严重振纹"));
  ASSERT_EQ(symptoms.size(), 1u);
  EXPECT_EQ((*thesaurus)->members()[symptoms[0]].text, "刀具振纹");
  EXPECT_TRUE((*thesaurus)->FindSymptoms(analyzer_->Analyze("刀具寿命")).empty());
}

TEST_F(ThesaurusTest, ShippedSeedLoads) {
  auto thesaurus = Thesaurus::LoadDirectory(TECHMATCH_THESAURUS_DIR, *analyzer_);
  ASSERT_TRUE(thesaurus.ok()) << thesaurus.status();
  EXPECT_GE((*thesaurus)->entries().size(), 900u);
  bool scoped = false, general = false;
  for (const ThesaurusEntry& entry : (*thesaurus)->entries()) {
    scoped |= entry.scope == "environment";
    general |= entry.scope.empty();
  }
  EXPECT_TRUE(scoped);
  EXPECT_TRUE(general);
  EXPECT_THAT(Thesaurus::LoadDirectory("/nonexistent", *analyzer_),
              StatusIs(absl::StatusCode::kNotFound));
}

}  // namespace
}  // namespace techmatch
