// How domain values are laid out in columns: times as unix nanoseconds, ordered lists as one
// text joined by U+001F (the unit separator).
//
// Lists live in the main row so a record reads back in one row; the join tables hold the same
// values again only so filters can use indexes. The separator can never appear inside a value:
// the domain forbids control characters in keywords and patents, ids are [a-z0-9-], and the
// encoder refuses anything else rather than store a list that would not read back the same.
#ifndef TECHMATCH_STORAGE_CODEC_H_
#define TECHMATCH_STORAGE_CODEC_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/listings/listing.h"
#include "core/reference/cooperation_mode.h"

namespace techmatch::storage {

inline constexpr char kListSeparator = '\x1F';

// Exact nanoseconds since the epoch (proto Timestamps carry nanos), or INVALID_ARGUMENT on
// `field` for a time outside int64 nanoseconds (before 1677 or after 2262).
absl::StatusOr<int64_t> TimeToNanos(absl::Time time, absl::string_view field);
absl::Time NanosToTime(int64_t nanos);
// For filter bounds: out-of-range times saturate, which keeps comparisons right because no
// stored value lies outside the range.
int64_t TimeToNanosSaturated(absl::Time time);

// Joins `values`; INVALID_ARGUMENT on `field` when a value is empty or holds the separator.
absl::StatusOr<std::string> EncodeList(const std::vector<std::string>& values,
                                       absl::string_view field);
std::vector<std::string> DecodeList(absl::string_view text);

// Modes are stored by their API names ("TRANSFER\x1FLICENSE") so the file reads by itself.
std::string EncodeModes(const std::vector<CooperationMode>& modes);
// Unknown names are skipped (a later schema may know more modes than this build).
std::vector<CooperationMode> DecodeModes(absl::string_view text);

// The listing's list columns, encoded.
struct EncodedListing {
  std::string keywords;
  std::string industries;
  std::string cooperation_modes;
  std::string events;
  std::string late_events;
};
absl::StatusOr<EncodedListing> EncodeListing(const Listing& listing);

}  // namespace techmatch::storage

#endif  // TECHMATCH_STORAGE_CODEC_H_
