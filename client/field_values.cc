#include "client/field_values.h"

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "client/list_text.h"

namespace techmatch::client {

absl::StatusOr<google::type::Money> ParseMoney(absl::string_view text, absl::string_view currency) {
  const int digits = MinorDigitsOf(currency);
  absl::StatusOr<int64_t> minor_units = ParseMoneyText(text, digits);
  if (!minor_units.ok()) return minor_units.status();
  const MoneyAmount amount = AmountOfMinorUnits(*minor_units, digits);
  google::type::Money money;
  money.set_currency_code(std::string(currency));
  money.set_units(amount.units);
  money.set_nanos(amount.nanos);
  return money;
}

std::string FormatMoney(const google::type::Money& money, const ValueFormat& format) {
  const bool expected = money.currency_code().empty() || money.currency_code() == format.currency;
  MoneyStyle style;
  style.unit = format.unit;
  std::string text =
      FormatMoneyText(MoneyAmount{money.units(), money.nanos()},
                      MinorDigitsOf(expected ? format.currency : money.currency_code()), style);
  if (!expected) absl::StrAppend(&text, " ", money.currency_code());
  return text;
}

absl::StatusOr<int> ParseTrl(absl::string_view text) {
  int trl = 0;
  if (!absl::SimpleAtoi(TrimText(text), &trl)) {
    return absl::InvalidArgumentError(
        absl::StrCat("'", text, "' is not a technology readiness level: use an integer 1–9"));
  }
  return trl;
}

absl::StatusOr<google::protobuf::Timestamp> ParseTime(absl::string_view text) {
  const std::string trimmed(TrimText(text));
  absl::Time time;
  std::string error;
  const bool parsed =
      absl::ParseTime(absl::RFC3339_full, trimmed, &time, &error) ||
      absl::ParseTime("%Y-%m-%d %H:%M:%S", trimmed, absl::LocalTimeZone(), &time, &error) ||
      absl::ParseTime("%Y-%m-%d %H:%M", trimmed, absl::LocalTimeZone(), &time, &error) ||
      absl::ParseTime("%Y-%m-%d", trimmed, absl::LocalTimeZone(), &time, &error);
  if (!parsed) {
    return absl::InvalidArgumentError(
        absl::StrCat("'", text,
                     "' is not a time: use RFC 3339 (2026-10-20T09:00:00+08:00) or "
                     "2026-10-20 09:00 in the local time zone"));
  }
  const timespec ts = absl::ToTimespec(time);
  google::protobuf::Timestamp timestamp;
  timestamp.set_seconds(ts.tv_sec);
  timestamp.set_nanos(static_cast<int32_t>(ts.tv_nsec));
  return timestamp;
}

std::string FormatTime(const google::protobuf::Timestamp& time) {
  if (time.seconds() == 0 && time.nanos() == 0) return "";
  const absl::Time t = absl::FromUnixSeconds(time.seconds()) + absl::Nanoseconds(time.nanos());
  return absl::FormatTime("%Y-%m-%dT%H:%M:%S%Ez", t, absl::LocalTimeZone());
}

}  // namespace techmatch::client
