#include "client/status_report.h"

#include "absl/strings/str_cat.h"
#include "google/rpc/status.pb.h"

namespace techmatch::client {
namespace {

bool DecodeDetails(const grpc::Status& status, google::rpc::Status* details) {
  return !status.error_details().empty() && details->ParseFromString(status.error_details());
}

}  // namespace

std::string StatusCodeName(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::OK:
      return "OK";
    case grpc::StatusCode::CANCELLED:
      return "CANCELLED";
    case grpc::StatusCode::UNKNOWN:
      return "UNKNOWN";
    case grpc::StatusCode::INVALID_ARGUMENT:
      return "INVALID_ARGUMENT";
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return "DEADLINE_EXCEEDED";
    case grpc::StatusCode::NOT_FOUND:
      return "NOT_FOUND";
    case grpc::StatusCode::ALREADY_EXISTS:
      return "ALREADY_EXISTS";
    case grpc::StatusCode::PERMISSION_DENIED:
      return "PERMISSION_DENIED";
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return "RESOURCE_EXHAUSTED";
    case grpc::StatusCode::FAILED_PRECONDITION:
      return "FAILED_PRECONDITION";
    case grpc::StatusCode::ABORTED:
      return "ABORTED";
    case grpc::StatusCode::OUT_OF_RANGE:
      return "OUT_OF_RANGE";
    case grpc::StatusCode::UNIMPLEMENTED:
      return "UNIMPLEMENTED";
    case grpc::StatusCode::INTERNAL:
      return "INTERNAL";
    case grpc::StatusCode::UNAVAILABLE:
      return "UNAVAILABLE";
    case grpc::StatusCode::DATA_LOSS:
      return "DATA_LOSS";
    case grpc::StatusCode::UNAUTHENTICATED:
      return "UNAUTHENTICATED";
    default:
      return absl::StrCat("CODE_", static_cast<int>(code));
  }
}

std::vector<google::rpc::BadRequest::FieldViolation> FieldViolationsOf(const grpc::Status& status) {
  std::vector<google::rpc::BadRequest::FieldViolation> violations;
  google::rpc::Status details;
  if (!DecodeDetails(status, &details)) return violations;
  for (const google::protobuf::Any& any : details.details()) {
    google::rpc::BadRequest bad_request;
    if (any.Is<google::rpc::BadRequest>() && any.UnpackTo(&bad_request)) {
      for (const auto& violation : bad_request.field_violations()) {
        violations.push_back(violation);
      }
    }
  }
  return violations;
}

std::string DescribeStatus(const grpc::Status& status) {
  std::string text = absl::StrCat("error: ", StatusCodeName(status.error_code()), ": ",
                                  status.error_message(), "\n");
  for (const auto& violation : FieldViolationsOf(status)) {
    absl::StrAppend(&text, "  ", violation.field().empty() ? "(request)" : violation.field(), ": ",
                    violation.description(), "\n");
  }
  google::rpc::Status details;
  if (DecodeDetails(status, &details)) {
    for (const google::protobuf::Any& any : details.details()) {
      google::rpc::ErrorInfo info;
      if (any.Is<google::rpc::ErrorInfo>() && any.UnpackTo(&info)) {
        absl::StrAppend(&text, "  reason: ", info.reason(),
                        info.domain().empty() ? "" : absl::StrCat(" (", info.domain(), ")"), "\n");
      }
    }
  }
  if (status.error_code() == grpc::StatusCode::UNAVAILABLE) {
    absl::StrAppend(&text, "  (is techmatch-server running at the address given by --server?)\n");
  }
  return text;
}

}  // namespace techmatch::client
