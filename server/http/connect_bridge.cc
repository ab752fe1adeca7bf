#include "server/http/connect_bridge.h"

#include <sched.h>

#include <algorithm>
#include <chrono>
#include <optional>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"
#include "grpcpp/client_context.h"
#include "grpcpp/completion_queue.h"
#include "grpcpp/support/byte_buffer.h"
#include "server/http/connect_envelope.h"
#include "server/http/connect_error.h"
#include "server/http/http_parser.h"
#include "server/http/session_auth.h"

namespace techmatch::server::http {
namespace {

// Only the API's own services are bridged (not reflection, not health: /healthz is HTTP's).
constexpr absl::string_view kServedPackage = "techmatch.v1.";

// A queue whose waiting threads do not poll gRPC's sockets: calls on the in-process channel
// need no polling, and a thread waiting here would otherwise take turns with the server's own
// threads at polling the native gRPC connections, adding thread switches to native calls.
class NonPollingQueue : public grpc::CompletionQueue {
 public:
  NonPollingQueue()
      : grpc::CompletionQueue(grpc_completion_queue_attributes{
            GRPC_CQ_CURRENT_VERSION, GRPC_CQ_NEXT, GRPC_CQ_NON_POLLING, nullptr}) {}
};

// Each worker thread drives its calls on a completion queue of its own: no thread hop as the
// callback API would take, and no queue made per call.
grpc::CompletionQueue& ThreadQueue() {
  struct Queue {
    NonPollingQueue queue;
    ~Queue() {
      queue.Shutdown();
      void* tag;
      bool ok;
      while (queue.Next(&tag, &ok)) {
      }
    }
  };
  thread_local Queue queue;
  return queue.queue;
}

// Waits for the one operation in flight on `queue`.
bool Await(grpc::CompletionQueue& queue) {
  void* tag = nullptr;
  bool ok = false;
  return queue.Next(&tag, &ok) && ok;
}

// Await for a stream's reads, which may wait as long as the call lasts (WatchMatches): every
// second it checks whether the client hung up, and then cancels the call, so that a watcher who
// left frees its worker and its stream slot without waiting for the next message.
bool AwaitWatchingClient(grpc::CompletionQueue& queue, grpc::ClientContext& context,
                         const ResponseWriter& response) {
  void* tag = nullptr;
  bool ok = false;
  while (true) {
    switch (
        queue.AsyncNext(&tag, &ok, std::chrono::system_clock::now() + std::chrono::seconds(1))) {
      case grpc::CompletionQueue::GOT_EVENT:
        return ok;
      case grpc::CompletionQueue::SHUTDOWN:
        return false;
      case grpc::CompletionQueue::TIMEOUT:
        if (response.ClientGone()) context.TryCancel();
        break;
    }
  }
}

grpc::ByteBuffer ToBuffer(absl::string_view bytes) {
  grpc::Slice slice(bytes.data(), bytes.size());
  return grpc::ByteBuffer(&slice, 1);
}

std::string ToString(const grpc::ByteBuffer& buffer) {
  std::vector<grpc::Slice> slices;
  std::string out;
  if (!buffer.Dump(&slices).ok()) return out;
  out.reserve(buffer.Length());
  for (const grpc::Slice& slice : slices) {
    out.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
  }
  return out;
}

grpc::Status ToGrpc(const absl::Status& status) {
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()), std::string(status.message()));
}

// The headers of an answer or error in JSON (built once: they are the same on every call).
const HeaderList& JsonHeaders() {
  static const HeaderList* const headers =
      new HeaderList{{"Content-Type", "application/json"}, {"Cache-Control", "no-store"}};
  return *headers;
}

const HeaderList& ProtoHeaders() {
  static const HeaderList* const headers =
      new HeaderList{{"Content-Type", "application/proto"}, {"Cache-Control", "no-store"}};
  return *headers;
}

grpc::Status ShuttingDown() {
  return grpc::Status(grpc::StatusCode::UNAVAILABLE, "the server is shutting down");
}

// The cores this process may run on (taskset, cgroups' cpusets), not the machine's.
int UsableCores() {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof(set), &set) == 0) return std::max(1, CPU_COUNT(&set));
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

}  // namespace

// What every call needs from the request's headers, checked before the call starts.
struct ConnectBridge::CallSetup {
  std::string authorization;
  std::optional<std::chrono::milliseconds> timeout;
};

// A unary call in flight whose answer is deferred: it is its own completion tag.
struct ConnectBridge::PendingCall {
  const ConnectMethod* method = nullptr;
  bool json = false;
  grpc::ClientContext context;
  std::unique_ptr<grpc::GenericClientAsyncResponseReader> call;
  grpc::ByteBuffer response;
  grpc::Status status;
  std::unique_ptr<DeferredResponse> answer;
};

