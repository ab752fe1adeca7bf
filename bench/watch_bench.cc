// What live match watches cost writers (many watchers at once must not slow writes down
// noticeably): CreateOffering throughput and latency through a real server on port 0,
// with no watchers and with the most the server allows (100), each watching a different need
// with min_score 0 so that every fitting offering is scored, explained and streamed. Phases
// alternate (none, many, none, many, ...) so machine noise hits both alike.
//
// Closed loop (the default) the writers send as fast as they can: the worst case, where every
// cycle the watches take is a cycle the writes lose. With --rate=R they send R creates a second
// in all (open loop, as at a fair where writes come when people press a button) and latency is
// measured from each create's scheduled send time, so queueing behind the watches shows.
//
//   build-*/bin/watch_bench [--creates=N] [--rounds=N] [--watchers=N] [--writers=N]
//                           [--min_score_percent=P] [--rate=R]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "bench/bench_data.h"
#include "core/auth/api_key.h"
#include "grpcpp/grpcpp.h"
#include "server/techmatch_server.h"
#include "storage/sqlite/sqlite_repository.h"
#include "techmatch/v1/match.grpc.pb.h"
#include "techmatch/v1/need.grpc.pb.h"
#include "techmatch/v1/offering.grpc.pb.h"

namespace techmatch::bench {
namespace {

using Clock = std::chrono::steady_clock;

int Flag(int argc, char** argv, absl::string_view name, int fallback) {
  const std::string prefix = absl::StrCat("--", name, "=");
  for (int i = 1; i < argc; ++i) {
    absl::string_view arg = argv[i];
    int value = 0;
    if (absl::StartsWith(arg, prefix) && absl::SimpleAtoi(arg.substr(prefix.size()), &value)) {
      return value;
    }
  }
  return fallback;
}

void Check(const grpc::Status& status, absl::string_view what) {
  if (status.ok()) return;
  std::fprintf(stderr, "%s: %s\n", std::string(what).c_str(), status.error_message().c_str());
  std::exit(1);
}

std::unique_ptr<grpc::ClientContext> Context(const std::string& token) {
  auto context = std::make_unique<grpc::ClientContext>();
  context->AddMetadata("authorization", "Bearer " + token);
  return context;
}

// Open watch streams, each read by its own thread until cancelled.
class Watchers {
 public:
  // Each watcher on its own connection, as separate clients are: one connection carries at
  // most --max_concurrent_streams (100) calls, and the writers need some too.
  Watchers(const std::string& target, const std::string& token, int count, double min_score) {
    for (int i = 0; i < count; ++i) {
      auto watcher = std::make_unique<Watcher>();
      grpc::ChannelArguments args;
      args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
      watcher->stub = v1::MatchService::NewStub(
          grpc::CreateCustomChannel(target, grpc::InsecureChannelCredentials(), args));
      watcher->context = Context(token);
      v1::WatchMatchesRequest request;
      request.set_need(absl::StrCat("needs/w", i));
      request.set_min_score(min_score);
      watcher->reader = watcher->stub->WatchMatches(watcher->context.get(), request);
      watcher->reader->WaitForInitialMetadata();
      Watcher* raw = watcher.get();
      raw->thread = std::thread([this, raw] {
        v1::WatchMatchesResponse message;
        while (raw->reader->Read(&message)) received_.fetch_add(1, std::memory_order_relaxed);
      });
      watchers_.push_back(std::move(watcher));
    }
  }
  ~Watchers() {
    for (auto& watcher : watchers_) watcher->context->TryCancel();
    for (auto& watcher : watchers_) {
      watcher->thread.join();
      watcher->reader->Finish();
    }
  }
  long received() const { return received_.load(); }

