#include "server/status_conversion.h"

#include <string>

#include "core/common/field_violations.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

namespace techmatch::server {

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  absl::StatusCode code = status.code();
  if (code == absl::StatusCode::kUnknown) code = absl::StatusCode::kInternal;
  const auto grpc_code = static_cast<grpc::StatusCode>(code);
  const std::string message(status.message());

  const std::vector<FieldViolation> violations = FieldViolationsOf(status);
  if (violations.empty()) return grpc::Status(grpc_code, message);

  google::rpc::BadRequest bad_request;
  for (const FieldViolation& v : violations) {
    google::rpc::BadRequest::FieldViolation* out = bad_request.add_field_violations();
    out->set_field(v.field);
    out->set_description(v.description);
  }
  google::rpc::Status rich;
  rich.set_code(static_cast<int>(code));
  rich.set_message(message);
  rich.add_details()->PackFrom(bad_request);
  return grpc::Status(grpc_code, message, rich.SerializeAsString());
}

}  // namespace techmatch::server
