#include "server/async_server.h"

#include <sched.h>

#include <algorithm>
#include <chrono>

#include "absl/status/status.h"
#include "server/status_conversion.h"
#include "spdlog/spdlog.h"

namespace techmatch::server {
namespace async_internal {

bool DeadlinePassed(const grpc::ServerContext& context) {
  return std::chrono::system_clock::now() >= context.deadline();
}

grpc::Status ExpiredWhileQueued() {
  return ToGrpcStatus(
      absl::DeadlineExceededError("the call's deadline passed before the server reached it"));
}

}  // namespace async_internal

namespace {

// The cores this process may run on (taskset, cgroups' cpusets), not the machine's.
int UsableCores() {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof(set), &set) == 0) return std::max(1, CPU_COUNT(&set));
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

}  // namespace

AsyncServer::AsyncServer(int threads) : threads_(threads > 0 ? threads : UsableCores()) {}

AsyncServer::~AsyncServer() { Shutdown(); }

void AsyncServer::AddQueues(grpc::ServerBuilder& builder) {
  if (starters_.empty()) return;  // Nothing served here: no queues, no threads.
  for (int i = 0; i < threads_; ++i) queues_.push_back(builder.AddCompletionQueue());
}

void AsyncServer::Start() {
  for (const auto& queue : queues_) {
    for (const auto& start : starters_) start(queue.get());
  }
  for (const auto& queue : queues_) pollers_.emplace_back(&AsyncServer::Run, this, queue.get());
}

void AsyncServer::Run(grpc::ServerCompletionQueue* queue) {
  void* tag = nullptr;
  bool ok = false;
  while (queue->Next(&tag, &ok)) {
    const uintptr_t bits = reinterpret_cast<uintptr_t>(tag);
    reinterpret_cast<async_internal::Call*>(bits & ~uintptr_t{1})->Proceed(ok, bits & 1);
  }
}

void AsyncServer::Shutdown() {
  if (shut_down_) return;
  shut_down_ = true;
  for (const auto& queue : queues_) queue->Shutdown();
  for (std::thread& poller : pollers_) poller.join();
  if (pollers_.empty()) {  // Never started: drain here, as a queue must be before it goes.
    for (const auto& queue : queues_) Run(queue.get());
  }
  pollers_.clear();
}

}  // namespace techmatch::server
