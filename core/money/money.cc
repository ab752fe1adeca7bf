#include "core/money/money.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "core/common/bounded_text.h"
#include "core/money/money_text.h"

namespace techmatch {
namespace {

constexpr int32_t kNanosPerUnit = 1'000'000'000;

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
    return absl::InvalidArgumentError(
        absl::StrCat("currency code must be three upper-case letters (ISO 4217), got '",
                     BoundedText(code, kMaxEchoBytes), "'"));
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
                                BoundedText(parts.currency_code, kMaxEchoBytes), "'"));
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

  // Exact to the largest amount 64-bit minor units hold, as the CLI parses (money_text.h).
  const std::optional<int64_t> minor =
      MinorUnitsOfAmount(MoneyAmount{parts.units, parts.nanos}, currency.minor_digits());
  if (!minor) violations.Add(absl::StrCat(field, ".units"), "is too large");
  return minor;
}

MoneyParts PartsFromMinorUnits(int64_t minor_units, const Currency& currency) {
  const MoneyAmount amount = AmountOfMinorUnits(minor_units, currency.minor_digits());
  return MoneyParts{currency.code(), amount.units, amount.nanos};
}

absl::StatusOr<int64_t> CheckedAdd(int64_t a, int64_t b) {
  int64_t sum;
  if (__builtin_add_overflow(a, b, &sum)) {
    return absl::OutOfRangeError("sum of amounts overflows 64-bit minor units");
  }
  return sum;
}

}  // namespace techmatch
