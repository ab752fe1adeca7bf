// Conversions of the field types every resource shares: timestamps, Money, lists of resource
// names, cooperation modes, update masks. Problems become field violations named by `field`.
#ifndef TECHMATCH_SERVER_PROTO_FIELDS_H_
#define TECHMATCH_SERVER_PROTO_FIELDS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/common/field_violations.h"
#include "core/common/resource_meta.h"
#include "core/money/money.h"
#include "core/reference/cooperation_mode.h"
#include "google/protobuf/field_mask.pb.h"
#include "google/protobuf/repeated_field.h"
#include "google/protobuf/timestamp.pb.h"
#include "google/type/money.pb.h"
#include "usecases/lists.h"

namespace techmatch::server {

absl::Time TimeFromProto(const google::protobuf::Timestamp& timestamp);
void TimeToProto(absl::Time time, google::protobuf::Timestamp& out);
// Adds a violation when the timestamp is outside the range RFC 3339 can express.
void CheckTimestamp(absl::string_view field, const google::protobuf::Timestamp& timestamp,
                    Violations& violations);

std::optional<int64_t> MinorUnitsFromProto(const google::type::Money& money,
                                           const Currency& currency, absl::string_view field,
                                           Violations& violations);
void MoneyToProto(int64_t minor_units, const Currency& currency, google::type::Money& out);

// Ids of `names` in `collection`; violations under "field[i]". Empty names are violations.
std::vector<std::string> IdsFromNames(const google::protobuf::RepeatedPtrField<std::string>& names,
                                      absl::string_view collection, absl::string_view field,
                                      Violations& violations);
void NamesToProto(const std::vector<std::string>& ids, absl::string_view collection,
                  google::protobuf::RepeatedPtrField<std::string>& out);

std::vector<CooperationMode> CooperationModesFromProto(
    const google::protobuf::RepeatedField<int>& modes, absl::string_view field,
    Violations& violations);
void CooperationModesToProto(const std::vector<CooperationMode>& modes,
                             google::protobuf::RepeatedField<int>& out);

// Sets create_time, update_time and etag from `meta`.
template <typename Proto>
void MetaToProto(const ResourceMeta& meta, Proto& out) {
  TimeToProto(meta.create_time, *out.mutable_create_time());
  TimeToProto(meta.update_time, *out.mutable_update_time());
  out.set_etag(Etag(meta));
}

// The update mask's paths; when the mask is empty, `implied` (the populated mutable fields).
std::vector<std::string> MaskPaths(const google::protobuf::FieldMask& mask,
                                   std::vector<std::string> implied);

// A List request's filter, page_size and page_token (AIP-132, AIP-158); its views point into
// `request`.
template <typename Request>
usecases::ListRequest ListRequestOf(const Request& request) {
  return {request.filter(), request.page_size(), request.page_token()};
}

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_PROTO_FIELDS_H_
