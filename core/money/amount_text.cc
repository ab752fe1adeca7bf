#include "core/money/amount_text.h"

#include "absl/strings/str_cat.h"

namespace techmatch {
namespace {

// `hundredths` / 100 with up to two decimals and no trailing zeros.
std::string TwoDecimals(__int128 hundredths) {
  const int64_t whole = static_cast<int64_t>(hundredths / 100);
  const int cents = static_cast<int>(hundredths % 100);
  if (cents == 0) return absl::StrCat(whole);
  if (cents % 10 == 0) return absl::StrCat(whole, ".", cents / 10);
  return absl::StrCat(whole, ".", cents / 10, cents % 10);
}

// `minor` minor units in whole units of size `unit_minor` (minor units per unit), rounded half
// up to hundredths of that unit.
__int128 RoundedHundredths(int64_t minor, __int128 unit_minor) {
  return (static_cast<__int128>(minor) * 100 + unit_minor / 2) / unit_minor;
}

}  // namespace

std::string ChineseAmount(int64_t minor_units, const Currency& currency, ChineseScript script) {
  const bool simplified = script == ChineseScript::kSimplified;
  const std::string suffix =
      currency.code() == "CNY" ? std::string("元") : absl::StrCat(" ", currency.code());
  const absl::string_view yi = simplified ? "亿" : "億";
  const absl::string_view wan = simplified ? "万" : "萬";
  if (minor_units < 0) minor_units = 0;  // Amounts are never negative (see money.h).
  const __int128 per_unit = currency.minor_per_unit();
  const __int128 yi_minor = per_unit * 100'000'000;
  const __int128 wan_minor = per_unit * 10'000;
  if (minor_units >= yi_minor) {
    return absl::StrCat(TwoDecimals(RoundedHundredths(minor_units, yi_minor)), yi, suffix);
  }
  if (minor_units >= wan_minor) {
    const __int128 in_wan = RoundedHundredths(minor_units, wan_minor);
    if (in_wan >= 10000 * 100) return absl::StrCat("1", yi, suffix);
    return absl::StrCat(TwoDecimals(in_wan), wan, suffix);
  }
  // Below 1萬: whole units and at most two decimals (exact for CNY's fen).
  return absl::StrCat(TwoDecimals(RoundedHundredths(minor_units, per_unit)), suffix);
}

namespace {

std::string Grouped(uint64_t n) {
  const std::string digits = absl::StrCat(n);
  std::string out;
  const size_t lead = digits.size() % 3;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (i + 3 - lead) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

uint64_t Magnitude(int64_t n) {
  return n < 0 ? static_cast<uint64_t>(-(n + 1)) + 1 : static_cast<uint64_t>(n);
}

}  // namespace

std::string WithThousandsSeparators(int64_t n) {
  return absl::StrCat(n < 0 ? "-" : "", Grouped(Magnitude(n)));
}

std::string EnglishAmount(int64_t minor_units, const Currency& currency) {
  const int64_t per_unit = currency.minor_per_unit();
  const bool negative = minor_units < 0;
  const uint64_t magnitude = Magnitude(minor_units);
  const uint64_t whole = magnitude / static_cast<uint64_t>(per_unit);
  const uint64_t fraction = magnitude % static_cast<uint64_t>(per_unit);
  std::string text = absl::StrCat(currency.code(), " ", negative ? "-" : "", Grouped(whole));
  if (currency.minor_digits() > 0) {
    const std::string digits = absl::StrCat(fraction);
    const size_t width = static_cast<size_t>(currency.minor_digits());
    absl::StrAppend(&text, ".", std::string(width > digits.size() ? width - digits.size() : 0, '0'),
                    digits);
  }
  return text;
}

}  // namespace techmatch
