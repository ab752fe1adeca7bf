// Wraps every handler body: converts its absl::Status once, logs internal faults, and turns a
// stray exception into INTERNAL instead of crashing or leaking its text to the client.
#ifndef TECHMATCH_SERVER_HANDLER_H_
#define TECHMATCH_SERVER_HANDLER_H_

#include <exception>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "grpcpp/support/status.h"
#include "server/status_conversion.h"
#include "spdlog/spdlog.h"

namespace techmatch::server {

template <typename Body>
grpc::Status Handle(absl::string_view method, Body&& body) {
  try {
    const absl::Status status = body();
    if (status.code() == absl::StatusCode::kInternal ||
        status.code() == absl::StatusCode::kUnknown) {
      spdlog::error("{} failed: {}", std::string(method), status.ToString());
    }
    return ToGrpcStatus(status);
  } catch (const std::exception& e) {
    spdlog::error("{} threw: {}", std::string(method), e.what());
    return grpc::Status(grpc::StatusCode::INTERNAL, "internal error");
  }
}

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_HANDLER_H_
