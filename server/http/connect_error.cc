#include "server/http/connect_error.h"

#include "absl/strings/escaping.h"
#include "core/json/json_text.h"
#include "google/rpc/status.pb.h"

namespace techmatch::server::http {

absl::string_view ConnectCodeName(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::OK:
      return "ok";
    case grpc::StatusCode::CANCELLED:
      return "canceled";
    case grpc::StatusCode::UNKNOWN:
      return "unknown";
    case grpc::StatusCode::INVALID_ARGUMENT:
      return "invalid_argument";
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return "deadline_exceeded";
    case grpc::StatusCode::NOT_FOUND:
      return "not_found";
    case grpc::StatusCode::ALREADY_EXISTS:
      return "already_exists";
    case grpc::StatusCode::PERMISSION_DENIED:
      return "permission_denied";
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return "resource_exhausted";
    case grpc::StatusCode::FAILED_PRECONDITION:
      return "failed_precondition";
    case grpc::StatusCode::ABORTED:
      return "aborted";
    case grpc::StatusCode::OUT_OF_RANGE:
      return "out_of_range";
    case grpc::StatusCode::UNIMPLEMENTED:
      return "unimplemented";
    case grpc::StatusCode::INTERNAL:
      return "internal";
    case grpc::StatusCode::UNAVAILABLE:
      return "unavailable";
    case grpc::StatusCode::DATA_LOSS:
      return "data_loss";
    case grpc::StatusCode::UNAUTHENTICATED:
      return "unauthenticated";
    default:
      return "unknown";
  }
}

int HttpStatusForCode(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::OK:
      return 200;
    case grpc::StatusCode::CANCELLED:
      return 499;
    case grpc::StatusCode::INVALID_ARGUMENT:
      return 400;
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return 504;
    case grpc::StatusCode::NOT_FOUND:
      return 404;
    case grpc::StatusCode::ALREADY_EXISTS:
      return 409;
    case grpc::StatusCode::PERMISSION_DENIED:
      return 403;
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return 429;
    case grpc::StatusCode::FAILED_PRECONDITION:
      return 400;
    case grpc::StatusCode::ABORTED:
      return 409;
    case grpc::StatusCode::OUT_OF_RANGE:
      return 400;
    case grpc::StatusCode::UNIMPLEMENTED:
      return 501;
    case grpc::StatusCode::UNAVAILABLE:
      return 503;
    case grpc::StatusCode::UNAUTHENTICATED:
      return 401;
    default:
      return 500;  // UNKNOWN, INTERNAL, DATA_LOSS
  }
}

std::string ConnectErrorJson(const grpc::Status& status, const JsonCodec& codec) {
  std::string out = "{\"code\":";
  AppendJsonString(ConnectCodeName(status.error_code()), out);
  if (!status.error_message().empty()) {
    out += ",\"message\":";
    AppendJsonString(status.error_message(), out);
  }
  google::rpc::Status rich;
  if (!status.error_details().empty() && rich.ParseFromString(status.error_details()) &&
      rich.details_size() > 0) {
    out += ",\"details\":[";
    bool first = true;
    for (const google::protobuf::Any& detail : rich.details()) {
      const absl::string_view url = detail.type_url();
      const absl::string_view type = url.substr(url.rfind('/') + 1);
      if (!first) out += ",";
      first = false;
      out += "{\"type\":";
      AppendJsonString(type, out);
      // Connect wants unpadded base64.
      std::string value = absl::Base64Escape(detail.value());
      while (!value.empty() && value.back() == '=') value.pop_back();
      out += ",\"value\":";
      AppendJsonString(value, out);
      if (absl::StatusOr<std::string> debug = codec.ToJson(type, detail.value()); debug.ok()) {
        out += ",\"debug\":";
        out += *debug;
      }
      out += "}";
    }
    out += "]";
  }
  out += "}";
  return out;
}

}  // namespace techmatch::server::http
