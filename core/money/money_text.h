// Money as text, exactly: amounts as people type them (`1,234.56`, `230万`, `2.8億`) read into
// integer minor units, and amounts written in ones, 萬 or 億. The one implementation behind the
// CLI's flags and tables and the domain's narratives, in any currency (ISO 4217 minor units).
//
// Decimal digit strings and integers only: a binary float cannot hold 0.01 exactly, and a
// fair's sums must be exact to the minor unit. Depends on Abseil alone, so the CLI links it
// without the rest of the domain.
#ifndef TECHMATCH_CORE_MONEY_MONEY_TEXT_H_
#define TECHMATCH_CORE_MONEY_MONEY_TEXT_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace techmatch {

// The ISO 4217 minor-unit exponent of `currency_code` (decimal places of its minor unit): 0
// for JPY, KRW, VND and the other currencies without one, 3 for KWD, BHD, JOD and the others
// counted in thousandths, 4 for CLF and UYW, and 2 for every other code.
int MinorDigitsOf(absl::string_view currency_code);

// An amount in google.type.Money's shape without the currency: whole units plus nanos
// (billionths) of a unit, of the same sign.
struct MoneyAmount {
  int64_t units = 0;
  int32_t nanos = 0;

  friend bool operator==(const MoneyAmount&, const MoneyAmount&) = default;
};

// `minor_units` of a currency with `minor_digits` (0–9) decimal places, exactly.
MoneyAmount AmountOfMinorUnits(int64_t minor_units, int minor_digits);
// The amount in minor units, or nullopt when it is finer than the minor unit or does not fit
// in 64 bits. Signs are not checked (units and nanos are taken to agree).
std::optional<int64_t> MinorUnitsOfAmount(const MoneyAmount& amount, int minor_digits);

// The units amounts are counted in: ones (元, yen, dinars), 萬 (10^4) or 億 (10^8).
enum class MoneyUnit { kOne, kWan, kYi };
enum class ChineseScript { kSimplified, kTraditional };

// "yuan", "wan" or "yi" in any case (also 元, 万/萬, 亿/億): the CLI's --unit.
absl::StatusOr<MoneyUnit> ParseMoneyUnit(absl::string_view text);

// Reads a non-negative amount into minor units of a currency with `minor_digits` decimal
// places. Accepted: digits with optional comma grouping in threes (`1,234,567`), an optional
// fraction (`.56`), an optional multiplier 万/萬 (10^4) or 亿/億 (10^8), an optional trailing 元
// and leading ¥/￥, spaces around. Refused with INVALID_ARGUMENT saying why: anything finer than
// the minor unit (`1.234` for CNY, `1.5` for JPY: never rounded), a negative or malformed
// amount, one beyond 64-bit minor units.
absl::StatusOr<int64_t> ParseMoneyText(absl::string_view text, int minor_digits);

// How many digits follow the decimal point of an amount in ones (萬 and 億 always trim).
enum class MinorDigits {
  kTrimmed,       // No trailing zeros: `0.5`, `800`.
  kWithFraction,  // All the minor digits when there is a fraction: `1,234.50`, `2,300,000`.
  kAlways,        // All the minor digits always: `2,300,000.00` (accounts).
};

// How FormatMoneyText writes an amount.
struct MoneyStyle {
  // The unit; nullopt picks the largest the amount reaches (1億 or more in 億, 1萬 or more in
  // 萬, else ones).
  std::optional<MoneyUnit> unit = MoneyUnit::kOne;
  // The precision, the one rule for 萬 and 億. nullopt: exact, every digit up to the last one
  // that is not zero (`230万`, `1.234567万`, `0.00005亿`): tables and the CLI, whose amounts
  // read back exactly. n: rounded half up to at most n decimals of the unit, trailing zeros
  // trimmed (12,345元 with n = 2 is `1.23萬`): summaries; when the unit is picked and rounding
  // reaches 10,000 of it, the next unit is taken (99,999,999.99元 is `1億`, not `10000萬`).
  std::optional<int> max_decimals;
  MinorDigits minor_digits = MinorDigits::kWithFraction;
  bool group_thousands = true;                        // `28,000万`, `1,234.56`
  ChineseScript script = ChineseScript::kSimplified;  // 万/亿 or 萬/億 after the number
};

// `amount` of a currency with `minor_digits` decimal places, as `style` says: a minus sign if
// negative, the number, 万/亿 (萬/億) for those units. Exact for every units/nanos pair.
std::string FormatMoneyText(const MoneyAmount& amount, int minor_digits, const MoneyStyle& style);

// `n` with thousands separators, e.g. `-1,234,567`.
std::string WithThousandsSeparators(int64_t n);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_MONEY_MONEY_TEXT_H_
