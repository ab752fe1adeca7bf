// The ceiling the real server is compared with: a gRPC server on the fastest
// server API of gRPC 1.51, async completion queues with one queue and one polling thread per
// core, that answers the real methods' shapes (NeedService.GetNeed, ListNeeds, CreateNeed and
// OfferingService.ImportOfferings) without doing any work: no storage, no validation, no
// auth. GetNeed answers the generated need the name asks for (the same records, and so the
// same message sizes, the benchmark seeds into the real server), ListNeeds a page of 50 of
// them, CreateNeed the need it was sent with its name and times set, ImportOfferings a summary
// naming every row. Messages are parsed and serialized as the real server must.
//
//   reference_server [--listen=127.0.0.1:0] [--port_file=PATH] [--threads=N] [--needs=N]
#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "bench/bench_data.h"
#include "google/protobuf/arena.h"
#include "grpcpp/grpcpp.h"
#include "techmatch/v1/need.grpc.pb.h"
#include "techmatch/v1/offering.grpc.pb.h"

namespace techmatch::bench {
namespace {

using NeedAsync =
    v1::NeedService::WithAsyncMethod_CreateNeed<v1::NeedService::WithAsyncMethod_GetNeed<
        v1::NeedService::WithAsyncMethod_ListNeeds<v1::NeedService::Service>>>;
using OfferingAsync =
    v1::OfferingService::WithAsyncMethod_ImportOfferings<v1::OfferingService::Service>;

// Records answered: the generated needs, indexed by the number in their id.
struct Canned {
  std::vector<v1::Need> needs;
  const v1::Need& ForName(const std::string& name) const {
    // needs/n<index>; anything else gets need 0 (the real server would say NOT_FOUND).
    uint64_t index = 0;
    const size_t n = name.rfind("/n");
    if (n != std::string::npos) (void)absl::SimpleAtoi(name.substr(n + 2), &index);
    return needs[index % needs.size()];
  }
};

// One outstanding call; Proceed is called each time its tag completes.
class CallData {
 public:
  virtual ~CallData() = default;
  virtual void Proceed(bool ok) = 0;
};

struct Queue {
  NeedAsync* needs;
  OfferingAsync* offerings;
  grpc::ServerCompletionQueue* cq;
  const Canned* canned;
};

template <typename Request, typename Response>
class UnaryCall : public CallData {
 public:
  using RequestFn = void (NeedAsync::*)(grpc::ServerContext*, Request*,
                                        grpc::ServerAsyncResponseWriter<Response>*,
                                        grpc::CompletionQueue*, grpc::ServerCompletionQueue*,
                                        void*);
  using AnswerFn = void (*)(const Canned&, const Request&, Response&);

  UnaryCall(const Queue& queue, RequestFn request_fn, AnswerFn answer)
      : queue_(queue),
        request_fn_(request_fn),
        answer_(answer),
        arena_(ArenaOptionsFor(first_block_, sizeof(first_block_))),
        request_(google::protobuf::Arena::CreateMessage<Request>(&arena_)),
        response_(google::protobuf::Arena::CreateMessage<Response>(&arena_)),
        writer_(&context_) {
    (queue_.needs->*request_fn_)(&context_, request_, &writer_, queue_.cq, queue_.cq, this);
  }

  void Proceed(bool ok) override {
    if (!answered_ && ok) {
      new UnaryCall(queue_, request_fn_, answer_);  // Keep one waiting for the next call.
      answer_(*queue_.canned, *request_, *response_);
      answered_ = true;
      writer_.Finish(*response_, grpc::Status::OK, this);
      return;
    }
    if (!answered_) {
      delete this;  // Shutting down.
      return;
    }
    delete this;  // Finished.
  }

 private:
  static google::protobuf::ArenaOptions ArenaOptionsFor(char* block, size_t size) {
    google::protobuf::ArenaOptions options;
    options.initial_block = block;
    options.initial_block_size = size;
    return options;
  }

  Queue queue_;
  RequestFn request_fn_;
  AnswerFn answer_;
  // The request and the answer live in an arena that starts inside this object, as in the
  // real server's dispatcher (server/async_server.h), so neither side pays mallocs the other
  // does not.
  alignas(8) char first_block_[2048];
  google::protobuf::Arena arena_;
  Request* const request_;
  Response* const response_;
  grpc::ServerContext context_;
  grpc::ServerAsyncResponseWriter<Response> writer_;
  bool answered_ = false;
};

class ImportCall : public CallData {
 public:
  explicit ImportCall(const Queue& queue) : queue_(queue), reader_(&context_) {
    queue_.offerings->RequestImportOfferings(&context_, &reader_, queue_.cq, queue_.cq, this);
  }

  void Proceed(bool ok) override {
    switch (state_) {
      case State::kWaiting:
        if (!ok) {
          delete this;
          return;
        }
        new ImportCall(queue_);
        state_ = State::kReading;
        reader_.Read(&row_, this);
        return;
      case State::kReading:
        if (ok) {
          summary_.add_accepted_names(absl::StrCat("offerings/", row_.offering_id()));
          summary_.set_accepted_count(summary_.accepted_count() + 1);
          reader_.Read(&row_, this);
          return;
        }
        state_ = State::kFinishing;
        reader_.Finish(summary_, grpc::Status::OK, this);
        return;
      case State::kFinishing:
        delete this;
        return;
    }
  }

