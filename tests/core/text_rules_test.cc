#include "core/common/text_rules.h"

#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/core/violation_matchers.h"

namespace techmatch {
namespace {

using ::techmatch::testing::Fields;
using ::techmatch::testing::Violation;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Optional;
using ::testing::UnorderedElementsAre;

std::string Repeat(absl::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) absl::StrAppend(&out, s);
  return out;
}

std::vector<FieldViolation> Check(absl::string_view text, size_t min_chars, size_t max_chars,
                                  bool multiline = false) {
  Violations violations;
  CheckText("title", text, min_chars, max_chars, multiline, violations);
  return violations.list();
}

TEST(Utf8LengthTest, CountsCodePointsNotBytes) {
  EXPECT_THAT(Utf8Length(""), Optional(0u));
  EXPECT_THAT(Utf8Length("baijiu"), Optional(6u));
  EXPECT_THAT(Utf8Length("濃香型白酒"), Optional(5u));  // 3 bytes each
  EXPECT_THAT(Utf8Length("纤维素乙醇 pilot"), Optional(11u));
  EXPECT_THAT(Utf8Length("é"), Optional(1u));   // 2 bytes
  EXPECT_THAT(Utf8Length("😀"), Optional(1u));   // 4 bytes
  EXPECT_THAT(Utf8Length("𠀀"), Optional(1u));  // CJK Extension B
}

TEST(Utf8LengthTest, RejectsInvalidUtf8) {
  for (const std::string& bad : std::vector<std::string>{
           "\xff", "\x80", "abc\xfe", "\xe6\xbf", "\xe6",
           "\xe6\xbf"
           "a",
           "\xc0\xaf",             // overlong '/'
           "\xe0\x80\xaf",         // overlong, 3 bytes
           "\xed\xa0\x80",         // UTF-16 surrogate
           "\xf4\x90\x80\x80",     // above U+10FFFF
           "\xf8\x88\x80\x80\x80"  // 5-byte form
       }) {
    EXPECT_EQ(Utf8Length(bad), std::nullopt) << absl::CEscape(bad);
  }
}

TEST(CheckTextTest, CountsCjkAsOneCharacter) {
  EXPECT_THAT(Check(Repeat("酒", 200), 1, kMaxTitleChars), IsEmpty());
  EXPECT_THAT(Check(Repeat("酒", 201), 1, kMaxTitleChars),
              ElementsAre(Violation("title", HasSubstr("at most 200 characters, has 201"))));
  EXPECT_THAT(Check(Repeat("a", 200), 1, kMaxTitleChars), IsEmpty());
  EXPECT_THAT(Check(Repeat("a", 201), 1, kMaxTitleChars),
              ElementsAre(Violation("title", HasSubstr("201"))));
  EXPECT_THAT(Check(Repeat("😀", 200), 1, kMaxTitleChars), IsEmpty());
}

TEST(CheckTextTest, RequiresAtLeastMinChars) {
  EXPECT_THAT(Check("", 1, 200), ElementsAre(Violation("title", "is required")));
  EXPECT_THAT(Check("", 0, 200), IsEmpty());
  EXPECT_THAT(Check("ab", 3, 200), ElementsAre(Violation("title", HasSubstr("at least 3"))));
}

TEST(CheckTextTest, RejectsControlCharacters) {
  for (const std::string& bad :
       std::vector<std::string>{std::string("a\0b", 3), "a\x01", "\x1b[31m", "a\x7f", "line\nbreak",
                                "tab\there", "cr\r"}) {
    EXPECT_THAT(Check(bad, 1, 200),
                ElementsAre(Violation("title", HasSubstr("control characters"))))
        << absl::CEscape(bad);
  }
}

TEST(CheckTextTest, MultilineAllowsNewlinesAndTabsOnly) {
  EXPECT_THAT(Check("第一行\n第二行\r\n\t縮進", 0, 20000, true), IsEmpty());
  EXPECT_THAT(Check("a\x01", 0, 20000, true),
              ElementsAre(Violation("title", HasSubstr("control"))));
}

TEST(CheckTextTest, RejectsInvalidUtf8) {
  EXPECT_THAT(Check("ab\xff", 1, 200), ElementsAre(Violation("title", "is not valid UTF-8")));
  EXPECT_THAT(Check("\xe6\xbf", 0, 200), ElementsAre(Violation("title", "is not valid UTF-8")));
}

TEST(CheckTextTest, DescriptionLimitIsTwentyThousandCharacters) {
  EXPECT_THAT(Check(Repeat("窖", 20000), 0, kMaxDescriptionChars, true), IsEmpty());
  EXPECT_THAT(Check(Repeat("窖", 20001), 0, kMaxDescriptionChars, true),
              ElementsAre(Violation("title", HasSubstr("20001"))));
}

TEST(CheckKeywordsTest, AcceptsDistinctKeywords) {
  Violations violations;
  CheckKeywords("keywords", {"窖池", "微生物", "Clostridium"}, violations);
  EXPECT_TRUE(violations.empty());
  CheckKeywords("keywords", {}, violations);
  EXPECT_TRUE(violations.empty());
}

TEST(CheckKeywordsTest, ReportsEachBadKeywordByIndex) {
  Violations violations;
  CheckKeywords("keywords", {"窖池", "", "窖池", Repeat("字", 51), Repeat("字", 50)}, violations);
  EXPECT_THAT(violations.list(),
              UnorderedElementsAre(Violation("keywords[1]", "is required"),
                                   Violation("keywords[2]", HasSubstr("repeats")),
                                   Violation("keywords[3]", HasSubstr("at most 50"))));
}

TEST(CheckKeywordsTest, LimitsTheNumberOfKeywords) {
  std::vector<std::string> keywords;
  for (int i = 0; i < 50; ++i) keywords.push_back(absl::StrCat("k", i));
  Violations ok;
  CheckKeywords("keywords", keywords, ok);
  EXPECT_TRUE(ok.empty());
  keywords.push_back("k50");
  Violations too_many;
  CheckKeywords("keywords", keywords, too_many);
  EXPECT_THAT(too_many.list(), ElementsAre(Violation("keywords", HasSubstr("at most 50"))));
}

}  // namespace
}  // namespace techmatch
