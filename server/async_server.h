// Serves chosen unary methods of the (sync) service classes from gRPC completion queues, one
// queue and one thread per core, running the service's own handler inline on the queue's
// thread. The handler is the very method the sync API would call (NeedServiceImpl::GetNeed ...),
// so it still goes through Handle (server/handler.h): the guard, the audit rules and the one
// status conversion. Every other method (streams, writes, long reads) stays on the sync API in
// the same grpc::Server; gRPC allows a service to mix both.
//
// Why (bench/README.md, "Server choices"): the sync API hands every call from the thread that
// read it to another that runs it (~1.2 context switches per call); here the thread that polls
// the call runs it and sends the answer.
//
// Only gRPC's generated, supported API is used: a service class derives from the generated
// `WithRawMethod_X` of each method served here (which takes X off the sync API and gives the
// class a public `RequestX` taking the call as bytes), and hands `RequestX` and its own
// handler `X` to Serve. Raw bytes rather than `WithAsyncMethod_X`'s parsed request: were gRPC
// to parse it, a request that does not parse would be cancelled INTERNAL inside gRPC, unseen
// (server/malformed_request_interceptor.h). A class whose base names a method it does not
// Serve fails to compile only the other way round (Serve needs `RequestX`), so each service
// class keeps its base and its ServeShortReads side by side.
//
// Usage, in this order:
//   AsyncServer async(threads);
//   async.Serve(needs_, &NeedServiceImpl::RequestGetNeed, &NeedServiceImpl::GetNeed);
//   async.AddQueues(builder);                                   // before BuildAndStart
//   server = builder.BuildAndStart();
//   async.Start();
//   ... server->Shutdown(deadline); async.Shutdown();
//
// Only short handlers belong here: one that blocks (an fsync, a long scan) holds a whole queue.
#ifndef TECHMATCH_SERVER_ASYNC_SERVER_H_
#define TECHMATCH_SERVER_ASYNC_SERVER_H_

#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

#include "google/protobuf/arena.h"
#include "grpcpp/completion_queue.h"
#include "grpcpp/impl/codegen/proto_utils.h"
#include "grpcpp/server_builder.h"
#include "grpcpp/server_context.h"
#include "grpcpp/support/async_unary_call.h"
#include "grpcpp/support/byte_buffer.h"
#include "grpcpp/support/proto_buffer_reader.h"
#include "grpcpp/support/status.h"
#include "server/malformed_request_interceptor.h"
#include "server/method_table.h"

namespace techmatch::server {
namespace async_internal {

// The generated WithRawMethod_X::RequestX, as a member of the service class deriving from it.
template <typename ServiceImpl>
using RawRequester = void (ServiceImpl::*)(grpc::ServerContext*, grpc::ByteBuffer*,
                                           grpc::ServerAsyncResponseWriter<grpc::ByteBuffer>*,
                                           grpc::CompletionQueue*, grpc::ServerCompletionQueue*,
                                           void*);

// One completion-queue event's receiver. The low bit of a tag says which of the call's two
// events it is (its answer sent, or the call done).
class Call {
 public:
  virtual ~Call() = default;
  virtual void Proceed(bool ok, bool done_event) = 0;
};

inline google::protobuf::ArenaOptions ArenaStartingIn(char* block, size_t size) {
  google::protobuf::ArenaOptions options;
  options.initial_block = block;
  options.initial_block_size = size;
  return options;
}

// grpc::Status for a call whose deadline passed while it waited in the queue, through the one
// status conversion (server/status_conversion.h).
grpc::Status ExpiredWhileQueued();
bool DeadlinePassed(const grpc::ServerContext& context);

// The generic dispatcher: one waiting call of `handler` on one queue; when a call arrives it
// puts the next one up, runs the handler inline and sends its answer.
template <typename ServiceImpl, typename Request, typename Response>
class UnaryCall final : public Call {
 public:
  using Handler = grpc::Status (ServiceImpl::*)(grpc::ServerContext*, const Request*, Response*);
  struct Method {
    ServiceImpl* service;
    RawRequester<ServiceImpl> request;
    Handler handler;
  };

  UnaryCall(const Method& method, grpc::ServerCompletionQueue* queue)
      : method_(method),
        queue_(queue),
        arena_(ArenaStartingIn(first_block_, sizeof(first_block_))),
        request_(google::protobuf::Arena::CreateMessage<Request>(&arena_)),
        response_(google::protobuf::Arena::CreateMessage<Response>(&arena_)),
        writer_(&context_) {
    // Lets handlers ask context->IsCancelled() (async calls may only once it is delivered).
    context_.AsyncNotifyWhenDone(DoneTag());
    // The request arrives as bytes and is parsed in Proceed: were gRPC to parse it, a request
    // that does not parse would be cancelled INTERNAL inside gRPC, unseen
    // (server/malformed_request_interceptor.h).
    (method_.service->*method_.request)(&context_, &payload_, &writer_, queue_, queue_, this);
  }

