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
// Usage, in this order:
//   AsyncServer async(threads);
//   async.Serve<v1::NeedService>(needs_, "GetNeed", &NeedServiceImpl::GetNeed);
//                                              // before the service is registered
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

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/arena.h"
#include "grpcpp/completion_queue.h"
#include "grpcpp/impl/service_type.h"
#include "grpcpp/server_builder.h"
#include "grpcpp/server_context.h"
#include "grpcpp/support/async_unary_call.h"
#include "grpcpp/support/byte_buffer.h"
#include "grpcpp/support/proto_buffer_reader.h"
#include "grpcpp/support/status.h"
#include "server/malformed_request_interceptor.h"

namespace techmatch::server {
namespace async_internal {

// grpc::Service's hooks for turning a method asynchronous are protected (the generated
// WithAsyncMethod_X templates call them from a subclass); the service classes here are final,
// so these reach the hooks through a pointer to member named via this subclass, which C++
// allows ([class.protected]).
class ServiceHooks : public grpc::Service {
 public:
  static void MarkAsync(grpc::Service& service, int index) {
    (service.*&ServiceHooks::MarkMethodAsync)(index);
  }
  template <typename Request>
  static void RequestUnary(grpc::Service& service, int index, grpc::ServerContext* context,
                           Request* request, grpc::internal::ServerAsyncStreamingInterface* writer,
                           grpc::ServerCompletionQueue* queue, void* tag) {
    using Hook = void (grpc::Service::*)(
        int, grpc::ServerContext*, Request*, grpc::internal::ServerAsyncStreamingInterface*,
        grpc::CompletionQueue*, grpc::ServerCompletionQueue*, void*);
    const Hook hook = &ServiceHooks::RequestAsyncUnary<Request>;
    (service.*hook)(index, context, request, writer, queue, queue, tag);
  }
};

// One completion-queue event's receiver. The low bit of a tag says which of the call's two
// events it is (its answer sent, or the call done).
class Call {
 public:
  virtual ~Call() = default;
  virtual void Proceed(bool ok, bool done_event) = 0;
};

// The index of `method` in its service (the order of the .proto, which is the generated
// Service's method order) after checking it is unary with these message types; -1 otherwise.
int UnaryMethodIndex(absl::string_view service_full_name, absl::string_view method,
                     absl::string_view request_type, absl::string_view response_type);

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
    int index;
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
    ServiceHooks::RequestUnary(*method_.service, method_.index, &context_, &payload_, &writer_,
                               queue_, this);
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
      writer_.Finish(*response_, status, this);
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
  grpc::ServerContext context_;
  grpc::ServerAsyncResponseWriter<Response> writer_;
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

  // Serves `method` ("GetNeed") of `service`, an implementation of the generated service
  // `Grpc` (v1::NeedService), from the queues with `handler`, the service's own sync handler.
  // Call before the service is registered with the builder. Returns false (and leaves the
  // method on the sync API) when the name does not match a unary method of the service with
  // these message types.
  template <typename Grpc, typename ServiceImpl, typename Request, typename Response>
  bool Serve(ServiceImpl& service, absl::string_view method,
             grpc::Status (ServiceImpl::*handler)(grpc::ServerContext*, const Request*,
                                                  Response*)) {
    static_assert(std::is_base_of_v<typename Grpc::Service, ServiceImpl>);
    using UnaryCall = async_internal::UnaryCall<ServiceImpl, Request, Response>;
    const int index = async_internal::UnaryMethodIndex(Grpc::service_full_name(), method,
                                                       Request::descriptor()->full_name(),
                                                       Response::descriptor()->full_name());
    if (index < 0) return false;
    async_internal::ServiceHooks::MarkAsync(service, index);
    const typename UnaryCall::Method served{&service, index, handler};
    starters_.push_back([served](grpc::ServerCompletionQueue* queue) {
      for (int i = 0; i < kWaitingCallsPerMethod; ++i) new UnaryCall(served, queue);
    });
    methods_.push_back(std::string(method));
    paths_.push_back(absl::StrCat("/", Grpc::service_full_name(), "/", method));
    return true;
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
