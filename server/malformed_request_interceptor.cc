#include "server/malformed_request_interceptor.h"

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "core/auth/permissions.h"
#include "google/protobuf/descriptor.h"
#include "grpcpp/server_context.h"
#include "server/status_conversion.h"

namespace techmatch::server {
namespace {

using grpc::experimental::InterceptionHookPoints;
using grpc::experimental::InterceptorBatchMethods;
using grpc::experimental::ServerRpcInfo;

// The request type of "/package.Service/Method", or "" when the method is not in the pool.
std::string RequestType(absl::string_view full_method) {
  const std::vector<absl::string_view> parts = absl::StrSplit(full_method, '/');
  if (parts.size() != 3) return "";
  const google::protobuf::ServiceDescriptor* service =
      google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(std::string(parts[1]));
  const google::protobuf::MethodDescriptor* method =
      service == nullptr ? nullptr : service->FindMethodByName(std::string(parts[2]));
  return method == nullptr ? "" : method->input_type()->full_name();
}

// The answer to a call whose request did not parse, in the order Handle checks: who calls,
// whether they may, then the request. A refused or malformed call to a mutating method is
// audited as Handle audits a refused write.
absl::Status Refusal(Guard* guard, grpc::ServerContextBase* base, absl::string_view method) {
  absl::Status outcome = MalformedRequestError(RequestType(method));
  auto* context = dynamic_cast<grpc::ServerContext*>(base);
  if (guard == nullptr || context == nullptr) return outcome;
  const MethodRule* rule = FindMethodRule(method);
  absl::StatusOr<Principal> principal = guard->Identify(*context, rule);
  absl::Status admitted = principal.status();
  if (principal.ok()) admitted = Authorize(*principal, method, rule);
  if (!admitted.ok()) outcome = admitted;
  if (rule == nullptr || rule->mutating) {
    storage::PendingAudit pending =
        Guard::StartAudit(principal.ok() ? &*principal : nullptr, method, nullptr);
    guard->RecordAlone(pending, outcome);
  }
  return outcome;
}

class MalformedRequestInterceptor final : public grpc::experimental::Interceptor {
 public:
  MalformedRequestInterceptor(ServerRpcInfo& info, Guard* guard)
      : method_(info.method()), context_(info.server_context()), guard_(guard) {}

  void Intercept(InterceptorBatchMethods* methods) override {
    // The request's own batch: gRPC passes no message when it did not parse. (For the unary
    // and server-streaming calls this is made for, a message is always expected.)
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_MESSAGE) &&
        methods->GetRecvMessage() == nullptr) {
      request_unparsed_ = true;
    }
    // The handler was skipped; only gRPC's own parse failure can be INTERNAL here (a server
    // out of threads answers RESOURCE_EXHAUSTED without a message, and stays so).
    if (request_unparsed_ &&
        methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS) &&
        methods->GetSendStatus().error_code() == grpc::StatusCode::INTERNAL) {
      methods->ModifySendStatus(ToGrpcStatus(Refusal(guard_, context_, method_)));
    }
    methods->Proceed();
  }

 private:
  const char* const method_;  // The registered method's name: lives as long as the server.
  grpc::ServerContextBase* const context_;
  Guard* const guard_;
  bool request_unparsed_ = false;
};

}  // namespace

absl::Status MalformedRequestError(absl::string_view request_type) {
  return absl::InvalidArgumentError(absl::StrCat(
      "the request is not a valid ", request_type.empty() ? "message" : request_type,
      ": a string field is not valid UTF-8 (proto3 text must be UTF-8) or the bytes are not a "
      "well-formed protobuf message"));
}

grpc::Status MalformedRequestStatus(absl::string_view request_type) {
  return ToGrpcStatus(MalformedRequestError(request_type));
}

MalformedRequestInterceptorFactory::MalformedRequestInterceptorFactory(
    std::vector<std::string> parse_their_own, Guard* guard)
    : parse_their_own_(std::make_move_iterator(parse_their_own.begin()),
                       std::make_move_iterator(parse_their_own.end())),
      guard_(guard) {}

grpc::experimental::Interceptor* MalformedRequestInterceptorFactory::CreateServerInterceptor(
    ServerRpcInfo* info) {
  // Client and bidi streams: a message that does not parse looks like the end of the stream
  // (see the header); those methods read bytes themselves.
  if (info->type() != ServerRpcInfo::Type::UNARY &&
      info->type() != ServerRpcInfo::Type::SERVER_STREAMING) {
    return nullptr;
  }
  if (info->method() == nullptr || parse_their_own_.contains(info->method())) return nullptr;
  return new MalformedRequestInterceptor(*info, guard_);
}

}  // namespace techmatch::server
