#include "client/money_text.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "absl/numeric/int128.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace techmatch::client {
namespace {

constexpr int kFenDigits = 2;   // The smallest amount a contract states is one fen (0.01 yuan).
constexpr int kNanoDigits = 9;  // google.type.Money keeps fractions as nanos.

bool AllDigits(absl::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return absl::ascii_isdigit(c); });
}

// Removes `suffix` (any of `alternatives`) from the end of `text`; true when one was there.
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

}  // namespace

absl::StatusOr<MoneyUnit> ParseMoneyUnit(absl::string_view text) {
  const std::string lower = absl::AsciiStrToLower(absl::StripAsciiWhitespace(text));
  if (lower == "yuan" || lower == "元") return MoneyUnit::kYuan;
  if (lower == "wan" || lower == "万" || lower == "萬") return MoneyUnit::kWan;
  if (lower == "yi" || lower == "亿" || lower == "億") return MoneyUnit::kYi;
  return absl::InvalidArgumentError(
      absl::StrCat("unknown money unit '", text, "': use yuan, wan or yi"));
}

absl::StatusOr<MoneyAmount> ParseMoneyText(absl::string_view text) {
  const absl::string_view original = text;
  text = absl::StripAsciiWhitespace(text);
  if (!absl::ConsumePrefix(&text, "¥")) absl::ConsumePrefix(&text, "￥");
  ConsumeAnySuffix(text, {"元"});
  int scale = 0;  // Decimal places the multiplier shifts by.
  if (ConsumeAnySuffix(text, {"万", "萬"})) {
    scale = 4;
  } else if (ConsumeAnySuffix(text, {"亿", "億"})) {
    scale = 8;
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
  const int max_fraction = scale + kFenDigits;
  if (static_cast<int>(fraction.size()) > max_fraction) {
    return Invalid(original, "it is finer than one fen (0.01 yuan)");
  }

  // The amount in fen, as a digit string: integer digits, then the fraction padded out.
  std::string fen_digits = absl::StrReplaceAll(integer, {{",", ""}});
  absl::StrAppend(&fen_digits, fraction);
  fen_digits.append(max_fraction - fraction.size(), '0');
  fen_digits.erase(0, std::min(fen_digits.find_first_not_of('0'), fen_digits.size() - 1));
  int64_t fen = 0;
  if (!absl::SimpleAtoi(fen_digits, &fen)) return Invalid(original, "it is too large");
  return MoneyAmount{fen / 100, static_cast<int32_t>(fen % 100) * 10'000'000};
}

std::string FormatMoneyText(int64_t units, int32_t nanos, MoneyUnit unit) {
  const bool negative = units < 0 || nanos < 0;
  // The magnitude in unsigned arithmetic: |INT64_MIN| does not fit in int64 but fits uint64.
  const uint64_t abs_units =
      units < 0 ? uint64_t{0} - static_cast<uint64_t>(units) : static_cast<uint64_t>(units);
  const absl::uint128 abs_nanos = static_cast<uint64_t>(nanos < 0 ? -int64_t{nanos} : nanos);
  std::string digits = ToDecimal(absl::uint128(abs_units) * 1'000'000'000 + abs_nanos);

  const int shift = unit == MoneyUnit::kWan ? 4 : unit == MoneyUnit::kYi ? 8 : 0;
  const size_t fraction_digits = static_cast<size_t>(kNanoDigits + shift);
  if (digits.size() <= fraction_digits) {
    digits.insert(0, fraction_digits + 1 - digits.size(), '0');
  }
  const std::string integer = digits.substr(0, digits.size() - fraction_digits);
  std::string fraction = digits.substr(digits.size() - fraction_digits);
  fraction.erase(fraction.find_last_not_of('0') + 1);
  if (unit == MoneyUnit::kYuan && !fraction.empty() && fraction.size() < kFenDigits) {
    fraction.append(kFenDigits - fraction.size(), '0');
  }

  std::string out = negative ? "-" : "";
  absl::StrAppend(&out, GroupThousands(integer));
  if (!fraction.empty()) absl::StrAppend(&out, ".", fraction);
  if (unit == MoneyUnit::kWan) absl::StrAppend(&out, "万");
  if (unit == MoneyUnit::kYi) absl::StrAppend(&out, "亿");
  return out;
}

}  // namespace techmatch::client
