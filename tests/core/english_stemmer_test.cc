// English stems: British and American spellings and inflections meet; what is not an English
// word passes unchanged.
#include "core/text/english_stemmer.h"

#include "gtest/gtest.h"

namespace techmatch {
namespace {

TEST(EnglishStemTest, SpellingsAndInflectionsMeet) {
  ASSERT_TRUE(EnglishStemmerAvailable());
  EXPECT_EQ(EnglishStem("fibre"), EnglishStem("fiber"));
  EXPECT_EQ(EnglishStem("fibres"), EnglishStem("fibers"));
  EXPECT_EQ(EnglishStem("centre"), EnglishStem("center"));
  EXPECT_EQ(EnglishStem("colour"), EnglishStem("colors"));
  EXPECT_EQ(EnglishStem("odours"), EnglishStem("odor"));
  EXPECT_EQ(EnglishStem("optimisation"), EnglishStem("optimization"));
  EXPECT_EQ(EnglishStem("analysing"), EnglishStem("analyzing"));
  EXPECT_EQ(EnglishStem("sulphur"), EnglishStem("sulfur"));
  EXPECT_EQ(EnglishStem("aluminium"), EnglishStem("aluminum"));
  EXPECT_EQ(EnglishStem("moulding"), EnglishStem("molding"));
  EXPECT_EQ(EnglishStem("drying"), EnglishStem("dried"));
  EXPECT_EQ(EnglishStem("processing"), "process");
  EXPECT_EQ(EnglishStem("potatoes"), "potato");
}

TEST(EnglishStemTest, OtherWordsStayApart) {
  EXPECT_NE(EnglishStem("four"), EnglishStem("for"));
  EXPECT_EQ(EnglishStem("flour"), "flour");
  EXPECT_EQ(EnglishStem("hours"), "hour");
  EXPECT_NE(EnglishStem("fibre"), EnglishStem("fabric"));
}

TEST(EnglishStemTest, NonWordsPassUnchanged) {
  EXPECT_EQ(EnglishStem("ncm811"), "ncm811");
  EXPECT_EQ(EnglishStem("tio2"), "tio2");
  EXPECT_EQ(EnglishStem("pm"), "pm");
  EXPECT_EQ(EnglishStem("白酒"), "白酒");
  EXPECT_EQ(EnglishStem(""), "");
}

}  // namespace
}  // namespace techmatch
