#include "core/money/money.h"

#include <limits>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace techmatch {
namespace {

constexpr int32_t kNanosPerUnit = 1'000'000'000;

// ISO 4217 currencies whose minor unit is not 1/100.
int MinorDigitsOf(absl::string_view code) {
  if (code == "JPY" || code == "KRW" || code == "VND" || code == "ISK") return 0;
  if (code == "BHD" || code == "KWD" || code == "OMR" || code == "JOD" || code == "TND") return 3;
  return 2;
}

int64_t Pow10(int digits) {
  int64_t p = 1;
  for (int i = 0; i < digits; ++i) p *= 10;
  return p;
}

}  // namespace

absl::StatusOr<Currency> Currency::FromCode(absl::string_view code) {
  bool well_formed = code.size() == 3;
  for (char c : code)
    well_formed = well_formed && absl::ascii_isupper(static_cast<unsigned char>(c));
  if (!well_formed) {
    return absl::InvalidArgumentError(absl::StrCat(
        "currency code must be three upper-case letters (ISO 4217), got '", code, "'"));
  }
  return Currency(std::string(code), MinorDigitsOf(code));
}

int64_t Currency::minor_per_unit() const { return Pow10(minor_digits_); }

std::optional<int64_t> MinorUnitsFromParts(const MoneyParts& parts, const Currency& currency,
                                           absl::string_view field, Violations& violations) {
  const size_t before = violations.list().size();
  if (parts.currency_code != currency.code()) {
    violations.Add(absl::StrCat(field, ".currency_code"),
                   absl::StrCat("must be the base currency ", currency.code(), ", got '",
                                parts.currency_code, "'"));
  }
  // With mixed signs the amount is malformed, and whether it is negative is meaningless: that
  // one mistake is reported once, on nanos.
  const bool mixed_signs =
      (parts.units > 0 && parts.nanos < 0) || (parts.units < 0 && parts.nanos > 0);
  if (parts.nanos <= -kNanosPerUnit || parts.nanos >= kNanosPerUnit) {
    violations.Add(absl::StrCat(field, ".nanos"), "must be between -999,999,999 and 999,999,999");
  } else if (mixed_signs) {
    violations.Add(absl::StrCat(field, ".nanos"), "must have the same sign as units");
  } else {
    const int64_t nanos_per_minor = kNanosPerUnit / currency.minor_per_unit();
    if (parts.nanos % nanos_per_minor != 0) {
      violations.Add(absl::StrCat(field, ".nanos"),
                     absl::StrCat("is finer than the minor unit of ", currency.code(), " (",
                                  currency.minor_digits(), " decimal places)"));
    }
  }
  if (!mixed_signs && (parts.units < 0 || parts.nanos < 0)) {
    violations.Add(std::string(field), "must not be negative");
  }
  if (violations.list().size() != before) return std::nullopt;

  const int64_t per_unit = currency.minor_per_unit();
  if (parts.units > std::numeric_limits<int64_t>::max() / per_unit - 1) {
    violations.Add(absl::StrCat(field, ".units"), "is too large");
    return std::nullopt;
  }
  return parts.units * per_unit + parts.nanos / (kNanosPerUnit / per_unit);
}

MoneyParts PartsFromMinorUnits(int64_t minor_units, const Currency& currency) {
  const int64_t per_unit = currency.minor_per_unit();
  MoneyParts parts;
  parts.currency_code = currency.code();
  parts.units = minor_units / per_unit;
  parts.nanos = static_cast<int32_t>((minor_units % per_unit) * (kNanosPerUnit / per_unit));
  return parts;
}

absl::StatusOr<int64_t> CheckedAdd(int64_t a, int64_t b) {
  int64_t sum;
  if (__builtin_add_overflow(a, b, &sum)) {
    return absl::OutOfRangeError("sum of amounts overflows 64-bit minor units");
  }
  return sum;
}

}  // namespace techmatch