ConnectBridge::ConnectBridge(std::shared_ptr<grpc::Channel> channel, int max_streams)
    : channel_(std::move(channel)), generic_calls_(channel_), max_streams_(max_streams) {
  // One queue per thread: a completion wakes the thread of its own queue, never a second one.
  const int threads = UsableCores();
  for (int i = 0; i < threads; ++i) {
    queues_.push_back(std::make_unique<NonPollingQueue>());
  }
  for (int i = 0; i < threads; ++i) {
    completion_threads_.emplace_back([this, queue = queues_[i].get()] { CompletionLoop(*queue); });
  }
}

ConnectBridge::~ConnectBridge() {
  for (auto& queue : queues_) queue->Shutdown();
  for (std::thread& thread : completion_threads_) thread.join();
}

void ConnectBridge::CompletionLoop(grpc::CompletionQueue& queue) {
  void* tag = nullptr;
  bool ok = false;
  while (queue.Next(&tag, &ok)) {
    // Destroying the call hands its connection back to the HTTP server.
    std::unique_ptr<PendingCall> pending(static_cast<PendingCall*>(tag));
    ResponseWriter& response = pending->answer->writer();
    if (!pending->status.ok()) {
      SendError(pending->status, response);
    } else {
      SendAnswer(*pending->method, pending->response, pending->json, response);
    }
  }
}

const ConnectMethod* ConnectBridge::Find(absl::string_view path) {
  {
    absl::ReaderMutexLock lock(&mu_);
    if (const auto it = methods_.find(path); it != methods_.end()) return it->second.get();
  }
  if (!absl::StartsWith(path, "/") || !absl::StartsWith(path.substr(1), kServedPackage)) {
    return nullptr;
  }
  const size_t slash = path.rfind('/');
  if (slash == 0) return nullptr;
  const google::protobuf::ServiceDescriptor* service =
      google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(
          std::string(path.substr(1, slash - 1)));
  if (service == nullptr) return nullptr;
  const google::protobuf::MethodDescriptor* descriptor =
      service->FindMethodByName(std::string(path.substr(slash + 1)));
  if (descriptor == nullptr) return nullptr;
  auto method = std::make_unique<ConnectMethod>();
  method->path = std::string(path);
  method->input_type = descriptor->input_type()->full_name();
  method->output_type = descriptor->output_type()->full_name();
  method->client_streaming = descriptor->client_streaming();
  method->server_streaming = descriptor->server_streaming();
  // Only names of real methods get here, so the map stays as small as the API.
  absl::MutexLock lock(&mu_);
  return methods_.try_emplace(method->path, std::move(method)).first->second.get();
}

void ConnectBridge::SendError(const grpc::Status& status, ResponseWriter& response,
                              std::optional<int> http_status) const {
  response.Send(http_status.value_or(HttpStatusForCode(status.error_code())), JsonHeaders(),
                ConnectErrorJson(status, codec_));
}

void ConnectBridge::SendStreamError(const grpc::Status& status, bool json,
                                    ResponseWriter& response) const {
  response.StartStream(
      200, {{"Content-Type", json ? "application/connect+json" : "application/connect+proto"},
            {"Cache-Control", "no-store"}});
  response.WriteChunk(Envelope(kEnvelopeEndStream,
                               absl::StrCat("{\"error\":", ConnectErrorJson(status, codec_), "}")));
  response.FinishStream();
}

void ConnectBridge::Serve(const ConnectMethod& method, const HttpRequest& request,
                          ResponseWriter& response) {
  ServeAnswering(method, request, response, nullptr);
}

