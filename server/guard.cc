#include "server/guard.h"

#include "absl/strings/match.h"
#include "absl/time/clock.h"
#include "core/auth/api_key.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "spdlog/spdlog.h"

namespace techmatch::server {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

// The value of string field `field` of `message`, or "" when it has none.
std::string StringField(const Message& message, const char* field) {
  const FieldDescriptor* descriptor = message.GetDescriptor()->FindFieldByName(field);
  if (descriptor == nullptr || descriptor->is_repeated() ||
      descriptor->cpp_type() != FieldDescriptor::CPPTYPE_STRING) {
    return "";
  }
  return message.GetReflection()->GetString(message, descriptor);
}

// `name` of the request (Get/Withdraw/custom methods) or of the resource it carries (Update).
std::string ResourceOf(const Message& request) {
  std::string name = StringField(request, "name");
  if (!name.empty()) return name;
  const auto* descriptor = request.GetDescriptor();
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const FieldDescriptor* field = descriptor->field(i);
    if (field->is_repeated() || field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE ||
        !request.GetReflection()->HasField(request, field)) {
      continue;
    }
    name = StringField(request.GetReflection()->GetMessage(request, field), "name");
    if (!name.empty()) return name;
  }
  return "";
}

// The bearer token of the call's `authorization` metadata.
absl::StatusOr<absl::string_view> TokenOf(const grpc::ServerContext& context) {
  const auto& metadata = context.client_metadata();
  auto header = metadata.find("authorization");
  if (header == metadata.end()) {
    return absl::UnauthenticatedError(
        "missing credentials: send the metadata `authorization: Bearer <token>`");
  }
  const std::optional<absl::string_view> token =
      BearerToken(absl::string_view(header->second.data(), header->second.size()));
  if (!token) {
    return absl::UnauthenticatedError("the authorization metadata must read `Bearer <token>`");
  }
  return *token;
}

}  // namespace

absl::StatusOr<Principal> Guard::AuthenticateToken(absl::string_view token) {
  if (absl::StartsWith(token, kSessionTokenPrefix)) return sessions_.Authenticate(token);
  return keys_.Authenticate(token);
}

absl::StatusOr<Principal> Guard::Authenticate(const grpc::ServerContext& context) {
  absl::StatusOr<absl::string_view> token = TokenOf(context);
  if (!token.ok()) return token.status();
  return AuthenticateToken(*token);
}

absl::StatusOr<Principal> Guard::Identify(const grpc::ServerContext& context,
                                          const MethodRule* rule) {
  if (rule != nullptr && rule->open) return Principal{};
  return Authenticate(context);
}

absl::StatusOr<std::unique_ptr<LongCalls::Ticket>> Guard::AdmitLongCall(
    const Principal& principal, const google::protobuf::MethodDescriptor& method,
    grpc::ServerContext& context) {
  const std::optional<LongCallKind> kind = LongCallKindOf(method);
  if (!kind) return nullptr;
  absl::StatusOr<absl::string_view> token = TokenOf(context);
  if (!token.ok()) return token.status();
  return long_calls_.Admit(principal, *token, *kind, context);
}

storage::PendingAudit Guard::StartAudit(const Principal* principal, absl::string_view method,
                                        const google::protobuf::Message* request) {
  storage::PendingAudit pending;
  AuditEvent& event = pending.event;
  if (principal != nullptr) {
    event.principal = principal->AuditName();
    // A door's anonymous caller has no role.
    if (!principal->key_id.empty() || !principal->user_id.empty()) {
      event.role = std::string(RoleName(principal->role));
    }
  }
  event.method = std::string(method);
  if (request != nullptr) {
    event.resource = ResourceOf(*request);
    event.request_id = StringField(*request, "request_id");
    if (!event.request_id.empty()) {
      // Deterministic bytes: the same request retried hashes the same.
      std::string bytes;
      {
        google::protobuf::io::StringOutputStream stream(&bytes);
        google::protobuf::io::CodedOutputStream coded(&stream);
        coded.SetSerializationDeterministic(true);
        request->SerializeToCodedStream(&coded);
      }
      pending.request_hash = Sha256(bytes);
    }
  }
  // Unauthenticated callers reach this: nothing of theirs is kept at full length.
  BoundAuditFields(event);
  return pending;
}

void Guard::RecordAlone(storage::PendingAudit& pending, const absl::Status& outcome) {
  AuditEvent event = pending.event;
  event.event_time = absl::Now();
  event.outcome = absl::StatusCodeToString(outcome.code());
  const absl::Status written = repository_.AppendAuditEvent(event);
  if (!written.ok()) {
    spdlog::error("cannot record the audit event of {}: {}", event.method, written.ToString());
  }
}

}  // namespace techmatch::server
