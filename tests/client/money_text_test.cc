// The CLI's money: amounts typed in the --currency's minor unit (yen whole, dinars to the
// thousandth) and shown exactly in --unit (field_values.h, over core/money/money_text).
#include <string>

#include "client/field_values.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace techmatch::client {
namespace {

using ::testing::HasSubstr;

google::type::Money Money(const std::string& currency, int64_t units, int32_t nanos) {
  google::type::Money money;
  money.set_currency_code(currency);
  money.set_units(units);
  money.set_nanos(nanos);
  return money;
}

void ExpectParses(absl::string_view text, const std::string& currency, int64_t units,
                  int32_t nanos) {
  absl::StatusOr<google::type::Money> money = ParseMoney(text, currency);
  ASSERT_TRUE(money.ok()) << text << " in " << currency << ": " << money.status();
  EXPECT_EQ(money->currency_code(), currency) << text;
  EXPECT_EQ(money->units(), units) << text << " in " << currency;
  EXPECT_EQ(money->nanos(), nanos) << text << " in " << currency;
}

std::string Shown(const google::type::Money& money, MoneyUnit unit,
                  const std::string& currency = "CNY") {
  return FormatMoney(money, ValueFormat{unit, currency});
}

TEST(ParseMoneyTest, Yuan) {
  ExpectParses("1,234.56", "CNY", 1234, 560'000'000);
  ExpectParses("230万", "CNY", 2'300'000, 0);
  ExpectParses("2.8億元", "CNY", 280'000'000, 0);
  ExpectParses("92,233,720,368,547,758.07", "CNY", 92'233'720'368'547'758, 70'000'000);
  EXPECT_THAT(std::string(ParseMoney("1.234", "CNY").status().message()),
              HasSubstr("2 decimal places"));
}

TEST(ParseMoneyTest, YenAreWhole) {
  ExpectParses("1,234", "JPY", 1234, 0);
  ExpectParses("¥1,234", "JPY", 1234, 0);
  ExpectParses("1.2345万", "JPY", 12345, 0);
  EXPECT_FALSE(ParseMoney("1,234.5", "JPY").ok());
  EXPECT_THAT(std::string(ParseMoney("1.5", "JPY").status().message()), HasSubstr("no minor unit"));
}

TEST(ParseMoneyTest, DinarsToTheThousandth) {
  ExpectParses("1,234.567", "KWD", 1234, 567'000'000);
  ExpectParses("0.001", "KWD", 0, 1'000'000);
  ExpectParses("2.5万", "KWD", 25'000, 0);
  EXPECT_FALSE(ParseMoney("1.2345", "KWD").ok());
}

TEST(FormatMoneyTest, InTheExpectedCurrency) {
  EXPECT_EQ(Shown(Money("CNY", 1234, 500'000'000), MoneyUnit::kOne), "1,234.50");
  EXPECT_EQ(Shown(Money("CNY", 2'300'000, 0), MoneyUnit::kWan), "230万");
  EXPECT_EQ(Shown(Money("CNY", 280'000'000, 0), MoneyUnit::kYi), "2.8亿");
  EXPECT_EQ(Shown(Money("JPY", 1234, 0), MoneyUnit::kOne, "JPY"), "1,234");
  EXPECT_EQ(Shown(Money("JPY", 1234, 0), MoneyUnit::kWan, "JPY"), "0.1234万");
  EXPECT_EQ(Shown(Money("KWD", 1, 500'000'000), MoneyUnit::kOne, "KWD"), "1.500");
  EXPECT_EQ(Shown(Money("", 7, 0), MoneyUnit::kOne), "7");
}

TEST(FormatMoneyTest, AnotherCurrencyNamesItsCodeAndUsesItsDigits) {
  EXPECT_EQ(Shown(Money("USD", 2'300'000, 0), MoneyUnit::kWan), "230万 USD");
  EXPECT_EQ(Shown(Money("KWD", 1, 500'000'000), MoneyUnit::kOne), "1.500 KWD");
  EXPECT_EQ(Shown(Money("CNY", 1, 500'000'000), MoneyUnit::kOne, "JPY"), "1.50 CNY");
}

// What the CLI shows, typed back in, is the same amount: every unit, currencies with 0, 2 and
// 3 decimals.
TEST(MoneyTextTest, WhatIsShownParsesBack) {
  for (const std::string currency : {"JPY", "CNY", "KWD"}) {
    for (const char* text : {"1,234", "230万", "2.8亿", "0.0001万", "12,345,678"}) {
      absl::StatusOr<google::type::Money> money = ParseMoney(text, currency);
      ASSERT_TRUE(money.ok()) << text << " " << currency;
      for (MoneyUnit unit : {MoneyUnit::kOne, MoneyUnit::kWan, MoneyUnit::kYi}) {
        const std::string shown = Shown(*money, unit, currency);
        absl::StatusOr<google::type::Money> again = ParseMoney(shown, currency);
        ASSERT_TRUE(again.ok()) << shown << " " << currency;
        EXPECT_EQ(again->units(), money->units()) << shown;
        EXPECT_EQ(again->nanos(), money->nanos()) << shown;
      }
    }
  }
}

}  // namespace
}  // namespace techmatch::client
