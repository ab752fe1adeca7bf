// Money as people type it and as the wire carries it, in currencies with 0, 2 and 3 decimal
// places (core/money/money_text, core/money/money): parsing never crashes; every amount that
// parses, written exactly in each unit and script, with and without grouping, parses back to
// the same amount; written rounded as summaries write it, it parses back to within half the
// rounding step; wire parts convert to minor units and back exactly or are refused.
//
// Input: a mode byte, then the text (even modes) or wire parts (odd modes: units int64 and
// nanos int32, big-endian). Mode bits 2–3 pick the currency (CNY, JPY, KWD), bit 1 of an odd
// mode a currency other than the base one.
#include <cstdlib>
#include <cstring>

#include "core/common/field_violations.h"
#include "core/money/money.h"
#include "core/money/money_text.h"
#include "fuzz/fuzz_input.h"

namespace {

using techmatch::ChineseScript;
using techmatch::MoneyAmount;
using techmatch::MoneyStyle;
using techmatch::MoneyUnit;

const char* CurrencyOf(uint8_t mode) {
  static const char* const kCodes[] = {"CNY", "JPY", "KWD"};
  return kCodes[(mode >> 2) % 3];
}

void CheckText(const std::string& text, int digits) {
  absl::StatusOr<int64_t> minor = techmatch::ParseMoneyText(text, digits);
  if (!minor.ok()) {
    if (minor.status().code() != absl::StatusCode::kInvalidArgument) std::abort();
    return;
  }
  if (*minor < 0) std::abort();
  const MoneyAmount amount = techmatch::AmountOfMinorUnits(*minor, digits);
  if (techmatch::MinorUnitsOfAmount(amount, digits) != *minor) std::abort();
  for (MoneyUnit unit : {MoneyUnit::kOne, MoneyUnit::kWan, MoneyUnit::kYi}) {
    for (ChineseScript script : {ChineseScript::kSimplified, ChineseScript::kTraditional}) {
      for (bool grouped : {true, false}) {
        MoneyStyle style;
        style.unit = unit;
        style.script = script;
        style.group_thousands = grouped;
        const std::string written = techmatch::FormatMoneyText(amount, digits, style);
        absl::StatusOr<int64_t> again = techmatch::ParseMoneyText(written, digits);
        if (!again.ok() || *again != *minor) std::abort();
      }
    }
  }
  // Rounded to two decimals of the picked unit: off by at most half a step (a step is 0.01 of
  // the unit the text names), when the rounded text still fits in 64-bit minor units.
  MoneyStyle summary;
  summary.unit = std::nullopt;
  summary.max_decimals = 2;
  const std::string rounded = techmatch::FormatMoneyText(amount, digits, summary);
  absl::StatusOr<int64_t> back = techmatch::ParseMoneyText(rounded, digits);
  if (!back.ok()) return;
  const bool yi = rounded.find("亿") != std::string::npos;
  const bool wan = rounded.find("万") != std::string::npos;
  __int128 step = 1;  // 0.01 of the unit, in minor units × 100
  for (int i = 0; i < digits + (yi ? 8 : wan ? 4 : 0); ++i) step *= 10;
  const __int128 off = (static_cast<__int128>(*back) - *minor) * 100;
  if (off < -step / 2 || off > step / 2) std::abort();
}

void CheckParts(int64_t units, int32_t nanos, uint8_t mode) {
  const char* code = CurrencyOf(mode);
  const techmatch::Currency currency = *techmatch::Currency::FromCode(code);
  techmatch::MoneyParts parts{(mode & 2) ? "USD" : code, units, nanos};
  techmatch::Violations violations;
  std::optional<int64_t> minor =
      techmatch::MinorUnitsFromParts(parts, currency, "amount", violations);
  if (!minor) {
    if (violations.empty()) std::abort();
    return;
  }
  const techmatch::MoneyParts back = techmatch::PartsFromMinorUnits(*minor, currency);
  if (back.units != units || back.nanos != nanos || back.currency_code != code) std::abort();
  // The exact text of an accepted amount reads back to it in the currency's digits.
  const std::string written =
      techmatch::FormatMoneyText(MoneyAmount{units, nanos}, currency.minor_digits(), MoneyStyle{});
  absl::StatusOr<int64_t> again = techmatch::ParseMoneyText(written, currency.minor_digits());
  if (!again.ok() || *again != *minor) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  techmatch::fuzz::FuzzInput input(data, size);
  const uint8_t mode = input.Byte();
  if (mode % 2 == 0) {
    CheckText(input.Rest(), techmatch::MinorDigitsOf(CurrencyOf(mode)));
  } else {
    int64_t units = 0;
    int32_t nanos = 0;
    for (int i = 0; i < 8; ++i)
      units = static_cast<int64_t>((static_cast<uint64_t>(units) << 8) | input.Byte());
    for (int i = 0; i < 4; ++i)
      nanos = static_cast<int32_t>((static_cast<uint32_t>(nanos) << 8) | input.Byte());
    CheckParts(units, nanos, mode);
  }
  return 0;
}
