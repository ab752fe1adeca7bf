#include "core/money/money.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"
#include "tests/core/violation_matchers.h"

namespace techmatch {
namespace {

using ::techmatch::testing::Fields;
using ::techmatch::testing::IsOk;
using ::techmatch::testing::StatusIs;
using ::techmatch::testing::Violation;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Optional;
using ::testing::UnorderedElementsAre;

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();

Currency Cny() { return *Currency::FromCode("CNY"); }

// Converts and returns the minor units; the violations land in `violations`.
std::optional<int64_t> Convert(const MoneyParts& parts, Violations& violations,
                               const Currency& currency = Cny()) {
  return MinorUnitsFromParts(parts, currency, "budget", violations);
}

TEST(CurrencyTest, KnowsMinorDigits) {
  TM_ASSERT_OK_AND_ASSIGN(Currency cny, Currency::FromCode("CNY"));
  EXPECT_EQ(cny.code(), "CNY");
  EXPECT_EQ(cny.minor_digits(), 2);
  EXPECT_EQ(cny.minor_per_unit(), 100);
  TM_ASSERT_OK_AND_ASSIGN(Currency jpy, Currency::FromCode("JPY"));
  EXPECT_EQ(jpy.minor_digits(), 0);
  EXPECT_EQ(jpy.minor_per_unit(), 1);
  TM_ASSERT_OK_AND_ASSIGN(Currency kwd, Currency::FromCode("KWD"));
  EXPECT_EQ(kwd.minor_digits(), 3);
  EXPECT_EQ(kwd.minor_per_unit(), 1000);
}

TEST(CurrencyTest, RejectsMalformedCodes) {
  for (const char* code : {"", "cny", "CN", "CNYY", "C1Y", "人民币"}) {
    EXPECT_THAT(Currency::FromCode(code), StatusIs(absl::StatusCode::kInvalidArgument)) << code;
  }
}

TEST(MoneyTest, ConvertsUnitsAndNanosToFenExactly) {
  Violations violations;
  EXPECT_THAT(Convert({"CNY", 2300000, 500000000}, violations), Optional(230000050));
  EXPECT_THAT(Convert({"CNY", 0, 10000000}, violations), Optional(1));
  EXPECT_THAT(Convert({"CNY", 0, 990000000}, violations), Optional(99));
  EXPECT_THAT(Convert({"CNY", 0, 0}, violations), Optional(0));
  EXPECT_THAT(Convert({"CNY", 12345, 670000000}, violations), Optional(1234567));
  EXPECT_TRUE(violations.empty()) << violations.ToStatus();
}

TEST(MoneyTest, RejectsAnotherCurrency) {
  Violations violations;
  EXPECT_EQ(Convert({"USD", 10, 0}, violations), std::nullopt);
  EXPECT_THAT(violations.list(),
              ElementsAre(Violation("budget.currency_code", HasSubstr("base currency CNY"))));
}

TEST(MoneyTest, RejectsAMissingCurrency) {
  Violations violations;
  EXPECT_EQ(Convert({"", 10, 0}, violations), std::nullopt);
  EXPECT_THAT(Fields(violations), ElementsAre("budget.currency_code"));
}

TEST(MoneyTest, RejectsNanosOutOfRange) {
  for (int32_t nanos : {1000000000, -1000000000, std::numeric_limits<int32_t>::max(),
                        std::numeric_limits<int32_t>::min()}) {
    Violations violations;
    EXPECT_EQ(Convert({"CNY", 0, nanos}, violations), std::nullopt) << nanos;
    EXPECT_THAT(violations.list(), Contains(Violation("budget.nanos", HasSubstr("between"))))
        << nanos;
  }
}

TEST(MoneyTest, RejectsMixedSignsAsOneMistakeOnNanos) {
  // 1 unit and -0.10 is malformed, not negative: one violation, on nanos.
  Violations violations;
  EXPECT_EQ(Convert({"CNY", 1, -100000000}, violations), std::nullopt);
  EXPECT_THAT(violations.list(), ElementsAre(Violation("budget.nanos", HasSubstr("same sign"))));

  Violations negative_units;
  EXPECT_EQ(Convert({"CNY", -1, 100000000}, negative_units), std::nullopt);
  EXPECT_THAT(Fields(negative_units), Contains("budget.nanos"));
}

TEST(MoneyTest, RejectsPrecisionFinerThanAFen) {
  Violations violations;
  EXPECT_EQ(Convert({"CNY", 1, 5000000}, violations), std::nullopt);  // 1.005 yuan
  EXPECT_THAT(violations.list(),
              ElementsAre(Violation("budget.nanos", HasSubstr("finer than the minor unit"))));
  Violations one_nano;
  EXPECT_EQ(Convert({"CNY", 0, 1}, one_nano), std::nullopt);
  EXPECT_THAT(Fields(one_nano), ElementsAre("budget.nanos"));
}

TEST(MoneyTest, WholeUnitCurrencyRejectsAnyFraction) {
  TM_ASSERT_OK_AND_ASSIGN(Currency jpy, Currency::FromCode("JPY"));
  Violations violations;
  EXPECT_THAT(Convert({"JPY", 1500, 0}, violations, jpy), Optional(1500));
  EXPECT_EQ(Convert({"JPY", 1500, 10000000}, violations, jpy), std::nullopt);
  EXPECT_THAT(Fields(violations), ElementsAre("budget.nanos"));
}

TEST(MoneyTest, ThreeDigitCurrencyKeepsMils) {
  TM_ASSERT_OK_AND_ASSIGN(Currency kwd, Currency::FromCode("KWD"));
  Violations violations;
  EXPECT_THAT(Convert({"KWD", 1, 234000000}, violations, kwd), Optional(1234));
  EXPECT_TRUE(violations.empty());
}

TEST(MoneyTest, RejectsNegativeAmounts) {
  Violations units;
  EXPECT_EQ(Convert({"CNY", -5, 0}, units), std::nullopt);
  EXPECT_THAT(units.list(), ElementsAre(Violation("budget", HasSubstr("negative"))));
  Violations nanos;
  EXPECT_EQ(Convert({"CNY", 0, -10000000}, nanos), std::nullopt);
  EXPECT_THAT(nanos.list(), ElementsAre(Violation("budget", HasSubstr("negative"))));
  Violations both;
  EXPECT_EQ(Convert({"CNY", -5, -500000000}, both), std::nullopt);
  EXPECT_THAT(Fields(both), ElementsAre("budget"));
}

TEST(MoneyTest, RejectsOverflowInsteadOfWrapping) {
  Violations violations;
  EXPECT_EQ(Convert({"CNY", kMax, 0}, violations), std::nullopt);
  EXPECT_THAT(violations.list(), ElementsAre(Violation("budget.units", HasSubstr("too large"))));
  Violations just_over;
  EXPECT_EQ(Convert({"CNY", kMax / 100 + 1, 0}, just_over), std::nullopt);
  EXPECT_THAT(Fields(just_over), ElementsAre("budget.units"));
}

TEST(MoneyTest, AcceptsTheLargestRepresentableAmounts) {
  Violations violations;
  const int64_t units = kMax / 100 - 1;
  EXPECT_THAT(Convert({"CNY", units, 990000000}, violations), Optional(units * 100 + 99));
  EXPECT_TRUE(violations.empty()) << violations.ToStatus();
}

TEST(MoneyTest, ReportsEveryProblemAtOnce) {
  Violations violations;
  EXPECT_EQ(Convert({"USD", 1, 1000000000}, violations), std::nullopt);
  EXPECT_THAT(Fields(violations), UnorderedElementsAre("budget.currency_code", "budget.nanos"));
}

TEST(MoneyTest, KeepsEarlierViolationsAndReportsOnlyItsOwnFailure) {
  Violations violations;
  violations.Add("title", "is required");
  EXPECT_THAT(Convert({"CNY", 10, 0}, violations), Optional(1000));
  EXPECT_THAT(Fields(violations), ElementsAre("title"));
}

TEST(MoneyTest, PartsFromMinorUnitsIsExact) {
  const MoneyParts parts = PartsFromMinorUnits(230000050, Cny());
  EXPECT_EQ(parts.currency_code, "CNY");
  EXPECT_EQ(parts.units, 2300000);
  EXPECT_EQ(parts.nanos, 500000000);

  const MoneyParts one_fen = PartsFromMinorUnits(1, Cny());
  EXPECT_EQ(one_fen.units, 0);
  EXPECT_EQ(one_fen.nanos, 10000000);

  // Negative sums (e.g. differences in reports) keep units and nanos of one sign.
  const MoneyParts negative = PartsFromMinorUnits(-150, Cny());
  EXPECT_EQ(negative.units, -1);
  EXPECT_EQ(negative.nanos, -500000000);
}

TEST(MoneyTest, RoundTripsThroughMinorUnits) {
  for (int64_t fen : {int64_t{0}, int64_t{1}, int64_t{99}, int64_t{100}, int64_t{230000050},
                      int64_t{123456789012345}, kMax / 100 * 100 - 1}) {
    const MoneyParts parts = PartsFromMinorUnits(fen, Cny());
    Violations violations;
    EXPECT_THAT(Convert(parts, violations), Optional(fen)) << violations.ToStatus();
  }
  TM_ASSERT_OK_AND_ASSIGN(Currency kwd, Currency::FromCode("KWD"));
  const MoneyParts parts = PartsFromMinorUnits(1234, kwd);
  EXPECT_EQ(parts.units, 1);
  EXPECT_EQ(parts.nanos, 234000000);
  Violations violations;
  EXPECT_THAT(Convert(parts, violations, kwd), Optional(1234));
}

TEST(CheckedAddTest, AddsWithinRange) {
  EXPECT_THAT(CheckedAdd(1, 2), IsOk());
  EXPECT_EQ(*CheckedAdd(230000050, 99), 230000149);
  EXPECT_EQ(*CheckedAdd(kMax - 1, 1), kMax);
  EXPECT_EQ(*CheckedAdd(-5, 3), -2);
}

TEST(CheckedAddTest, RefusesOverflow) {
  EXPECT_THAT(CheckedAdd(kMax, 1), StatusIs(absl::StatusCode::kOutOfRange));
  EXPECT_THAT(CheckedAdd(kMax, kMax), StatusIs(absl::StatusCode::kOutOfRange));
  EXPECT_THAT(CheckedAdd(std::numeric_limits<int64_t>::min(), -1),
              StatusIs(absl::StatusCode::kOutOfRange));
}

}  // namespace
}  // namespace techmatch
