#include "client/money_text.h"

#include <cstdint>
#include <limits>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace techmatch::client {
namespace {

using ::testing::HasSubstr;

MoneyAmount Parse(absl::string_view text) {
  absl::StatusOr<MoneyAmount> amount = ParseMoneyText(text);
  EXPECT_TRUE(amount.ok()) << text << ": " << amount.status();
  return amount.value_or(MoneyAmount{-1, -1});
}

TEST(ParseMoneyTextTest, PlainAndGroupedYuan) {
  EXPECT_EQ(Parse("0"), (MoneyAmount{0, 0}));
  EXPECT_EQ(Parse("1234"), (MoneyAmount{1234, 0}));
  EXPECT_EQ(Parse("1,234.56"), (MoneyAmount{1234, 560'000'000}));
  EXPECT_EQ(Parse("12,345,678"), (MoneyAmount{12'345'678, 0}));
  EXPECT_EQ(Parse("0.05"), (MoneyAmount{0, 50'000'000}));
  EXPECT_EQ(Parse("  99.9 "), (MoneyAmount{99, 900'000'000}));
}

TEST(ParseMoneyTextTest, WanAndYiInBothScripts) {
  EXPECT_EQ(Parse("230万"), (MoneyAmount{2'300'000, 0}));
  EXPECT_EQ(Parse("230萬"), (MoneyAmount{2'300'000, 0}));
  EXPECT_EQ(Parse("2.8亿"), (MoneyAmount{280'000'000, 0}));
  EXPECT_EQ(Parse("2.8億"), (MoneyAmount{280'000'000, 0}));
  EXPECT_EQ(Parse("1.234567万"), (MoneyAmount{12'345, 670'000'000}));
  EXPECT_EQ(Parse("0.0000000001亿"), (MoneyAmount{0, 10'000'000}));
}

TEST(ParseMoneyTextTest, YuanSuffixAndCurrencySign) {
  EXPECT_EQ(Parse("500元"), (MoneyAmount{500, 0}));
  EXPECT_EQ(Parse("230万元"), (MoneyAmount{2'300'000, 0}));
  EXPECT_EQ(Parse("¥1,000"), (MoneyAmount{1000, 0}));
  EXPECT_EQ(Parse("￥3.5萬元"), (MoneyAmount{35'000, 0}));
}

TEST(ParseMoneyTextTest, ExactWhereAFloatWouldNotBe) {
  // 0.1 + 0.2 style inputs stay exact.
  EXPECT_EQ(Parse("0.29"), (MoneyAmount{0, 290'000'000}));
  EXPECT_EQ(Parse("92,233,720,368,547,758.07"), (MoneyAmount{92'233'720'368'547'758, 70'000'000}));
}

TEST(ParseMoneyTextTest, RejectsBadInput) {
  for (const char* bad : {"1.234", "abc", "-5", "1,23", "", "万", "1,2345", ",123", "1.", ".5",
                          "1..2", "1.2.3", "12a", "1 234", "1.2,3", "1.2345678万",
                          "0.00000000001亿", "99999999999999999999", "92,233,720,368,547,758.08"}) {
    EXPECT_FALSE(ParseMoneyText(bad).ok()) << "accepted '" << bad << "'";
  }
}

TEST(ParseMoneyTextTest, ErrorsSayWhy) {
  EXPECT_THAT(std::string(ParseMoneyText("1.234").status().message()), HasSubstr("fen"));
  EXPECT_THAT(std::string(ParseMoneyText("-5").status().message()), HasSubstr("negative"));
  EXPECT_THAT(std::string(ParseMoneyText("1,23").status().message()), HasSubstr("three"));
}

TEST(FormatMoneyTextTest, Yuan) {
  EXPECT_EQ(FormatMoneyText(1234, 560'000'000, MoneyUnit::kYuan), "1,234.56");
  EXPECT_EQ(FormatMoneyText(1234, 500'000'000, MoneyUnit::kYuan), "1,234.50");
  EXPECT_EQ(FormatMoneyText(2'300'000, 0, MoneyUnit::kYuan), "2,300,000");
  EXPECT_EQ(FormatMoneyText(0, 0, MoneyUnit::kYuan), "0");
  EXPECT_EQ(FormatMoneyText(999, 0, MoneyUnit::kYuan), "999");
  EXPECT_EQ(FormatMoneyText(0, 1, MoneyUnit::kYuan), "0.000000001");
  EXPECT_EQ(FormatMoneyText(-1234, -500'000'000, MoneyUnit::kYuan), "-1,234.50");
}

TEST(FormatMoneyTextTest, WanAndYiTrimTrailingZeros) {
  EXPECT_EQ(FormatMoneyText(2'300'000, 0, MoneyUnit::kWan), "230万");
  EXPECT_EQ(FormatMoneyText(280'000'000, 0, MoneyUnit::kYi), "2.8亿");
  EXPECT_EQ(FormatMoneyText(280'000'000, 0, MoneyUnit::kWan), "28,000万");
  EXPECT_EQ(FormatMoneyText(12'345, 670'000'000, MoneyUnit::kWan), "1.234567万");
  EXPECT_EQ(FormatMoneyText(5'000, 0, MoneyUnit::kYi), "0.00005亿");
}

TEST(FormatMoneyTextTest, ExtremesDoNotOverflow) {
  const int64_t min = std::numeric_limits<int64_t>::min();
  EXPECT_EQ(FormatMoneyText(min, -999'999'999, MoneyUnit::kYuan),
            "-9,223,372,036,854,775,808.999999999");
}

TEST(MoneyTextTest, RoundTripsThroughEveryUnit) {
  for (const char* text : {"1,234.56", "230万", "2.8亿", "0.01", "12,345,678.9"}) {
    const MoneyAmount amount = Parse(text);
    for (MoneyUnit unit : {MoneyUnit::kYuan, MoneyUnit::kWan, MoneyUnit::kYi}) {
      EXPECT_EQ(Parse(FormatMoneyText(amount.units, amount.nanos, unit)), amount)
          << text << " via unit " << static_cast<int>(unit);
    }
  }
}

TEST(ParseMoneyUnitTest, Names) {
  EXPECT_EQ(ParseMoneyUnit("wan").value(), MoneyUnit::kWan);
  EXPECT_EQ(ParseMoneyUnit("億").value(), MoneyUnit::kYi);
  EXPECT_EQ(ParseMoneyUnit("Yuan").value(), MoneyUnit::kYuan);
  EXPECT_FALSE(ParseMoneyUnit("thousand").ok());
}

}  // namespace
}  // namespace techmatch::client