  void Proceed(bool ok, bool done_event) override {
    if (done_event) {
      done_ = true;
    } else if (!started_) {
      // ok=false: the server is shutting down and this call never started (no done event).
      if (!ok) {
        delete this;
        return;
      }
      started_ = true;
      new UnaryCall(method_, queue_);  // The next call of this method on this queue.
      grpc::Status status =
          DeadlinePassed(context_) ? ExpiredWhileQueued()
          : !ParseRequest()        ? MalformedRequestStatus(Request::descriptor()->full_name())
                            : (method_.service->*method_.handler)(&context_, request_, response_);
      if (status.ok()) status = SerializeResponse();
      writer_.Finish(answer_, status, this);
      return;
    } else {
      finished_ = true;
    }
    if (finished_ && done_) delete this;
  }

 private:
  bool ParseRequest() {
    grpc::ProtoBufferReader reader(&payload_);
    return reader.status().ok() && request_->ParseFromZeroCopyStream(&reader);
  }

  grpc::Status SerializeResponse() {
    bool own_buffer = false;
    return grpc::SerializationTraits<Response>::Serialize(*response_, &answer_, &own_buffer);
  }

  void* DoneTag() { return reinterpret_cast<void*>(reinterpret_cast<uintptr_t>(this) | 1); }

  const Method method_;
  grpc::ServerCompletionQueue* const queue_;
  // The request and the answer live in an arena starting in this object: a record's strings
  // cost no malloc/free of their own.
  alignas(8) char first_block_[2048];
  google::protobuf::Arena arena_;
  Request* const request_;
  Response* const response_;
  grpc::ByteBuffer payload_;  // The request as received.
  grpc::ByteBuffer answer_;   // The response as sent.
  grpc::ServerContext context_;
  grpc::ServerAsyncResponseWriter<grpc::ByteBuffer> writer_;
  bool started_ = false;
  bool finished_ = false;
  bool done_ = false;
};

}  // namespace async_internal

class AsyncServer {
 public:
  // `threads` completion queues, one thread each; 0 means one per core the process may run on.
  explicit AsyncServer(int threads = 0);
  ~AsyncServer();

  AsyncServer(const AsyncServer&) = delete;
  AsyncServer& operator=(const AsyncServer&) = delete;

  // Serves the method whose generated `RequestX` is `request` (&NeedServiceImpl::RequestGetNeed,
  // from the service's WithRawMethod_GetNeed base) with `handler`, the service's own sync
  // handler (&NeedServiceImpl::GetNeed). Call before the service is registered with the builder.
  template <typename ServiceImpl, typename Request, typename Response>
  void Serve(ServiceImpl& service,
             std::type_identity_t<async_internal::RawRequester<ServiceImpl>> request,
             grpc::Status (ServiceImpl::*handler)(grpc::ServerContext*, const Request*,
                                                  Response*)) {
    using UnaryCall = async_internal::UnaryCall<ServiceImpl, Request, Response>;
    const typename UnaryCall::Method served{&service, request, handler};
    starters_.push_back([served](grpc::ServerCompletionQueue* queue) {
      for (int i = 0; i < kWaitingCallsPerMethod; ++i) new UnaryCall(served, queue);
    });
    const Method* method = MethodOf(Request::descriptor());
    paths_.push_back(method->path);
    methods_.push_back(method->descriptor->name());
  }

  // Adds the queues to `builder`; call once, before BuildAndStart.
  void AddQueues(grpc::ServerBuilder& builder);
  // Puts up the waiting calls and starts the threads; call after BuildAndStart.
  void Start();
  // Call after grpc::Server::Shutdown returned: drains the queues and joins the threads.
  // Safe to call more than once.
  void Shutdown();

  int threads() const { return threads_; }
  const std::vector<std::string>& methods() const { return methods_; }
  // The same as full names ("/techmatch.v1.NeedService/GetNeed").
  const std::vector<std::string>& paths() const { return paths_; }

 private:
  // Calls of each method waiting on each queue: enough that a burst finds one put up (as the
  // reference server does).
  static constexpr int kWaitingCallsPerMethod = 32;

  void Run(grpc::ServerCompletionQueue* queue);

  const int threads_;
  std::vector<std::function<void(grpc::ServerCompletionQueue*)>> starters_;
  std::vector<std::string> methods_;
  std::vector<std::string> paths_;
  std::vector<std::unique_ptr<grpc::ServerCompletionQueue>> queues_;
  std::vector<std::thread> pollers_;
  bool shut_down_ = false;
};

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_ASYNC_SERVER_H_
