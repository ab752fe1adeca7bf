#include "core/money/money_text.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <vector>

#include "absl/numeric/int128.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace techmatch {
namespace {

constexpr int kNanoDigits = 9;  // google.type.Money keeps fractions as nanos.
constexpr int64_t kNanosPerUnit = 1'000'000'000;

// ISO 4217 (list one, as amended to 2024): the currencies whose minor unit is not 1/100.
struct Exponent {
  const char* code;
  int digits;
};
constexpr std::array<Exponent, 26> kExponents = {{
    {"BHD", 3}, {"BIF", 0}, {"CLF", 4}, {"CLP", 0}, {"DJF", 0}, {"GNF", 0}, {"IQD", 3},
    {"ISK", 0}, {"JOD", 3}, {"JPY", 0}, {"KMF", 0}, {"KRW", 0}, {"KWD", 3}, {"LYD", 3},
    {"OMR", 3}, {"PYG", 0}, {"RWF", 0}, {"TND", 3}, {"UGX", 0}, {"UYI", 0}, {"UYW", 4},
    {"VND", 0}, {"VUV", 0}, {"XAF", 0}, {"XOF", 0}, {"XPF", 0},
}};

int64_t Pow10(int digits) {
  int64_t p = 1;
  for (int i = 0; i < digits; ++i) p *= 10;
  return p;
}

absl::uint128 Pow10Wide(int digits) {
  absl::uint128 p = 1;
  for (int i = 0; i < digits; ++i) p *= 10;
  return p;
}

int ShiftOf(MoneyUnit unit) {
  switch (unit) {
    case MoneyUnit::kOne:
      return 0;
    case MoneyUnit::kWan:
      return 4;
    case MoneyUnit::kYi:
      return 8;
  }
  return 0;
}

bool AllDigits(absl::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return absl::ascii_isdigit(c); });
}

// Removes one of `options` from the end of `text`; true when one was there.
bool ConsumeAnySuffix(absl::string_view& text, std::initializer_list<absl::string_view> options) {
  for (absl::string_view option : options) {
    if (absl::ConsumeSuffix(&text, option)) return true;
  }
  return false;
}

absl::Status Invalid(absl::string_view text, absl::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat("'", text, "' is not an amount: ", why));
}

// Checks the integer part: plain digits, or comma groups of exactly three after the first.
absl::Status CheckIntegerPart(absl::string_view original, absl::string_view integer) {
  if (integer.empty()) return Invalid(original, "digits are missing before the decimal point");
  if (!absl::StrContains(integer, ',')) {
    if (!AllDigits(integer)) return Invalid(original, "use digits, commas and one decimal point");
    return absl::OkStatus();
  }
  std::vector<absl::string_view> groups = absl::StrSplit(integer, ',');
  for (size_t i = 0; i < groups.size(); ++i) {
    const bool size_ok =
        i == 0 ? (!groups[i].empty() && groups[i].size() <= 3) : groups[i].size() == 3;
    if (!size_ok || !AllDigits(groups[i])) {
      return Invalid(original, "commas must separate groups of three digits (1,234,567)");
    }
  }
  return absl::OkStatus();
}

// Decimal digits with a comma before every group of three from the right.
std::string GroupThousands(absl::string_view digits) {
  std::string out;
  const size_t first = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
  absl::StrAppend(&out, digits.substr(0, first));
  for (size_t i = first; i < digits.size(); i += 3) {
    out.push_back(',');
    absl::StrAppend(&out, digits.substr(i, 3));
  }
  return out;
}

std::string ToDecimal(absl::uint128 value) {
  if (value == 0) return "0";
  std::string digits;
  while (value != 0) {
    digits.push_back(static_cast<char>('0' + static_cast<int>(value % 10)));
    value /= 10;
  }
  std::reverse(digits.begin(), digits.end());
  return digits;
}

// |n| without overflow: |INT64_MIN| does not fit in int64 but fits in uint64.
uint64_t Magnitude(int64_t n) {
  return n < 0 ? uint64_t{0} - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
}

// `nanos` (billionths of a unit) rounded half up to `decimals` decimals of `unit`.
absl::uint128 Rounded(absl::uint128 nanos, MoneyUnit unit, int decimals) {
  const int dropped = kNanoDigits + ShiftOf(unit) - decimals;
  if (dropped <= 0) return nanos;
  const absl::uint128 step = Pow10Wide(dropped);
  return (nanos + step / 2) / step * step;
}

}  // namespace

int MinorDigitsOf(absl::string_view currency_code) {
  for (const Exponent& e : kExponents) {
    if (currency_code == e.code) return e.digits;
  }
  return 2;
}

MoneyAmount AmountOfMinorUnits(int64_t minor_units, int minor_digits) {
  const int64_t per_unit = Pow10(minor_digits);
  return MoneyAmount{minor_units / per_unit,
                     static_cast<int32_t>((minor_units % per_unit) * (kNanosPerUnit / per_unit))};
}

std::optional<int64_t> MinorUnitsOfAmount(const MoneyAmount& amount, int minor_digits) {
  const int64_t per_unit = Pow10(minor_digits);
  const int64_t nanos_per_minor = kNanosPerUnit / per_unit;
  if (amount.nanos % nanos_per_minor != 0) return std::nullopt;
  int64_t minor;
  if (__builtin_mul_overflow(amount.units, per_unit, &minor) ||
      __builtin_add_overflow(minor, amount.nanos / nanos_per_minor, &minor)) {
    return std::nullopt;
  }
  return minor;
}

