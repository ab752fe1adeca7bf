#include "core/money/amount_text.h"

#include "absl/strings/str_cat.h"

namespace techmatch {

std::string ChineseAmount(int64_t minor_units, const Currency& currency, ChineseScript script) {
  if (minor_units < 0) minor_units = 0;  // Amounts are never negative (see money.h).
  MoneyStyle style;
  style.unit = std::nullopt;
  style.max_decimals = 2;
  style.minor_digits = MinorDigits::kTrimmed;
  style.group_thousands = false;
  style.script = script;
  return absl::StrCat(
      FormatMoneyText(AmountOfMinorUnits(minor_units, currency.minor_digits()),
                      currency.minor_digits(), style),
      currency.code() == "CNY" ? std::string("元") : absl::StrCat(" ", currency.code()));
}

std::string EnglishAmount(int64_t minor_units, const Currency& currency) {
  MoneyStyle style;
  style.minor_digits = MinorDigits::kAlways;
  return absl::StrCat(currency.code(), " ",
                      FormatMoneyText(AmountOfMinorUnits(minor_units, currency.minor_digits()),
                                      currency.minor_digits(), style));
}

}  // namespace techmatch
