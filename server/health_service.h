// grpc.health.v1.Health (Check and Watch) on the sync API, in place of gRPC's default health
// service. gRPC 1.51's default one is written on the callback API, and a server with any
// callback method starts the callback queue's own polling threads; those threads take part in
// polling the sockets and hand the calls they read to the threads that serve them, which cost
// every call a context switch (bench/README.md, "Server choices"). This one has no threads of
// its own: Check runs on a sync thread when someone asks; each Watch holds one while it lasts.
//
// The messages are two fields, handled as raw bytes (no generated code for health.proto here):
// HealthCheckRequest{string service = 1}, HealthCheckResponse{ServingStatus status = 1}.
// "" names the server as a whole; any other name is unknown (Check: NOT_FOUND; Watch:
// SERVICE_UNKNOWN), as gRPC's service answers for a name never given a status.
//
// The server is SERVING while it is up (SetServing) and its database is reachable
// (SetDatabaseReachable, from server/database_monitor.h); NOT_SERVING otherwise.
#ifndef TECHMATCH_SERVER_HEALTH_SERVICE_H_
#define TECHMATCH_SERVER_HEALTH_SERVICE_H_

#include <atomic>
#include <string>

#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "grpcpp/impl/service_type.h"
#include "grpcpp/server_context.h"
#include "grpcpp/support/byte_buffer.h"
#include "grpcpp/support/status.h"
#include "grpcpp/support/sync_stream.h"

namespace techmatch::server {

class HealthService final : public grpc::Service {
 public:
  // Watch streams open at once, from all clients (each holds a sync thread); one more gets
  // RESOURCE_EXHAUSTED.
  static constexpr int kMaxWatches = 16;

  HealthService();

  // Up (started, not shutting down) or not from now on; Watch calls are told at once.
  void SetServing(bool serving);
  // Whether the database answers; Watch calls are told at once.
  void SetDatabaseReachable(bool reachable);
  // OK while SERVING; otherwise UNAVAILABLE with a short reason for anyone to read ("shutting
  // down", "database unreachable"), as /healthz answers it.
  absl::Status State() const;

  grpc::Status Check(grpc::ServerContext* context, const grpc::ByteBuffer* request,
                     grpc::ByteBuffer* response);
  grpc::Status Watch(grpc::ServerContext* context, const grpc::ByteBuffer* request,
                     grpc::ServerWriter<grpc::ByteBuffer>* writer);

 private:
  bool ServingLocked() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return up_ && database_reachable_;
  }

  std::atomic<int> watches_{0};
  mutable absl::Mutex mu_;
  bool up_ ABSL_GUARDED_BY(mu_) = false;
  bool database_reachable_ ABSL_GUARDED_BY(mu_) = true;
};

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_HEALTH_SERVICE_H_