 private:
  struct Watcher {
    std::unique_ptr<v1::MatchService::Stub> stub;
    std::unique_ptr<grpc::ClientContext> context;
    std::unique_ptr<grpc::ClientReader<v1::WatchMatchesResponse>> reader;
    std::thread thread;
  };
  std::vector<std::unique_ptr<Watcher>> watchers_;
  std::atomic<long> received_{0};
};

struct PhaseResult {
  double creates_per_second;
  double p50_ms;
  double p99_ms;
};

// `creates` CreateOffering calls from `writers` threads, offerings numbered from `first`; at
// `rate` calls a second in all when it is positive, as fast as possible otherwise.
PhaseResult Write(v1::OfferingService::Stub& stub, const std::string& token,
                  const OfferingGenerator& generator, uint64_t first, int creates, int writers,
                  int rate = 0) {
  std::vector<std::vector<double>> latencies(writers);
  std::atomic<int> next{0};
  const auto start = Clock::now();
  std::vector<std::thread> threads;
  for (int w = 0; w < writers; ++w) {
    threads.emplace_back([&, w] {
      for (int i; (i = next.fetch_add(1)) < creates;) {
        const uint64_t index = first + static_cast<uint64_t>(i);
        v1::ImportOfferingsRequest row = OfferingRow(generator, index, absl::StrCat("o", index));
        v1::CreateOfferingRequest request;
        *request.mutable_offering() = row.offering();
        request.set_offering_id(row.offering_id());
        v1::Offering created;
        auto sent = Clock::now();
        if (rate > 0) {
          // Scheduled send time: a call that waits for an earlier one counts the wait.
          sent = start + std::chrono::duration_cast<Clock::duration>(
                             std::chrono::duration<double>(static_cast<double>(i) / rate));
          std::this_thread::sleep_until(sent);
        }
        Check(stub.CreateOffering(Context(token).get(), request, &created), "CreateOffering");
        latencies[w].push_back(
            std::chrono::duration<double, std::milli>(Clock::now() - sent).count());
      }
    });
  }
  for (auto& thread : threads) thread.join();
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::vector<double> all;
  for (const auto& list : latencies) all.insert(all.end(), list.begin(), list.end());
  std::sort(all.begin(), all.end());
  return {creates / seconds, all[all.size() / 2], all[all.size() * 99 / 100]};
}

int Run(int argc, char** argv) {
  const int creates = Flag(argc, argv, "creates", 1000);
  const int rounds = Flag(argc, argv, "rounds", 3);
  const int watcher_count = Flag(argc, argv, "watchers", 100);
  const int writers = Flag(argc, argv, "writers", 4);
  // In hundredths: 0 streams every offering that shares any text with a watched need.
  const double min_score = Flag(argc, argv, "min_score_percent", 0) / 100.0;
  const int rate = Flag(argc, argv, "rate", 0);
  // As the server binary does (server/main.cc): no lock-order graph on every mutex operation.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  char pattern[] = "/tmp/watch-bench-XXXXXX";
  if (mkdtemp(pattern) == nullptr) return 1;
  const std::string db = std::string(pattern) + "/bench.db";

  auto repository = storage::SqliteRepository::Open(db, {});
  if (!repository.ok() || !SeedOrganizations(**repository).ok()) return 1;
  NewToken token = *GenerateToken();
  if (!(*repository)
           ->CreateApiKey(KeyForToken(token, Role::kAdmin, "", "bench", absl::Now()))
           .ok()) {
    return 1;
  }
  server::ServerOptions options;
  options.listen = "127.0.0.1:0";
  auto server = server::TechmatchServer::Start(options, *std::move(repository));
  if (!server.ok()) {
    std::fprintf(stderr, "%s\n", server.status().ToString().c_str());
    return 1;
  }
  const std::string target = absl::StrCat("127.0.0.1:", (*server)->port());
  auto channel = grpc::CreateChannel(target, grpc::InsecureChannelCredentials());
  auto needs = v1::NeedService::NewStub(channel);
  auto offerings = v1::OfferingService::NewStub(channel);
  auto generator = OfferingGenerator::Create(kLoadSeed);
  if (!generator.ok()) return 1;

  // The watched needs, and offerings already stored so the index has realistic statistics.
  for (int i = 0; i < watcher_count; ++i) {
    v1::CreateNeedRequest request;
    *request.mutable_need() = NeedInput(**generator, static_cast<uint64_t>(i));
    request.set_need_id(absl::StrCat("w", i));
    v1::Need created;
    Check(needs->CreateNeed(Context(token.token).get(), request, &created), "CreateNeed");
  }
  uint64_t next_offering = 0;
  Write(*offerings, token.token, **generator, next_offering, 2000, writers);
  next_offering += 2000;

  std::printf(
      "CreateOffering, %d writers, %d creates per phase%s; watchers each on its own "
      "need, min_score %.2f\n",
      writers, creates,
      rate > 0 ? absl::StrCat(", open loop at ", rate, "/s").c_str() : ", closed loop", min_score);
  std::printf("%-6s %-9s %12s %9s %9s %10s\n", "round", "watchers", "creates/s", "p50 ms", "p99 ms",
              "streamed");
  std::vector<double> ratios, p50_ratios, p99_ratios;
  for (int round = 1; round <= rounds; ++round) {
    const PhaseResult none =
        Write(*offerings, token.token, **generator, next_offering, creates, writers, rate);
    next_offering += creates;
    std::printf("%-6d %-9d %12.0f %9.2f %9.2f %10s\n", round, 0, none.creates_per_second,
                none.p50_ms, none.p99_ms, "-");
    PhaseResult many;
    long streamed = 0;
    {
      Watchers watchers(target, token.token, watcher_count, min_score);
      many = Write(*offerings, token.token, **generator, next_offering, creates, writers, rate);
      next_offering += creates;
      // Everything stored has been scored once the worker is idle; let the streams catch up.
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
      streamed = watchers.received();
    }
    std::printf("%-6d %-9d %12.0f %9.2f %9.2f %10ld\n", round, watcher_count,
                many.creates_per_second, many.p50_ms, many.p99_ms, streamed);
    ratios.push_back(many.creates_per_second / none.creates_per_second);
    p50_ratios.push_back(many.p50_ms / none.p50_ms);
    p99_ratios.push_back(many.p99_ms / none.p99_ms);
  }
  auto report = [](const char* what, std::vector<double>& values) {
    std::sort(values.begin(), values.end());
    std::printf("%s: median %.3f (min %.3f, max %.3f)\n", what, values[values.size() / 2],
                values.front(), values.back());
  };
  const std::string with = absl::StrCat(" with ", watcher_count, " watchers / without");
  report(absl::StrCat("throughput", with).c_str(), ratios);
  report(absl::StrCat("p50 latency", with).c_str(), p50_ratios);
  report(absl::StrCat("p99 latency", with).c_str(), p99_ratios);
  (*server)->Shutdown(absl::Seconds(1));
  std::system(absl::StrCat("rm -rf '", pattern, "'").c_str());
  return 0;
}

}  // namespace
}  // namespace techmatch::bench

int main(int argc, char** argv) { return techmatch::bench::Run(argc, argv); }
