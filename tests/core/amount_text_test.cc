// Amounts in summaries: Chinese (萬/億, Simplified 万/亿) rounded half up to two decimals from
// exact fen, English exact with every minor digit.
#include "core/money/amount_text.h"

#include <cstdint>
#include <limits>
#include <string>

#include "gtest/gtest.h"

namespace techmatch {
namespace {

Currency Cny() { return *Currency::FromCode("CNY"); }

struct Case {
  int64_t fen;
  std::string traditional;
  std::string simplified;
};

TEST(AmountTextTest, ChineseTable) {
  const Case cases[] = {
      // Examples from officials' summaries (in 元, ×100 for fen).
      {280000000LL * 100, "2.8億元", "2.8亿元"},
      {2300000LL * 100, "230萬元", "230万元"},
      {9860000LL * 100, "986萬元", "986万元"},
      {12345LL * 100, "1.23萬元", "1.23万元"},
      {800LL * 100, "800元", "800元"},
      // Boundaries and rounding (half up to two decimals of 萬/億).
      {0, "0元", "0元"},
      {5, "0.05元", "0.05元"},
      {50, "0.5元", "0.5元"},
      {999999, "9999.99元", "9999.99元"},
      {1000000, "1萬元", "1万元"},
      {1235500, "1.24萬元", "1.24万元"},
      {1234999, "1.23萬元", "1.23万元"},
      {125000LL * 100, "12.5萬元", "12.5万元"},
      {9999999999LL, "1億元", "1亿元"},  // 9999.9999999萬 rounds up to 10000萬.
      {9999940000LL, "9999.94萬元", "9999.94万元"},
      {100000000LL * 100, "1億元", "1亿元"},
      {123456789LL * 100, "1.23億元", "1.23亿元"},
      {2860000000LL * 100, "28.6億元", "28.6亿元"},
      {96500000000LL * 100, "965億元", "965亿元"},
      {std::numeric_limits<int64_t>::max(), "922337203.69億元", "922337203.69亿元"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ChineseAmount(c.fen, Cny(), ChineseScript::kTraditional), c.traditional) << c.fen;
    EXPECT_EQ(ChineseAmount(c.fen, Cny(), ChineseScript::kSimplified), c.simplified) << c.fen;
  }
}

TEST(AmountTextTest, OtherCurrencyNamesItsCode) {
  EXPECT_EQ(
      ChineseAmount(280000000LL * 100, *Currency::FromCode("USD"), ChineseScript::kSimplified),
      "2.8亿 USD");
  // Yen has no minor unit: 1萬 is 10000 minor units.
  EXPECT_EQ(ChineseAmount(12345, *Currency::FromCode("JPY"), ChineseScript::kTraditional),
            "1.23萬 JPY");
}

TEST(AmountTextTest, EnglishTable) {
  EXPECT_EQ(EnglishAmount(280000000LL * 100, Cny()), "CNY 280,000,000.00");
  EXPECT_EQ(EnglishAmount(0, Cny()), "CNY 0.00");
  EXPECT_EQ(EnglishAmount(5, Cny()), "CNY 0.05");
  EXPECT_EQ(EnglishAmount(123450, Cny()), "CNY 1,234.50");
  EXPECT_EQ(EnglishAmount(99999, Cny()), "CNY 999.99");
  EXPECT_EQ(EnglishAmount(100000, Cny()), "CNY 1,000.00");
  EXPECT_EQ(EnglishAmount(std::numeric_limits<int64_t>::max(), Cny()),
            "CNY 92,233,720,368,547,758.07");
  EXPECT_EQ(EnglishAmount(1234567, *Currency::FromCode("JPY")), "JPY 1,234,567");
  EXPECT_EQ(EnglishAmount(1234567, *Currency::FromCode("KWD")), "KWD 1,234.567");
  EXPECT_EQ(EnglishAmount(1000, *Currency::FromCode("KWD")), "KWD 1.000");
}

TEST(AmountTextTest, ChineseRoundsEveryCurrencyAlike) {
  // 1234.565 dinars: half up to two decimals; below 1萬 in ones.
  EXPECT_EQ(ChineseAmount(1234565, *Currency::FromCode("KWD"), ChineseScript::kSimplified),
            "1234.57 KWD");
  EXPECT_EQ(ChineseAmount(123456789, *Currency::FromCode("JPY"), ChineseScript::kSimplified),
            "1.23亿 JPY");
}

}  // namespace
}  // namespace techmatch