 private:
  enum class State { kWaiting, kReading, kFinishing };
  Queue queue_;
  grpc::ServerContext context_;
  grpc::ServerAsyncReader<v1::ImportSummary, v1::ImportOfferingsRequest> reader_;
  v1::ImportOfferingsRequest row_;
  v1::ImportSummary summary_;
  State state_ = State::kWaiting;
};

void AnswerGet(const Canned& canned, const v1::GetNeedRequest& request, v1::Need& response) {
  response = canned.ForName(request.name());
}

void AnswerList(const Canned& canned, const v1::ListNeedsRequest& request,
                v1::ListNeedsResponse& response) {
  const int size = request.page_size() > 0 ? std::min(request.page_size(), 50) : 50;
  const size_t start = std::hash<std::string>()(request.filter()) % canned.needs.size();
  for (int i = 0; i < size; ++i) {
    *response.add_needs() = canned.needs[(start + i) % canned.needs.size()];
  }
  response.set_next_page_token(std::string(48, 'x'));  // A signed token is about this long.
}

void AnswerCreate(const Canned&, const v1::CreateNeedRequest& request, v1::Need& response) {
  response = request.need();
  response.set_name(absl::StrCat("needs/", request.need_id()));
  response.set_state(v1::Need::OPEN);
  const int64_t now = time(nullptr);
  response.mutable_create_time()->set_seconds(now);
  response.mutable_update_time()->set_seconds(now);
  response.set_etag("\"1\"");
}

// Waiting calls per method per queue: enough that a burst never waits for a re-request.
constexpr int kWaitingCalls = 32;

void Serve(const Queue& queue) {
  for (int i = 0; i < kWaitingCalls; ++i) {
    new UnaryCall<v1::GetNeedRequest, v1::Need>(queue, &NeedAsync::RequestGetNeed, AnswerGet);
    new UnaryCall<v1::ListNeedsRequest, v1::ListNeedsResponse>(queue, &NeedAsync::RequestListNeeds,
                                                               AnswerList);
    new UnaryCall<v1::CreateNeedRequest, v1::Need>(queue, &NeedAsync::RequestCreateNeed,
                                                   AnswerCreate);
  }
  for (int i = 0; i < 2; ++i) new ImportCall(queue);
  void* tag = nullptr;
  bool ok = false;
  while (queue.cq->Next(&tag, &ok)) static_cast<CallData*>(tag)->Proceed(ok);
}

}  // namespace
}  // namespace techmatch::bench

int main(int argc, char** argv) {
  using namespace techmatch::bench;
  CLI::App app{"reference_server: empty-handler async gRPC server, the benchmark's ceiling"};
  std::string listen = "127.0.0.1:0";
  std::string port_file;
  int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  int needs = 10000;
  app.add_option("--listen", listen, "host:port")->capture_default_str();
  app.add_option("--port_file", port_file, "write the bound port here once serving");
  app.add_option("--threads", threads, "completion queues, one thread each (default: cores)")
      ->capture_default_str();
  app.add_option("--needs", needs, "generated needs to answer from (as seeded)")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  // As techmatch-server does: no debug-only deadlock detection on gRPC's locks.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);

  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  auto generator = OfferingGenerator::Create(kLoadSeed);
  if (!generator.ok()) {
    std::fprintf(stderr, "%s\n", generator.status().ToString().c_str());
    return 1;
  }
  Canned canned;
  for (int i = 0; i < needs; ++i) canned.needs.push_back(NeedMessage(**generator, i));

  NeedAsync need_service;
  OfferingAsync offering_service;
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(listen, grpc::InsecureServerCredentials(), &port);
  // The real server's default (server/transport.h). Without a limit, calls past the waiting
  // ones pile up inside gRPC when the load client sends at a fixed rate, and the reference fell
  // behind at 70% of its own closed-loop rate (open loop p50 0.6-0.8 s); with it, it keeps up
  // (p50 0.13 ms, p99 1.3-3.9 ms at 36,000 calls/s).
  builder.AddChannelArgument(GRPC_ARG_MAX_CONCURRENT_STREAMS, 100);
  builder.RegisterService(&need_service);
  builder.RegisterService(&offering_service);
  std::vector<std::unique_ptr<grpc::ServerCompletionQueue>> queues;
  for (int i = 0; i < threads; ++i) queues.push_back(builder.AddCompletionQueue());
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || port == 0) {
    std::fprintf(stderr, "cannot listen on %s\n", listen.c_str());
    return 1;
  }
  std::vector<std::thread> pollers;
  for (auto& cq : queues) {
    pollers.emplace_back(Serve, Queue{&need_service, &offering_service, cq.get(), &canned});
  }
  if (!port_file.empty()) {
    std::ofstream(port_file + ".tmp") << port << "\n";
    std::rename((port_file + ".tmp").c_str(), port_file.c_str());
  }
  std::fprintf(stderr, "reference_server listening on port %d with %d queues\n", port, threads);

  int received = 0;
  sigwait(&signals, &received);
  server->Shutdown(std::chrono::system_clock::now());
  for (auto& cq : queues) cq->Shutdown();
  for (auto& t : pollers) t.join();
  return 0;
}
