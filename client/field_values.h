// Typed field values between command-line/CSV text and API messages: money, TRL, times.
#ifndef TECHMATCH_CLIENT_FIELD_VALUES_H_
#define TECHMATCH_CLIENT_FIELD_VALUES_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/money/money_text.h"
#include "google/protobuf/timestamp.pb.h"
#include "google/type/money.pb.h"

namespace techmatch::client {

// How values are printed.
struct ValueFormat {
  MoneyUnit unit = MoneyUnit::kOne;
  // The currency amounts are expected in; others are printed with their code appended.
  std::string currency = "CNY";
};

// An amount as people write it (see ParseMoneyText) in `currency`, to its minor unit (ISO
// 4217: `1,234` yen, `1,234.567` dinars): finer amounts are refused, never rounded.
absl::StatusOr<google::type::Money> ParseMoney(absl::string_view text, absl::string_view currency);
// `230万`, `1,234.50`, or `230万 USD` when the currency is not the expected one; exact, in the
// money's own currency's minor digits.
std::string FormatMoney(const google::type::Money& money, const ValueFormat& format);

// A technology readiness level: an integer 1–9 (the server re-checks the range).
absl::StatusOr<int> ParseTrl(absl::string_view text);

// RFC 3339 (`2026-10-20T09:00:00+08:00`), or a date and time in the local time zone
// (`2026-10-20 09:00`, `2026-10-20`), because organizers type fair times as they read them.
absl::StatusOr<google::protobuf::Timestamp> ParseTime(absl::string_view text);
// RFC 3339 in the local time zone, e.g. `2026-10-20T09:00:00+08:00`; empty when unset.
std::string FormatTime(const google::protobuf::Timestamp& time);

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_FIELD_VALUES_H_
