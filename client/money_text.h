// Money amounts as people write them on forms and spreadsheets: `1,234.56`, `230万`, `2.8億`.
//
// Chinese reports count money in 萬元 and 億元, so the CLI reads and prints those units. The
// conversion works on decimal digit strings and integers only: a binary float cannot hold
// 0.01 exactly, and a fair's sums must be exact to the fen.
#ifndef TECHMATCH_CLIENT_MONEY_TEXT_H_
#define TECHMATCH_CLIENT_MONEY_TEXT_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace techmatch::client {

// The unit amounts are printed in.
enum class MoneyUnit { kYuan, kWan, kYi };

// "yuan", "wan" or "yi" (also 元, 万/萬, 亿/億).
absl::StatusOr<MoneyUnit> ParseMoneyUnit(absl::string_view text);

// The google.type.Money shape without the currency: whole units plus nanos of a unit.
struct MoneyAmount {
  int64_t units = 0;
  int32_t nanos = 0;

  friend bool operator==(const MoneyAmount&, const MoneyAmount&) = default;
};

// Parses a non-negative amount in yuan. Accepted: digits with optional comma grouping in
// threes (`1,234,567`), an optional fraction (`.56`), an optional multiplier 万/萬 (10^4) or
// 亿/億 (10^8), an optional trailing 元 and leading ¥/￥. The result must be a whole number of
// fen: `1.234` is refused rather than silently rounded. INVALID_ARGUMENT explains the problem.
absl::StatusOr<MoneyAmount> ParseMoneyText(absl::string_view text);

// Formats an amount in `unit`: `1,234.56` (yuan: whole amounts without decimals, otherwise at
// least two), `230万`, `2.8亿` (trailing zeros trimmed). Exact for every units/nanos pair.
std::string FormatMoneyText(int64_t units, int32_t nanos, MoneyUnit unit);

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_MONEY_TEXT_H_
