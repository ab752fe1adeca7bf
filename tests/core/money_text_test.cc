// Money text: amounts as people type them, read exactly into minor units of any currency, and
// written in ones, 萬 or 億 (exact, or rounded half up for summaries).
#include "core/money/money_text.h"

#include <cstdint>
#include <limits>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace techmatch {
namespace {

using ::testing::HasSubstr;

constexpr int kCny = 2, kJpy = 0, kKwd = 3;
constexpr int64_t kMax = std::numeric_limits<int64_t>::max();

int64_t Parse(absl::string_view text, int digits = kCny) {
  absl::StatusOr<int64_t> minor = ParseMoneyText(text, digits);
  EXPECT_TRUE(minor.ok()) << text << ": " << minor.status();
  return minor.value_or(-1);
}

std::string Format(int64_t minor, int digits, MoneyUnit unit) {
  MoneyStyle style;
  style.unit = unit;
  return FormatMoneyText(AmountOfMinorUnits(minor, digits), digits, style);
}

std::string Format(MoneyAmount amount, MoneyUnit unit) {
  MoneyStyle style;
  style.unit = unit;
  return FormatMoneyText(amount, kCny, style);
}

// The summaries' style: unit picked, at most two decimals half up, no grouping.
std::string Summary(int64_t minor, int digits) {
  MoneyStyle style;
  style.unit = std::nullopt;
  style.max_decimals = 2;
  style.minor_digits = MinorDigits::kTrimmed;
  style.group_thousands = false;
  return FormatMoneyText(AmountOfMinorUnits(minor, digits), digits, style);
}

TEST(MinorDigitsOfTest, Iso4217Exponents) {
  EXPECT_EQ(MinorDigitsOf("CNY"), 2);
  EXPECT_EQ(MinorDigitsOf("USD"), 2);
  EXPECT_EQ(MinorDigitsOf("JPY"), 0);
  EXPECT_EQ(MinorDigitsOf("KRW"), 0);
  EXPECT_EQ(MinorDigitsOf("CLP"), 0);
  EXPECT_EQ(MinorDigitsOf("KWD"), 3);
  EXPECT_EQ(MinorDigitsOf("BHD"), 3);
  EXPECT_EQ(MinorDigitsOf("CLF"), 4);
  EXPECT_EQ(MinorDigitsOf("XYZ"), 2);  // Not listed: hundredths.
}

TEST(MoneyAmountTest, MinorUnitsAndBack) {
  EXPECT_EQ(AmountOfMinorUnits(123456, kCny), (MoneyAmount{1234, 560'000'000}));
  EXPECT_EQ(AmountOfMinorUnits(1234, kJpy), (MoneyAmount{1234, 0}));
  EXPECT_EQ(AmountOfMinorUnits(1234567, kKwd), (MoneyAmount{1234, 567'000'000}));
  EXPECT_EQ(AmountOfMinorUnits(-150, kCny), (MoneyAmount{-1, -500'000'000}));
  EXPECT_EQ(MinorUnitsOfAmount({1234, 560'000'000}, kCny), 123456);
  EXPECT_EQ(MinorUnitsOfAmount({1234, 567'000'000}, kKwd), 1234567);
  EXPECT_EQ(MinorUnitsOfAmount({92'233'720'368'547'758, 70'000'000}, kCny), kMax);
  EXPECT_EQ(MinorUnitsOfAmount({1, 500'000'000}, kJpy), std::nullopt);  // finer than a yen
  EXPECT_EQ(MinorUnitsOfAmount({0, 1}, kCny), std::nullopt);
  EXPECT_EQ(MinorUnitsOfAmount({92'233'720'368'547'758, 80'000'000}, kCny), std::nullopt);
  EXPECT_EQ(MinorUnitsOfAmount({kMax, 0}, kKwd), std::nullopt);
}

TEST(ParseMoneyTextTest, PlainAndGroupedYuan) {
  EXPECT_EQ(Parse("0"), 0);
  EXPECT_EQ(Parse("1234"), 123400);
  EXPECT_EQ(Parse("1,234.56"), 123456);
  EXPECT_EQ(Parse("12,345,678"), 1'234'567'800);
  EXPECT_EQ(Parse("0.05"), 5);
  EXPECT_EQ(Parse("  99.9 "), 9990);
}

TEST(ParseMoneyTextTest, WanAndYiInBothScripts) {
  EXPECT_EQ(Parse("230万"), 230'000'000);
  EXPECT_EQ(Parse("230萬"), 230'000'000);
  EXPECT_EQ(Parse("2.8亿"), 28'000'000'000);
  EXPECT_EQ(Parse("2.8億"), 28'000'000'000);
  EXPECT_EQ(Parse("1.234567万"), 1'234'567);
  EXPECT_EQ(Parse("0.0000000001亿"), 1);
}

TEST(ParseMoneyTextTest, YuanSuffixAndCurrencySign) {
  EXPECT_EQ(Parse("500元"), 50000);
  EXPECT_EQ(Parse("230万元"), 230'000'000);
  EXPECT_EQ(Parse("¥1,000"), 100000);
  EXPECT_EQ(Parse("￥3.5萬元"), 3'500'000);
}

TEST(ParseMoneyTextTest, ExactWhereAFloatWouldNotBe) {
  EXPECT_EQ(Parse("0.29"), 29);
  EXPECT_EQ(Parse("92,233,720,368,547,758.07"), kMax);
}

TEST(ParseMoneyTextTest, YenHaveNoMinorUnit) {
  EXPECT_EQ(Parse("1,234", kJpy), 1234);
  EXPECT_EQ(Parse("¥1,234", kJpy), 1234);
  EXPECT_EQ(Parse("230万", kJpy), 2'300'000);
  EXPECT_EQ(Parse("1.2345万", kJpy), 12345);
  EXPECT_EQ(Parse("9,223,372,036,854,775,807", kJpy), kMax);
  for (const char* bad : {"1.5", "1,234.00", "1.23456万", "0.000000001亿"}) {
    EXPECT_FALSE(ParseMoneyText(bad, kJpy).ok()) << "accepted '" << bad << "'";
  }
  EXPECT_THAT(std::string(ParseMoneyText("1,234.5", kJpy).status().message()),
              HasSubstr("no minor unit"));
}

TEST(ParseMoneyTextTest, DinarsHaveThreeDecimals) {
  EXPECT_EQ(Parse("1,234.567", kKwd), 1'234'567);
  EXPECT_EQ(Parse("1.5", kKwd), 1500);
  EXPECT_EQ(Parse("0.001", kKwd), 1);
  EXPECT_EQ(Parse("0.00000000001亿", kKwd), 1);
  for (const char* bad : {"1.2345", "0.00000001万", "9,223,372,036,854,775.808"}) {
    EXPECT_FALSE(ParseMoneyText(bad, kKwd).ok()) << "accepted '" << bad << "'";
  }
  EXPECT_THAT(std::string(ParseMoneyText("1.2345", kKwd).status().message()),
              HasSubstr("3 decimal places"));
}

TEST(ParseMoneyTextTest, RejectsBadInput) {
  for (const char* bad : {"1.234", "abc", "-5", "1,23", "", "万", "1,2345", ",123", "1.", ".5",
                          "1..2", "1.2.3", "12a", "1 234", "1.2,3", "1.2345678万",
                          "0.00000000001亿", "99999999999999999999", "92,233,720,368,547,758.08"}) {
    EXPECT_FALSE(ParseMoneyText(bad, kCny).ok()) << "accepted '" << bad << "'";
  }
}

TEST(ParseMoneyTextTest, ErrorsSayWhy) {
  EXPECT_THAT(std::string(ParseMoneyText("1.234", kCny).status().message()),
              HasSubstr("finer than the currency's minor unit (2 decimal places)"));
  EXPECT_THAT(std::string(ParseMoneyText("-5", kCny).status().message()), HasSubstr("negative"));
  EXPECT_THAT(std::string(ParseMoneyText("1,23", kCny).status().message()), HasSubstr("three"));
  EXPECT_THAT(std::string(ParseMoneyText("99999999999999999999", kCny).status().message()),
              HasSubstr("too large"));
}

TEST(FormatMoneyTextTest, Ones) {
  EXPECT_EQ(Format(123456, kCny, MoneyUnit::kOne), "1,234.56");
  EXPECT_EQ(Format(123450, kCny, MoneyUnit::kOne), "1,234.50");
  EXPECT_EQ(Format(230'000'000, kCny, MoneyUnit::kOne), "2,300,000");
  EXPECT_EQ(Format(0, kCny, MoneyUnit::kOne), "0");
  EXPECT_EQ(Format(99900, kCny, MoneyUnit::kOne), "999");
  EXPECT_EQ(Format(-123450, kCny, MoneyUnit::kOne), "-1,234.50");
  EXPECT_EQ(Format(1234, kJpy, MoneyUnit::kOne), "1,234");
  EXPECT_EQ(Format(1500, kKwd, MoneyUnit::kOne), "1.500");
  EXPECT_EQ(Format(1'234'567, kKwd, MoneyUnit::kOne), "1,234.567");
  // Finer than the currency's minor unit (never from the server): still exact.
  EXPECT_EQ(Format(MoneyAmount{0, 1}, MoneyUnit::kOne), "0.000000001");
}

TEST(FormatMoneyTextTest, WanAndYiTrimTrailingZeros) {
  EXPECT_EQ(Format(230'000'000, kCny, MoneyUnit::kWan), "230万");
  EXPECT_EQ(Format(28'000'000'000, kCny, MoneyUnit::kYi), "2.8亿");
  EXPECT_EQ(Format(28'000'000'000, kCny, MoneyUnit::kWan), "28,000万");
  EXPECT_EQ(Format(1'234'567, kCny, MoneyUnit::kWan), "1.234567万");
  EXPECT_EQ(Format(500'000, kCny, MoneyUnit::kYi), "0.00005亿");
  EXPECT_EQ(Format(1234, kJpy, MoneyUnit::kWan), "0.1234万");
  EXPECT_EQ(Format(1'234'567, kKwd, MoneyUnit::kWan), "0.1234567万");
  MoneyStyle traditional;
  traditional.unit = MoneyUnit::kWan;
  traditional.script = ChineseScript::kTraditional;
  EXPECT_EQ(FormatMoneyText(MoneyAmount{2'300'000, 0}, kCny, traditional), "230萬");
}

TEST(FormatMoneyTextTest, MinorDigitsInOnes) {
  MoneyStyle style;
  style.minor_digits = MinorDigits::kTrimmed;
  EXPECT_EQ(FormatMoneyText(MoneyAmount{0, 500'000'000}, kCny, style), "0.5");
  style.minor_digits = MinorDigits::kWithFraction;
  EXPECT_EQ(FormatMoneyText(MoneyAmount{0, 500'000'000}, kCny, style), "0.50");
  EXPECT_EQ(FormatMoneyText(MoneyAmount{7, 0}, kCny, style), "7");
  style.minor_digits = MinorDigits::kAlways;
  EXPECT_EQ(FormatMoneyText(MoneyAmount{7, 0}, kCny, style), "7.00");
  EXPECT_EQ(FormatMoneyText(MoneyAmount{7, 0}, kKwd, style), "7.000");
  EXPECT_EQ(FormatMoneyText(MoneyAmount{7, 0}, kJpy, style), "7");
  style.group_thousands = false;
  EXPECT_EQ(FormatMoneyText(MoneyAmount{1'234'567, 0}, kCny, style), "1234567.00");
}

TEST(FormatMoneyTextTest, ExtremesDoNotOverflow) {
  const int64_t min = std::numeric_limits<int64_t>::min();
  EXPECT_EQ(Format(MoneyAmount{min, -999'999'999}, MoneyUnit::kOne),
            "-9,223,372,036,854,775,808.999999999");
  EXPECT_EQ(Format(kMax, kCny, MoneyUnit::kYi), "922,337,203.6854775807亿");
}

// One rule with a precision parameter: rounding half up to two decimals of the picked unit.
TEST(FormatMoneyTextTest, RoundedHalfUpForSummaries) {
  EXPECT_EQ(Summary(1'235'500, kCny), "1.24万");  // 1.2355萬
  EXPECT_EQ(Summary(1'234'999, kCny), "1.23万");
  EXPECT_EQ(Summary(999'999, kCny), "9999.99");
  EXPECT_EQ(Summary(50, kCny), "0.5");
  EXPECT_EQ(Summary(9'999'940'000, kCny), "9999.94万");
  EXPECT_EQ(Summary(9'999'999'999, kCny), "1亿");  // 9999.9999999萬 rounds up to 10000萬
  EXPECT_EQ(Summary(kMax, kCny), "922337203.69亿");
  EXPECT_EQ(Summary(12345, kJpy), "1.23万");
  EXPECT_EQ(Summary(1'234'565, kKwd), "1234.57");  // 1234.565 dinars, half up
  EXPECT_EQ(Summary(9'999'999, kKwd), "1万");      // 9999.999 rounds to 10000
  // A unit given is kept: rounding does not move it.
  MoneyStyle wan;
  wan.unit = MoneyUnit::kWan;
  wan.max_decimals = 2;
  EXPECT_EQ(FormatMoneyText(AmountOfMinorUnits(9'999'999'999, kCny), kCny, wan), "10,000万");
  // Negative amounts round away from zero at the half, as their magnitude does.
  EXPECT_EQ(FormatMoneyText(AmountOfMinorUnits(-1'235'500, kCny), kCny, wan), "-1.24万");
  EXPECT_EQ(FormatMoneyText(AmountOfMinorUnits(-1, kCny), kCny, wan), "0万");  // no "-0"
}

// Whatever parses, written exactly in any unit, parses back to the same amount.
TEST(MoneyTextTest, RoundTripsThroughEveryUnitAndCurrency) {
  for (int digits : {kJpy, kCny, kKwd}) {
    for (const char* text : {"1,234", "230万", "2.8亿", "1", "12,345,678", "0.0001万"}) {
      const int64_t minor = Parse(text, digits);
      for (MoneyUnit unit : {MoneyUnit::kOne, MoneyUnit::kWan, MoneyUnit::kYi}) {
        const std::string written = Format(minor, digits, unit);
        EXPECT_EQ(Parse(written, digits), minor)
            << text << " in " << digits << "-digit currency via " << written;
      }
    }
  }
}

TEST(ParseMoneyUnitTest, Names) {
  EXPECT_EQ(ParseMoneyUnit("wan").value(), MoneyUnit::kWan);
  EXPECT_EQ(ParseMoneyUnit("億").value(), MoneyUnit::kYi);
  EXPECT_EQ(ParseMoneyUnit("Yuan").value(), MoneyUnit::kOne);
  EXPECT_FALSE(ParseMoneyUnit("thousand").ok());
}

TEST(WithThousandsSeparatorsTest, Groups) {
  EXPECT_EQ(WithThousandsSeparators(0), "0");
  EXPECT_EQ(WithThousandsSeparators(999), "999");
  EXPECT_EQ(WithThousandsSeparators(1000), "1,000");
  EXPECT_EQ(WithThousandsSeparators(123456), "123,456");
  EXPECT_EQ(WithThousandsSeparators(1234567), "1,234,567");
  EXPECT_EQ(WithThousandsSeparators(-1234567), "-1,234,567");
  EXPECT_EQ(WithThousandsSeparators(std::numeric_limits<int64_t>::min()),
            "-9,223,372,036,854,775,808");
}

}  // namespace
}  // namespace techmatch