absl::StatusOr<MoneyUnit> ParseMoneyUnit(absl::string_view text) {
  const std::string lower = absl::AsciiStrToLower(absl::StripAsciiWhitespace(text));
  if (lower == "yuan" || lower == "元") return MoneyUnit::kOne;
  if (lower == "wan" || lower == "万" || lower == "萬") return MoneyUnit::kWan;
  if (lower == "yi" || lower == "亿" || lower == "億") return MoneyUnit::kYi;
  return absl::InvalidArgumentError(
      absl::StrCat("unknown money unit '", text, "': use yuan, wan or yi"));
}

absl::StatusOr<int64_t> ParseMoneyText(absl::string_view text, int minor_digits) {
  const absl::string_view original = text;
  text = absl::StripAsciiWhitespace(text);
  if (!absl::ConsumePrefix(&text, "¥")) absl::ConsumePrefix(&text, "￥");
  ConsumeAnySuffix(text, {"元"});
  int shift = 0;  // Decimal places the multiplier shifts by.
  if (ConsumeAnySuffix(text, {"万", "萬"})) {
    shift = 4;
  } else if (ConsumeAnySuffix(text, {"亿", "億"})) {
    shift = 8;
  }
  text = absl::StripAsciiWhitespace(text);
  if (text.empty()) return Invalid(original, "no digits");
  if (text.front() == '-') return Invalid(original, "amounts must not be negative");
  if (text.front() == '+') text.remove_prefix(1);

  absl::string_view integer = text;
  absl::string_view fraction;
  bool has_point = false;
  if (const size_t point = text.find('.'); point != absl::string_view::npos) {
    has_point = true;
    integer = text.substr(0, point);
    fraction = text.substr(point + 1);
  }
  if (absl::Status status = CheckIntegerPart(original, integer); !status.ok()) return status;
  if (has_point && (fraction.empty() || !AllDigits(fraction))) {
    return Invalid(original, "digits must follow the decimal point");
  }
  const size_t max_fraction = static_cast<size_t>(shift + minor_digits);
  if (fraction.size() > max_fraction) {
    // Counted in digits written, not in value: `1.50` yen claims a fraction yen do not have.
    return Invalid(original,
                   minor_digits == 0
                       ? absl::StrCat("the currency has no minor unit: whole amounts only")
                       : absl::StrCat("it is finer than the currency's minor unit (", minor_digits,
                                      " decimal places)"));
  }

  // The amount in minor units, as a digit string: integer digits, then the fraction padded out.
  std::string minor_digits_text;
  for (char c : integer) {
    if (c != ',') minor_digits_text.push_back(c);
  }
  absl::StrAppend(&minor_digits_text, fraction);
  minor_digits_text.append(max_fraction - fraction.size(), '0');
  minor_digits_text.erase(
      0, std::min(minor_digits_text.find_first_not_of('0'), minor_digits_text.size() - 1));
  int64_t minor = 0;
  if (!absl::SimpleAtoi(minor_digits_text, &minor)) return Invalid(original, "it is too large");
  return minor;
}

std::string FormatMoneyText(const MoneyAmount& amount, int minor_digits, const MoneyStyle& style) {
  const bool negative = amount.units < 0 || amount.nanos < 0;
  const absl::uint128 nanos =
      absl::uint128(Magnitude(amount.units)) * kNanosPerUnit + Magnitude(int64_t{amount.nanos});

  MoneyUnit unit = style.unit.value_or(MoneyUnit::kOne);
  if (!style.unit.has_value()) {
    if (nanos >= Pow10Wide(kNanoDigits + 8)) {
      unit = MoneyUnit::kYi;
    } else if (nanos >= Pow10Wide(kNanoDigits + 4)) {
      unit = MoneyUnit::kWan;
    }
  }
  absl::uint128 shown = nanos;
  if (style.max_decimals.has_value()) {
    shown = Rounded(nanos, unit, *style.max_decimals);
    // Rounded up to 10,000 of a picked unit: the next unit says it (from the exact amount).
    if (!style.unit.has_value() && unit != MoneyUnit::kYi &&
        shown >= Pow10Wide(kNanoDigits + ShiftOf(unit) + 4)) {
      unit = unit == MoneyUnit::kOne ? MoneyUnit::kWan : MoneyUnit::kYi;
      shown = Rounded(nanos, unit, *style.max_decimals);
    }
  }

  const size_t fraction_digits = static_cast<size_t>(kNanoDigits + ShiftOf(unit));
  std::string digits = ToDecimal(shown);
  if (digits.size() <= fraction_digits) digits.insert(0, fraction_digits + 1 - digits.size(), '0');
  const std::string integer = digits.substr(0, digits.size() - fraction_digits);
  std::string fraction = digits.substr(digits.size() - fraction_digits);
  fraction.erase(fraction.find_last_not_of('0') + 1);
  if (unit == MoneyUnit::kOne) {
    const size_t minor = static_cast<size_t>(minor_digits);
    const bool pad = style.minor_digits == MinorDigits::kAlways ||
                     (style.minor_digits == MinorDigits::kWithFraction && !fraction.empty());
    if (pad && fraction.size() < minor) fraction.append(minor - fraction.size(), '0');
  }

  std::string out = negative && shown != 0 ? "-" : "";
  absl::StrAppend(&out, style.group_thousands ? GroupThousands(integer) : integer);
  if (!fraction.empty()) absl::StrAppend(&out, ".", fraction);
  const bool simplified = style.script == ChineseScript::kSimplified;
  if (unit == MoneyUnit::kWan) absl::StrAppend(&out, simplified ? "万" : "萬");
  if (unit == MoneyUnit::kYi) absl::StrAppend(&out, simplified ? "亿" : "億");
  return out;
}

std::string WithThousandsSeparators(int64_t n) {
  return absl::StrCat(n < 0 ? "-" : "", GroupThousands(absl::StrCat(Magnitude(n))));
}

}  // namespace techmatch
