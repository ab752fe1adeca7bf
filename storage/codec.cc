#include "storage/codec.h"

#include <limits>

#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "core/common/field_violations.h"
#include "core/common/status_macros.h"

namespace techmatch::storage {
namespace {

const absl::Time kMinTime = absl::FromUnixNanos(std::numeric_limits<int64_t>::min());
const absl::Time kMaxTime = absl::FromUnixNanos(std::numeric_limits<int64_t>::max());

}  // namespace

absl::StatusOr<int64_t> TimeToNanos(absl::Time time, absl::string_view field) {
  if (time < kMinTime || time > kMaxTime) {
    return InvalidFieldError(std::string(field),
                             "must lie between the years 1678 and 2261 to be stored");
  }
  return absl::ToUnixNanos(time);
}

absl::Time NanosToTime(int64_t nanos) { return absl::FromUnixNanos(nanos); }

int64_t TimeToNanosSaturated(absl::Time time) {
  if (time <= kMinTime) return std::numeric_limits<int64_t>::min();
  if (time >= kMaxTime) return std::numeric_limits<int64_t>::max();
  return absl::ToUnixNanos(time);
}

absl::StatusOr<std::string> EncodeList(const std::vector<std::string>& values,
                                       absl::string_view field) {
  for (size_t i = 0; i < values.size(); ++i) {
    if (values[i].empty() || values[i].find(kListSeparator) != std::string::npos) {
      return InvalidFieldError(std::string(field) + "[" + std::to_string(i) + "]",
                               "must be non-empty and free of control characters");
    }
  }
  return absl::StrJoin(values, absl::string_view(&kListSeparator, 1));
}

std::vector<std::string> DecodeList(absl::string_view text) {
  if (text.empty()) return {};
  return absl::StrSplit(text, kListSeparator);
}

std::string EncodeModes(const std::vector<CooperationMode>& modes) {
  return absl::StrJoin(
      modes, absl::string_view(&kListSeparator, 1), [](std::string* out, CooperationMode mode) {
        out->append(CooperationModeName(mode).data(), CooperationModeName(mode).size());
      });
}

std::vector<CooperationMode> DecodeModes(absl::string_view text) {
  std::vector<CooperationMode> modes;
  if (text.empty()) return modes;
  for (absl::string_view name : absl::StrSplit(text, kListSeparator)) {
    if (std::optional<CooperationMode> mode = CooperationModeFromName(name)) {
      modes.push_back(*mode);
    }
  }
  return modes;
}

absl::StatusOr<EncodedListing> EncodeListing(const Listing& listing) {
  EncodedListing encoded;
  TM_ASSIGN_OR_RETURN(encoded.keywords, EncodeList(listing.keywords, "keywords"));
  TM_ASSIGN_OR_RETURN(encoded.industries, EncodeList(listing.industry_codes, "industries"));
  TM_ASSIGN_OR_RETURN(encoded.events, EncodeList(listing.event_ids, "events"));
  TM_ASSIGN_OR_RETURN(encoded.late_events,
                      EncodeList(listing.late_event_ids, "late_registration_events"));
  encoded.cooperation_modes = EncodeModes(listing.cooperation_modes);
  return encoded;
}

}  // namespace techmatch::storage
