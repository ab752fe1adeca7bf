// The Connect protocol for every RPC of the techmatch.v1 services, with one generic bridge:
// the path names a method of the generated descriptor pool; the body is converted from JSON
// (or passed on as binary), and the call goes through the server's in-process channel as a
// generic gRPC call carrying the client's credentials as `authorization` metadata, so the
// guard, the audit log, the limits and every rule apply as they do to gRPC clients.
//
// Unary methods: application/json or application/proto both ways, errors as Connect error
// bodies with the HTTP status of their code. A unary call does not hold its worker: the worker
// starts it and defers the response, and the bridge's completion threads (one per core, each
// with a completion queue) write the answers as the calls complete, so one wake-up serves as
// many calls as have completed meanwhile. Streaming methods (server streams, and the
// client-streaming imports with the rows buffered in one body): application/connect+json or
// +proto, enveloped messages and an end-of-stream message carrying the error, if any.
#ifndef TECHMATCH_SERVER_HTTP_CONNECT_BRIDGE_H_
#define TECHMATCH_SERVER_HTTP_CONNECT_BRIDGE_H_

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "grpcpp/channel.h"
#include "grpcpp/completion_queue.h"
#include "grpcpp/generic/generic_stub.h"
#include "server/http/http_request.h"
#include "server/http/http_response.h"
#include "server/http/json_codec.h"

namespace techmatch::server::http {

struct ConnectMethod {
  // "/techmatch.v1.NeedService/GetNeed": the gRPC method path, the same as Connect's.
  std::string path;
  std::string input_type;
  std::string output_type;
  bool client_streaming = false;
  bool server_streaming = false;
  bool streaming() const { return client_streaming || server_streaming; }
};

class ConnectBridge {
 public:
  // `max_streams`: streaming calls at once (each holds a worker thread while it lasts).
  ConnectBridge(std::shared_ptr<grpc::Channel> channel, int max_streams);
  // Shuts the completion queues down: every deferred call must have completed (the HTTP server
  // stops first).
  ~ConnectBridge();
  ConnectBridge(const ConnectBridge&) = delete;
  ConnectBridge& operator=(const ConnectBridge&) = delete;

  // From now on calls are not started but answered unavailable: before gRPC shuts down, since a
  // call made on the in-process channel of a server that has shut down crashes gRPC. Waits for
  // the calls being started.
  void StopCalls();

  // The method `path` names, or null: an unknown path or a service outside techmatch.v1.
  const ConnectMethod* Find(absl::string_view path);

  // Serves a POST of `request` to `method`.
  void Serve(const ConnectMethod& method, const HttpRequest& request, ResponseWriter& response);

  // What answers a successful unary call instead of the bridge: gets the binary response and
  // whether the request was JSON.
  using UnaryAnswer =
      std::function<void(const std::string& binary, bool json, ResponseWriter& response)>;
  // Serve for a unary `method`, with `answer` sending the successful answer (sign-in turns the
  // token into a cookie); failures are answered as Connect errors as usual.
  void ServeAnswering(const ConnectMethod& method, const HttpRequest& request,
                      ResponseWriter& response, const UnaryAnswer& answer);

  // A unary call's successful answer (200): the binary message `binary` of type `type`, as JSON
  // or as it is, with `headers` besides the content type.
  void SendMessage(absl::string_view type, const std::string& binary, bool json,
                   const HeaderList& headers, ResponseWriter& response) const;

  // A Connect error answer outside a call, with the HTTP status of its code unless
  // `http_status` says otherwise.
  void SendError(const grpc::Status& status, ResponseWriter& response,
                 std::optional<int> http_status = std::nullopt) const;

 private:
  struct CallSetup;
  struct PendingCall;
  // Starts a unary call whose answer `pending` writes when it completes.
  void StartUnary(const ConnectMethod& method, const CallSetup& setup, bool json,
                  absl::string_view body, std::unique_ptr<DeferredResponse> answer);
  void CompletionLoop(grpc::CompletionQueue& queue);
  // The successful answer of a unary call: the response `message`, as JSON or as it is.
  void SendAnswer(const ConnectMethod& method, const grpc::ByteBuffer& message, bool json,
                  ResponseWriter& response) const;
  void ServeUnary(const ConnectMethod& method, const CallSetup& setup, bool json,
                  const HttpRequest& request, ResponseWriter& response, const UnaryAnswer* answer);
  void ServeStream(const ConnectMethod& method, const CallSetup& setup, bool json,
                   const HttpRequest& request, ResponseWriter& response);
  // The whole answer of a streaming call that failed before it ran.
  void SendStreamError(const grpc::Status& status, bool json, ResponseWriter& response) const;

  std::shared_ptr<grpc::Channel> channel_;
  grpc::GenericStub generic_calls_;  // any method, by its path, on `channel_`
  JsonCodec codec_;
  const int max_streams_;
  std::atomic<int> active_streams_{0};
  std::vector<std::unique_ptr<grpc::CompletionQueue>> queues_;
  std::vector<std::thread> completion_threads_;
  std::atomic<unsigned> next_queue_{0};
  absl::Mutex calls_mu_;
  bool calls_stopped_ ABSL_GUARDED_BY(calls_mu_) = false;

  absl::Mutex mu_;
  absl::flat_hash_map<std::string, std::unique_ptr<ConnectMethod>> methods_ ABSL_GUARDED_BY(mu_);
};

}  // namespace techmatch::server::http

#endif  // TECHMATCH_SERVER_HTTP_CONNECT_BRIDGE_H_
