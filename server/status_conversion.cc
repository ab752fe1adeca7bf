#include "server/status_conversion.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "core/common/field_violations.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

namespace techmatch::server {
namespace {

constexpr absl::string_view kTruncated = "...(truncated)";

}  // namespace

std::string TruncateForStatus(absl::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  size_t keep = max_bytes > kTruncated.size() ? max_bytes - kTruncated.size() : 0;
  // Back off to the start of a UTF-8 character (continuation bytes are 10xxxxxx).
  while (keep > 0 && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80) --keep;
  return absl::StrCat(text.substr(0, keep), kTruncated);
}

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  absl::StatusCode code = status.code();
  if (code == absl::StatusCode::kUnknown) code = absl::StatusCode::kInternal;
  const auto grpc_code = static_cast<grpc::StatusCode>(code);
  std::string message = TruncateForStatus(status.message(), kMaxStatusMessageBytes);

  const std::vector<FieldViolation> violations = FieldViolationsOf(status);
  if (violations.empty()) return grpc::Status(grpc_code, message);

  google::rpc::BadRequest bad_request;
  size_t details_bytes = message.size();
  size_t left_off = 0;
  for (const FieldViolation& v : violations) {
    std::string field = TruncateForStatus(v.field, kMaxViolationFieldBytes);
    std::string description = TruncateForStatus(v.description, kMaxViolationDescriptionBytes);
    // Each violation costs its text and a few bytes of framing.
    const size_t cost = field.size() + description.size() + 8;
    if (left_off > 0 || details_bytes + cost > kMaxStatusDetailsBytes) {
      ++left_off;
      continue;
    }
    details_bytes += cost;
    google::rpc::BadRequest::FieldViolation* out = bad_request.add_field_violations();
    out->set_field(std::move(field));
    out->set_description(std::move(description));
  }
  if (left_off > 0) {
    absl::StrAppend(&message, " (", left_off, " more field violations left off)");
  }
  google::rpc::Status rich;
  rich.set_code(static_cast<int>(code));
  rich.set_message(message);
  rich.add_details()->PackFrom(bad_request);
  return grpc::Status(grpc_code, message, rich.SerializeAsString());
}

}  // namespace techmatch::server
