#include "client/display_width.h"

#include "gtest/gtest.h"

namespace techmatch::client {
namespace {

TEST(DisplayWidthTest, AsciiIsOneColumnEach) {
  EXPECT_EQ(DisplayWidth(""), 0u);
  EXPECT_EQ(DisplayWidth("PLC-200"), 7u);
}

TEST(DisplayWidthTest, CjkIsTwoColumnsInBothScripts) {
  EXPECT_EQ(DisplayWidth("白酒"), 4u);
  EXPECT_EQ(DisplayWidth("濃香型白酒窖池微生物調控"), 24u);
  EXPECT_EQ(DisplayWidth("纤维素乙醇"), 10u);
  EXPECT_EQ(DisplayWidth("PLC-200控制改造"), 15u);
}

TEST(DisplayWidthTest, FullwidthPunctuationAndFormsAreWide) {
  EXPECT_EQ(DisplayWidth("，"), 2u);    // U+FF0C fullwidth comma
  EXPECT_EQ(DisplayWidth("；"), 2u);    // U+FF1B
  EXPECT_EQ(DisplayWidth("、"), 2u);    // U+3001 ideographic comma
  EXPECT_EQ(DisplayWidth("ＡＢ"), 4u);  // Fullwidth Latin
  EXPECT_EQ(DisplayWidth("한국"), 4u);  // Hangul syllables
  EXPECT_EQ(DisplayWidth("カナ"), 4u);  // Katakana
}

TEST(DisplayWidthTest, NarrowAndZeroWidth) {
  EXPECT_EQ(DisplayWidth("é"), 1u);         // precomposed
  EXPECT_EQ(DisplayWidth("e\u0301"), 1u);   // e + combining acute
  EXPECT_EQ(DisplayWidth("a\u200Bb"), 2u);  // zero-width space
  EXPECT_EQ(DisplayWidth("½"), 1u);         // ambiguous counts narrow
  EXPECT_EQ(DisplayWidth("…"), 1u);
}

TEST(DisplayWidthTest, InvalidUtf8CountsOneColumnPerByte) {
  EXPECT_EQ(DisplayWidth("\xFF\xFE"), 2u);
  EXPECT_EQ(DisplayWidth("\xE4\xB8"), 2u);  // truncated 3-byte sequence
}

TEST(CodePointWidthTest, RangeEdges) {
  EXPECT_EQ(CodePointWidth(0x4E00), 2);
  EXPECT_EQ(CodePointWidth(0x9FFF), 2);
  EXPECT_EQ(CodePointWidth(0x303F), 1);   // half-fill space is narrow
  EXPECT_EQ(CodePointWidth(0x20000), 2);  // CJK extension B
  EXPECT_EQ(CodePointWidth(0xFF61), 1);   // halfwidth katakana punctuation
  EXPECT_EQ(CodePointWidth(0x1F600), 2);  // emoji
  EXPECT_EQ(CodePointWidth('\t'), 0);
}

TEST(TruncateToWidthTest, CutsOnCharacterBoundaries) {
  EXPECT_EQ(TruncateToWidth("纤维素乙醇", 10), "纤维素乙醇");
  EXPECT_EQ(TruncateToWidth("纤维素乙醇", 9), "纤维素乙…");
  EXPECT_EQ(TruncateToWidth("纤维素乙醇", 8), "纤维素…");  // 6 + 1; a half ideograph never shows
  EXPECT_EQ(TruncateToWidth("abcdef", 4), "abc…");
  EXPECT_EQ(TruncateToWidth("abc", 0), "");
  EXPECT_LE(DisplayWidth(TruncateToWidth("濃香型白酒窖池微生物調控", 11)), 11u);
}

}  // namespace
}  // namespace techmatch::client
