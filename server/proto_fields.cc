#include "server/proto_fields.h"

#include "absl/strings/str_cat.h"
#include "core/common/resource_id.h"

namespace techmatch::server {
namespace {

// Storage keeps times as int64 nanoseconds since 1970, exact for what clients send; that
// spans 1678-01-01T00:00:00Z .. 2261-12-31T23:59:59Z, far wider than any fair needs.
constexpr int64_t kMinSeconds = -9214560000;
constexpr int64_t kMaxSeconds = 9214646399;

}  // namespace

absl::Time TimeFromProto(const google::protobuf::Timestamp& timestamp) {
  return absl::FromUnixSeconds(timestamp.seconds()) + absl::Nanoseconds(timestamp.nanos());
}

void TimeToProto(absl::Time time, google::protobuf::Timestamp& out) {
  const int64_t seconds = absl::ToUnixSeconds(time);
  out.set_seconds(seconds);
  out.set_nanos(
      static_cast<int32_t>(absl::ToInt64Nanoseconds(time - absl::FromUnixSeconds(seconds))));
}

void CheckTimestamp(absl::string_view field, const google::protobuf::Timestamp& timestamp,
                    Violations& violations) {
  if (timestamp.seconds() < kMinSeconds || timestamp.seconds() > kMaxSeconds ||
      timestamp.nanos() < 0 || timestamp.nanos() > 999'999'999) {
    violations.Add(std::string(field),
                   "is not a valid timestamp (years 1678–2261, nanos 0–999,999,999)");
  }
}

std::optional<int64_t> MinorUnitsFromProto(const google::type::Money& money,
                                           const Currency& currency, absl::string_view field,
                                           Violations& violations) {
  return MinorUnitsFromParts({money.currency_code(), money.units(), money.nanos()}, currency, field,
                             violations);
}

void MoneyToProto(int64_t minor_units, const Currency& currency, google::type::Money& out) {
  const MoneyParts parts = PartsFromMinorUnits(minor_units, currency);
  out.set_currency_code(parts.currency_code);
  out.set_units(parts.units);
  out.set_nanos(parts.nanos);
}

std::vector<std::string> IdsFromNames(const google::protobuf::RepeatedPtrField<std::string>& names,
                                      absl::string_view collection, absl::string_view field,
                                      Violations& violations) {
  std::vector<std::string> ids;
  ids.reserve(names.size());
  for (int i = 0; i < names.size(); ++i) {
    const std::string where = absl::StrCat(field, "[", i, "]");
    absl::StatusOr<std::string> id = ParseResourceName(names[i], collection, where);
    if (id.ok()) {
      ids.push_back(*std::move(id));
    } else {
      violations.AddAll(FieldViolationsOf(id.status()));
    }
  }
  return ids;
}

void NamesToProto(const std::vector<std::string>& ids, absl::string_view collection,
                  google::protobuf::RepeatedPtrField<std::string>& out) {
  out.Clear();
  for (const std::string& id : ids) out.Add(ResourceName(collection, id));
}

std::vector<CooperationMode> CooperationModesFromProto(
    const google::protobuf::RepeatedField<int>& modes, absl::string_view field,
    Violations& violations) {
  std::vector<CooperationMode> out;
  for (int i = 0; i < modes.size(); ++i) {
    const int value = modes[i];
    const auto mode = static_cast<CooperationMode>(value);
    if (CooperationModeName(mode) == "UNSPECIFIED") {
      violations.Add(absl::StrCat(field, "[", i, "]"),
                     absl::StrCat("must be a cooperation mode (TRANSFER, LICENSE, "
                                  "JOINT_DEVELOPMENT, TECHNICAL_SERVICE, CONSULTING, "
                                  "EQUITY_INVESTMENT), got ",
                                  value));
    } else {
      out.push_back(mode);
    }
  }
  return out;
}

void CooperationModesToProto(const std::vector<CooperationMode>& modes,
                             google::protobuf::RepeatedField<int>& out) {
  out.Clear();
  for (CooperationMode mode : modes) out.Add(static_cast<int>(mode));
}

std::vector<std::string> MaskPaths(const google::protobuf::FieldMask& mask,
                                   std::vector<std::string> implied) {
  if (mask.paths_size() == 0) return implied;
  return {mask.paths().begin(), mask.paths().end()};
}

}  // namespace techmatch::server