void ConnectBridge::ServeAnswering(const ConnectMethod& method, const HttpRequest& request,
                                   ResponseWriter& response, const UnaryAnswer& answer) {
  // The codec, from the content type the method's kind calls for; anything else is 415, which
  // also turns away the form posts a cross-site page could make.
  const std::string media = MediaType(request.Header("content-type"));
  std::optional<bool> json;
  if (method.streaming()) {
    if (media == "application/connect+json") json = true;
    if (media == "application/connect+proto") json = false;
  } else {
    if (media == "application/json") json = true;
    if (media == "application/proto") json = false;
  }
  if (!json) {
    const char* accepted = method.streaming()
                               ? "application/connect+json, application/connect+proto"
                               : "application/json, application/proto";
    response.Send(415, {{"Content-Type", "text/plain; charset=utf-8"}, {"Accept-Post", accepted}},
                  absl::StrCat(method.path, " accepts Content-Type ", accepted, "\n"));
    return;
  }
  const auto fail = [&](const grpc::Status& status) {
    if (method.streaming()) {
      SendStreamError(status, *json, response);
    } else {
      SendError(status, response);
    }
  };

  if (request.HasHeader("connect-protocol-version") &&
      request.Header("connect-protocol-version") != "1") {
    fail(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "Connect-Protocol-Version must be 1"));
    return;
  }
  const absl::string_view encoding =
      request.Header(method.streaming() ? "connect-content-encoding" : "content-encoding");
  if (!encoding.empty() && !absl::EqualsIgnoreCase(encoding, "identity")) {
    fail(grpc::Status(
        grpc::StatusCode::UNIMPLEMENTED,
        absl::StrCat("content encoding ", encoding, " is not supported; supported: identity")));
    return;
  }
  CallSetup setup;
  if (request.HasHeader("connect-timeout-ms")) {
    const absl::string_view text = request.Header("connect-timeout-ms");
    int64_t ms = 0;
    if (text.empty() || text.size() > 10 ||
        !std::all_of(text.begin(), text.end(), absl::ascii_isdigit) ||
        !absl::SimpleAtoi(text, &ms) || ms <= 0) {
      fail(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        "Connect-Timeout-Ms must be a positive integer of at most 10 digits"));
      return;
    }
    setup.timeout = std::chrono::milliseconds(ms);
  }
  absl::StatusOr<std::string> authorization = CallAuthorization(request);
  if (!authorization.ok()) {
    fail(ToGrpc(authorization.status()));
    return;
  }
  setup.authorization = *std::move(authorization);

  if (method.streaming()) {
    if (active_streams_.fetch_add(1) >= max_streams_) {
      active_streams_.fetch_sub(1);
      fail(grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED,
                        absl::StrCat("too many streaming calls over HTTP at once (", max_streams_,
                                     "); retry later")));
      return;
    }
    ServeStream(method, setup, *json, request, response);
    active_streams_.fetch_sub(1);
  } else {
    ServeUnary(method, setup, *json, request, response, answer ? &answer : nullptr);
  }
}

namespace {

void Prepare(const auto& setup, grpc::ClientContext& context) {
  if (setup.timeout) context.set_deadline(std::chrono::system_clock::now() + *setup.timeout);
  if (!setup.authorization.empty()) context.AddMetadata("authorization", setup.authorization);
}

}  // namespace

void ConnectBridge::ServeUnary(const ConnectMethod& method, const CallSetup& setup, bool json,
                               const HttpRequest& request, ResponseWriter& response,
                               const UnaryAnswer* answer) {
  std::string converted;
  if (json) {
    absl::StatusOr<std::string> binary = codec_.ToBinary(method.input_type, request.body);
    if (!binary.ok()) {
      SendError(ToGrpc(binary.status()), response);
      return;
    }
    converted = *std::move(binary);
  }
  if (answer == nullptr) {
    if (std::unique_ptr<DeferredResponse> deferred = response.Defer()) {
      StartUnary(method, setup, json, json ? converted : request.body, std::move(deferred));
      return;
    }
  }
  grpc::ClientContext context;
  Prepare(setup, context);
  grpc::CompletionQueue& queue = ThreadQueue();
  std::unique_ptr<grpc::GenericClientAsyncResponseReader> call;
  {
    absl::ReaderMutexLock lock(&calls_mu_);
    if (!calls_stopped_) {
      call = generic_calls_.PrepareUnaryCall(&context, method.path,
                                             ToBuffer(json ? converted : request.body), &queue);
      call->StartCall();
    }
  }
  if (call == nullptr) {
    SendError(ShuttingDown(), response);
    return;
  }
  grpc::ByteBuffer response_buffer;
  grpc::Status status;
  call->Finish(&response_buffer, &status, nullptr);
  Await(queue);
  if (!status.ok()) {
    SendError(status, response);
    return;
  }
  const std::string body = ToString(response_buffer);
  if (answer != nullptr) {
    (*answer)(body, json, response);
    return;
  }
  SendMessage(method.output_type, body, json, {}, response);
}

void ConnectBridge::StartUnary(const ConnectMethod& method, const CallSetup& setup, bool json,
                               absl::string_view body, std::unique_ptr<DeferredResponse> answer) {
  auto pending = std::make_unique<PendingCall>();
  pending->method = &method;
  pending->json = json;
  pending->answer = std::move(answer);
  Prepare(setup, pending->context);
  grpc::CompletionQueue& queue =
      *queues_[next_queue_.fetch_add(1, std::memory_order_relaxed) % queues_.size()];
  {
    absl::ReaderMutexLock lock(&calls_mu_);
    if (!calls_stopped_) {
      pending->call =
          generic_calls_.PrepareUnaryCall(&pending->context, method.path, ToBuffer(body), &queue);
      pending->call->StartCall();
      PendingCall* tag = pending.release();
      tag->call->Finish(&tag->response, &tag->status, tag);
      return;
    }
  }
  SendError(ShuttingDown(), pending->answer->writer());
}

