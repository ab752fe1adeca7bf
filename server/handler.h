// Wraps every handler body: the guard first (authentication, the method's access rule, the
// audit record of a mutating call), then the request's bounds (server/request_bounds.h), then
// the body; converts its absl::Status once, logs
// internal faults, and turns a stray exception into INTERNAL instead of crashing or leaking its
// text to the client.
//
// Every RPC handler returns Handle(...): that is what makes the guard unavoidable. The method is
// found from the request's type (server/method_table.h), never typed in a handler; a method whose
// rule is missing from core/auth/permissions.cc is refused to everyone.
#ifndef TECHMATCH_SERVER_HANDLER_H_
#define TECHMATCH_SERVER_HANDLER_H_

#include <exception>
#include <memory>
#include <type_traits>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "core/auth/permissions.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "grpcpp/server_context.h"
#include "grpcpp/support/status.h"
#include "server/client_address.h"
#include "server/guard.h"
#include "server/long_calls.h"
#include "server/method_table.h"
#include "server/request_bounds.h"
#include "server/service_context.h"
#include "server/status_conversion.h"
#include "spdlog/spdlog.h"
#include "storage/audit_scope.h"

namespace techmatch::server {
namespace handler_internal {

// Runs `body`, passing the principal when the body asks for it, and contains its exceptions.
template <typename Body>
absl::Status Run(absl::string_view method, const Principal& principal, Body& body) {
  try {
    if constexpr (std::is_invocable_v<Body&, const Principal&>) {
      return body(principal);
    } else {
      return body();
    }
  } catch (const std::exception& e) {
    spdlog::error("{} threw: {}", std::string(method), e.what());
    return absl::InternalError("internal error");
  }
}

inline grpc::Status Finish(absl::string_view method, const absl::Status& status) {
  if (status.code() == absl::StatusCode::kInternal || status.code() == absl::StatusCode::kUnknown) {
    spdlog::error("{} failed: {}", std::string(method), status.ToString());
  }
  return ToGrpcStatus(status);
}

// The guard around `body` for the method taking `type`; `request` (may be null) is read only to
// name the audited resource.
template <typename Body>
grpc::Status Guarded(ServiceContext& service, grpc::ServerContext* context,
                     const google::protobuf::Descriptor* type,
                     const google::protobuf::Message* request, Body& body) {
  const Method* found = MethodOf(type);
  // A request no method takes cannot be authorized: refused, by its type's name.
  const absl::string_view method = found != nullptr ? found->path : type->full_name();
  const MethodRule* rule = found != nullptr ? found->rule : nullptr;
  // Without a rule nobody knows whether the method writes: audit it as if it did.
  const bool mutating = rule == nullptr || rule->mutating;
  absl::StatusOr<Principal> principal = service.guard.Identify(*context, rule);
  absl::Status admitted = principal.status();
  if (principal.ok()) admitted = Authorize(*principal, method, rule);
  // Bounded lists and defined enum values before anything reads the request further.
  if (admitted.ok() && request != nullptr) admitted = CheckRequestBounds(*request);
  // A long call also needs a place among its principal's (server/long_calls.h).
  std::unique_ptr<LongCalls::Ticket> ticket;
  if (admitted.ok() && found != nullptr) {
    absl::StatusOr<std::unique_ptr<LongCalls::Ticket>> place =
        service.guard.AdmitLongCall(*principal, *found->descriptor, *context);
    if (place.ok()) {
      ticket = *std::move(place);
    } else {
      admitted = place.status();
    }
  }
  if (!admitted.ok()) {
    if (mutating) {
      storage::PendingAudit pending =
          Guard::StartAudit(principal.ok() ? &*principal : nullptr, method, request);
      service.guard.RecordAlone(pending, admitted);
    }
    return Finish(method, admitted);
  }
  const CurrentLongCall current(ticket.get());
  // A call ended from outside (its key revoked, its stream idle) reports why, not the
  // cancellation its body saw.
  auto run = [&] {
    absl::Status status = Run(method, *principal, body);
    if (ticket == nullptr) return status;
    return ticket->ended().value_or(std::move(status));
  };
  if (!mutating) return Finish(method, run());
  storage::PendingAudit pending = Guard::StartAudit(&*principal, method, request);
  // A door's caller is known only by where it calls from (its use case names the user once
  // the call succeeds).
  if (rule != nullptr && rule->open) {
    pending.event.principal = absl::StrCat("anonymous ", ClientAddress(*context));
  }
  absl::Status status;
  {
    storage::AuditScope scope(pending);
    status = run();
  }
  // A change that committed carried its record; a call that changed nothing (or failed after
  // committing part of an import) gets a record of its outcome alone.
  if (!pending.recorded || !status.ok()) service.guard.RecordAlone(pending, status);
  return Finish(method, status);
}

}  // namespace handler_internal

// A unary or server-streaming call: `request` says which method it is.
template <typename Request, typename Body>
grpc::Status Handle(ServiceContext& service, grpc::ServerContext* context, const Request& request,
                    Body&& body) {
  return handler_internal::Guarded(service, context, Request::descriptor(), &request, body);
}

// A client-streaming call, whose messages the body reads: the method is the one taking
// `Request`, and no message names the audited resource.
template <typename Request, typename Body>
grpc::Status HandleClientStream(ServiceContext& service, grpc::ServerContext* context,
                                Body&& body) {
  return handler_internal::Guarded(service, context, Request::descriptor(), nullptr, body);
}

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_HANDLER_H_
