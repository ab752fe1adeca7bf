// Money as people type it (client money_text) and as the wire carries it (core/money): parsing
// never crashes, and every amount that parses formats in each unit to text that parses back to
// the same amount; wire parts convert to minor units and back exactly or are refused.
#include <cstdlib>
#include <cstring>

#include "client/money_text.h"
#include "core/common/field_violations.h"
#include "core/money/money.h"
#include "fuzz/fuzz_input.h"

namespace {

void CheckText(const std::string& text) {
  using techmatch::client::MoneyUnit;
  absl::StatusOr<techmatch::client::MoneyAmount> amount = techmatch::client::ParseMoneyText(text);
  if (!amount.ok()) {
    if (amount.status().code() != absl::StatusCode::kInvalidArgument) std::abort();
    return;
  }
  for (MoneyUnit unit : {MoneyUnit::kYuan, MoneyUnit::kWan, MoneyUnit::kYi}) {
    const std::string formatted =
        techmatch::client::FormatMoneyText(amount->units, amount->nanos, unit);
    absl::StatusOr<techmatch::client::MoneyAmount> again =
        techmatch::client::ParseMoneyText(formatted);
    if (!again.ok() || !(*again == *amount)) std::abort();
  }
}

void CheckParts(int64_t units, int32_t nanos, bool other_currency) {
  static const techmatch::Currency* const kCny =
      new techmatch::Currency(*techmatch::Currency::FromCode("CNY"));
  techmatch::MoneyParts parts{other_currency ? "USD" : "CNY", units, nanos};
  techmatch::Violations violations;
  std::optional<int64_t> minor = techmatch::MinorUnitsFromParts(parts, *kCny, "amount", violations);
  if (!minor) return;
  const techmatch::MoneyParts back = techmatch::PartsFromMinorUnits(*minor, *kCny);
  if (back.units != units || back.nanos != nanos || back.currency_code != "CNY") std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  techmatch::fuzz::FuzzInput input(data, size);
  const uint8_t mode = input.Byte();
  if (mode % 2 == 0) {
    CheckText(input.Rest());
  } else {
    int64_t units = 0;
    int32_t nanos = 0;
    for (int i = 0; i < 8; ++i)
      units = static_cast<int64_t>((static_cast<uint64_t>(units) << 8) | input.Byte());
    for (int i = 0; i < 4; ++i)
      nanos = static_cast<int32_t>((static_cast<uint32_t>(nanos) << 8) | input.Byte());
    CheckParts(units, nanos, mode & 2);
  }
  return 0;
}
