// Money as integer minor units of the deployment's one base currency.
//
// Amounts arrive in the shape of google.type.Money (units + nanos); they are converted to
// minor units (fen for CNY) exactly or rejected: no float ever touches an amount.
#ifndef TECHMATCH_CORE_MONEY_MONEY_H_
#define TECHMATCH_CORE_MONEY_MONEY_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/common/field_violations.h"

namespace techmatch {

// The deployment's base currency and how many decimal places its minor unit has.
class Currency {
 public:
  // `code` must be three upper-case letters (ISO 4217); its minor digits are the ISO 4217
  // table's (MinorDigitsOf in money_text.h, which the CLI uses too).
  static absl::StatusOr<Currency> FromCode(absl::string_view code);

  const std::string& code() const { return code_; }
  int minor_digits() const { return minor_digits_; }
  // 10^minor_digits: how many minor units make one whole unit.
  int64_t minor_per_unit() const;

 private:
  Currency(std::string code, int minor_digits)
      : code_(std::move(code)), minor_digits_(minor_digits) {}
  std::string code_;
  int minor_digits_;
};

// An amount as given on the wire: google.type.Money's three fields.
struct MoneyParts {
  std::string currency_code;
  int64_t units = 0;
  int32_t nanos = 0;
};

// Converts `parts` to minor units of `currency`, adding a violation under `field` (and
// returning nullopt) for another currency, nanos out of range, mixed signs, precision finer
// than the minor unit, overflow, or a negative amount.
std::optional<int64_t> MinorUnitsFromParts(const MoneyParts& parts, const Currency& currency,
                                           absl::string_view field, Violations& violations);

// The exact wire form of `minor_units` of `currency`.
MoneyParts PartsFromMinorUnits(int64_t minor_units, const Currency& currency);

// a + b, or OUT_OF_RANGE instead of a wrapped number.
absl::StatusOr<int64_t> CheckedAdd(int64_t a, int64_t b);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_MONEY_MONEY_H_
