#include "server/health_service.h"

#include <vector>

#include "absl/time/clock.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/wire_format_lite.h"
#include "grpcpp/impl/rpc_service_method.h"
#include "grpcpp/support/method_handler.h"

namespace techmatch::server {
namespace {

// grpc.health.v1.HealthCheckResponse.ServingStatus
enum ServingStatus : uint8_t { kServing = 1, kNotServing = 2, kServiceUnknown = 3 };

// HealthCheckRequest.service into `name`; false when the bytes are not a HealthCheckRequest.
bool ServiceName(const grpc::ByteBuffer& request, std::string& name) {
  std::vector<grpc::Slice> slices;
  std::string bytes;
  if (!request.Dump(&slices).ok()) return false;
  for (const grpc::Slice& slice : slices) {
    bytes.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
  }
  google::protobuf::io::CodedInputStream in(reinterpret_cast<const uint8_t*>(bytes.data()),
                                            static_cast<int>(bytes.size()));
  name.clear();
  while (const uint32_t tag = in.ReadTag()) {
    if (tag == ((1 << 3) | 2)) {  // service = 1, length-delimited
      uint32_t length = 0;
      if (!in.ReadVarint32(&length) || !in.ReadString(&name, static_cast<int>(length))) {
        return false;
      }
    } else if (!google::protobuf::internal::WireFormatLite::SkipField(&in, tag)) {
      return false;
    }
  }
  return in.CurrentPosition() == static_cast<int>(bytes.size());
}

grpc::ByteBuffer Response(ServingStatus status) {
  const char bytes[] = {0x08, static_cast<char>(status)};  // status = 1, varint
  grpc::Slice slice(bytes, sizeof(bytes));
  return grpc::ByteBuffer(&slice, 1);
}

}  // namespace

HealthService::HealthService() {
  AddMethod(new grpc::internal::RpcServiceMethod(
      "/grpc.health.v1.Health/Check", grpc::internal::RpcMethod::NORMAL_RPC,
      new grpc::internal::RpcMethodHandler<HealthService, grpc::ByteBuffer, grpc::ByteBuffer>(
          [](HealthService* service, grpc::ServerContext* context, const grpc::ByteBuffer* request,
             grpc::ByteBuffer* response) { return service->Check(context, request, response); },
          this)));
  AddMethod(new grpc::internal::RpcServiceMethod(
      "/grpc.health.v1.Health/Watch", grpc::internal::RpcMethod::SERVER_STREAMING,
      new grpc::internal::ServerStreamingHandler<HealthService, grpc::ByteBuffer, grpc::ByteBuffer>(
          [](HealthService* service, grpc::ServerContext* context, const grpc::ByteBuffer* request,
             grpc::ServerWriter<grpc::ByteBuffer>* writer) {
            return service->Watch(context, request, writer);
          },
          this)));
}

void HealthService::SetServing(bool serving) {
  absl::MutexLock lock(&mu_);
  up_ = serving;
}

void HealthService::SetDatabaseReachable(bool reachable) {
  absl::MutexLock lock(&mu_);
  database_reachable_ = reachable;
}

absl::Status HealthService::State() const {
  absl::MutexLock lock(&mu_);
  if (!up_) return absl::UnavailableError("shutting down");
  if (!database_reachable_) return absl::UnavailableError("database unreachable");
  return absl::OkStatus();
}

grpc::Status HealthService::Check(grpc::ServerContext*, const grpc::ByteBuffer* request,
                                  grpc::ByteBuffer* response) {
  std::string name;
  if (!ServiceName(*request, name)) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "not a HealthCheckRequest");
  }
  if (!name.empty()) return grpc::Status(grpc::StatusCode::NOT_FOUND, "unknown service");
  absl::MutexLock lock(&mu_);
  *response = Response(ServingLocked() ? kServing : kNotServing);
  return grpc::Status::OK;
}

grpc::Status HealthService::Watch(grpc::ServerContext* context, const grpc::ByteBuffer* request,
                                  grpc::ServerWriter<grpc::ByteBuffer>* writer) {
  // Health needs no credentials, so without a cap anyone could hold every sync thread.
  if (watches_.fetch_add(1) >= kMaxWatches) {
    watches_.fetch_sub(1);
    return grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED,
                        "too many health watches open; use Check, or watch again later");
  }
  struct Release {
    std::atomic<int>& count;
    ~Release() { count.fetch_sub(1); }
  } release{watches_};
  std::string name;
  if (!ServiceName(*request, name)) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "not a HealthCheckRequest");
  }
  if (!name.empty()) {
    writer->Write(Response(kServiceUnknown));
    // Nothing will ever change for an unknown name: wait for the client to leave.
    while (!context->IsCancelled()) absl::SleepFor(absl::Milliseconds(200));
    return grpc::Status(grpc::StatusCode::CANCELLED, "the client went away");
  }
  bool sent = false;
  bool last = false;
  while (!context->IsCancelled()) {
    bool serving;
    {
      absl::MutexLock lock(&mu_);
      // Wake at a change, or every 200 ms to notice a cancelled call.
      const auto changed = [this, sent, last]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
        return !sent || ServingLocked() != last;
      };
      mu_.AwaitWithTimeout(absl::Condition(&changed), absl::Milliseconds(200));
      serving = ServingLocked();
    }
    if (!sent || serving != last) {
      if (!writer->Write(Response(serving ? kServing : kNotServing))) break;
      sent = true;
      last = serving;
    }
  }
  return grpc::Status(grpc::StatusCode::CANCELLED, "the client went away");
}

}  // namespace techmatch::server