void ConnectBridge::StopCalls() {
  absl::MutexLock lock(&calls_mu_);
  calls_stopped_ = true;
}

void ConnectBridge::SendAnswer(const ConnectMethod& method, const grpc::ByteBuffer& message,
                               bool json, ResponseWriter& response) const {
  std::vector<grpc::Slice> slices;
  if (!json && message.Dump(&slices).ok() && slices.size() == 1) {
    // The usual binary answer: its one slice as it is, without a copy.
    response.Send(
        200, ProtoHeaders(),
        absl::string_view(reinterpret_cast<const char*>(slices[0].begin()), slices[0].size()));
    return;
  }
  SendMessage(method.output_type, ToString(message), json, {}, response);
}

void ConnectBridge::SendMessage(absl::string_view type, const std::string& binary, bool json,
                                const HeaderList& headers, ResponseWriter& response) const {
  std::string text;
  if (json) {
    absl::StatusOr<std::string> converted = codec_.ToJson(type, binary);
    if (!converted.ok()) {
      SendError(ToGrpc(converted.status()), response);
      return;
    }
    text = *std::move(converted);
  }
  const absl::string_view body = json ? absl::string_view(text) : absl::string_view(binary);
  if (headers.empty()) {
    response.Send(200, json ? JsonHeaders() : ProtoHeaders(), body);
    return;
  }
  HeaderList all = json ? JsonHeaders() : ProtoHeaders();
  all.insert(all.end(), headers.begin(), headers.end());
  response.Send(200, all, body);
}

void ConnectBridge::ServeStream(const ConnectMethod& method, const CallSetup& setup, bool json,
                                const HttpRequest& request, ResponseWriter& response) {
  absl::StatusOr<std::vector<absl::string_view>> messages = SplitEnvelopes(request.body);
  if (!messages.ok()) {
    SendStreamError(ToGrpc(messages.status()), json, response);
    return;
  }
  if (!method.client_streaming && messages->size() != 1) {
    SendStreamError(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                                 absl::StrCat(method.path,
                                              " takes exactly one request message, "
                                              "not ",
                                              messages->size())),
                    json, response);
    return;
  }
  std::vector<grpc::ByteBuffer> requests;
  requests.reserve(messages->size());
  for (size_t i = 0; i < messages->size(); ++i) {
    if (!json) {
      requests.push_back(ToBuffer((*messages)[i]));
      continue;
    }
    absl::StatusOr<std::string> binary = codec_.ToBinary(method.input_type, (*messages)[i]);
    if (!binary.ok()) {
      SendStreamError(
          grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                       absl::StrCat("message ", i + 1, ": ", binary.status().message())),
          json, response);
      return;
    }
    requests.push_back(ToBuffer(*binary));
  }

  grpc::ClientContext context;
  Prepare(setup, context);
  grpc::CompletionQueue& queue = ThreadQueue();
  std::unique_ptr<grpc::GenericClientAsyncReaderWriter> call;
  {
    absl::ReaderMutexLock lock(&calls_mu_);
    if (!calls_stopped_) {
      call = generic_calls_.PrepareCall(&context, method.path, &queue);
      call->StartCall(nullptr);
    }
  }
  if (call == nullptr) {
    SendStreamError(ShuttingDown(), json, response);
    return;
  }
  bool ok = Await(queue);
  for (size_t i = 0; ok && i < requests.size(); ++i) {
    call->Write(requests[i], nullptr);
    ok = Await(queue);
  }
  if (ok) {
    call->WritesDone(nullptr);
    Await(queue);
  }
  const std::string content_type = json ? "application/connect+json" : "application/connect+proto";
  response.StartStream(200, {{"Content-Type", content_type}, {"Cache-Control", "no-store"}});
  std::optional<grpc::Status> failure;
  while (true) {
    grpc::ByteBuffer message;
    call->Read(&message, nullptr);
    if (!AwaitWatchingClient(queue, context, response)) break;
    if (failure || response.failed()) continue;  // cancelled: drain what is in flight
    std::string payload = ToString(message);
    if (json) {
      absl::StatusOr<std::string> text = codec_.ToJson(method.output_type, payload);
      if (!text.ok()) {
        failure = ToGrpc(text.status());
        context.TryCancel();
        continue;
      }
      payload = *std::move(text);
    }
    // A client that stops reading (write timeout) or leaves ends the call.
    if (!response.WriteChunk(Envelope(0, payload))) context.TryCancel();
  }
  grpc::Status status;
  call->Finish(&status, nullptr);
  Await(queue);
  if (response.failed()) return;
  if (failure) status = *failure;
  response.WriteChunk(Envelope(
      kEnvelopeEndStream,
      status.ok() ? "{}" : absl::StrCat("{\"error\":", ConnectErrorJson(status, codec_), "}")));
  response.FinishStream();
}

}  // namespace techmatch::server::http
