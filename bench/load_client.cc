// Load client for the techmatch API and the reference server.
//
// Unary scenarios (get: NeedService.GetNeed of seeded needs; list: ListNeeds filtered by
// industry, pages of 50; create: CreateNeed of generated needs) run on the async API, one
// completion queue per client thread, calls spread over several channels (each its own
// connection):
//   --mode=closed: --outstanding calls in flight at all times (throughput);
//   --mode=open:   calls started at a fixed --rate whatever the server does, by a thread that
//                  never sleeps; each latency is measured from the call's scheduled send time,
//                  so a server that falls behind shows its queueing instead of slowing the
//                  client down.
// The import scenario streams --rows generated offerings through one
// OfferingService.ImportOfferings call and reports rows per second.
//
// Prints one line: RESULT key=value ... (qps, p50_us, p90_us, p99_us, p999_us, calls and errors
// in the measured window, completed: every successful call including warm-up, to divide a
// server's CPU time by; open loop: client_busy, the share of the window the client spent on
// calls rather than waiting for them, and longest_turn_us, see ThreadResult).
//
//   load_client --target=127.0.0.1:PORT --scenario=get --mode=closed --outstanding=32
//   load_client --target=... --scenario=get --mode=open --rate=5000 --seconds=5
//   load_client --target=... --scenario=import --rows=100000 --id_prefix=r1-
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "bench/bench_data.h"
#include "bench/histogram.h"
#include "grpcpp/grpcpp.h"
#include "techmatch/v1/need.grpc.pb.h"
#include "techmatch/v1/offering.grpc.pb.h"

namespace techmatch::bench {
namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  std::string target;
  std::string scenario = "get";
  std::string mode = "closed";
  int channels = 4;
  int threads = 1;
  int outstanding = 32;  // Closed loop: calls in flight over all channels.
  double rate = 1000;    // Open loop: calls per second over all threads.
  double seconds = 5;
  double warmup = 1;
  int needs = 10000;  // Seeded needs n0..n<needs-1> that get asks for.
  int rows = 100000;  // Import rows.
  std::string id_prefix = "b";
  std::string token;            // Sent as `authorization: Bearer <token>` when set.
  int max_outstanding = 20000;  // Open loop: beyond this, due calls are counted as dropped.
};

std::vector<std::shared_ptr<grpc::Channel>> MakeChannels(const Options& options) {
  std::vector<std::shared_ptr<grpc::Channel>> channels;
  for (int i = 0; i < options.channels; ++i) {
    grpc::ChannelArguments args;
    // Distinct arguments and a local subchannel pool: each channel its own TCP connection.
    args.SetInt("techmatch.bench.channel", i);
    args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
    // The client's own cost is part of every figure (it has one core), so it carries nothing a
    // load generator does not need: no retry machinery (gRPC 1.51 keeps a copy of each call's
    // messages in case a retry policy wants them) and the minimal filter stack. Against the
    // reference, open loop at 38,000 calls/s: client busy 0.91-0.92 -> 0.77-0.79; closed loop:
    // 54,600-55,900 -> 65,200-65,800 calls/s, so the reference's ceiling is less the client's.
    // The deadline is still sent (grpc-timeout) and the server still enforces it.
    args.SetInt(GRPC_ARG_ENABLE_RETRIES, 0);
    args.SetInt(GRPC_ARG_MINIMAL_STACK, 1);
    channels.push_back(
        grpc::CreateCustomChannel(options.target, grpc::InsecureChannelCredentials(), args));
  }
  for (auto& channel : channels) {
    channel->WaitForConnected(std::chrono::system_clock::now() + std::chrono::seconds(10));
  }
  return channels;
}

// One call in flight; the completion queue tag is the Call itself.
struct Call {
  virtual ~Call() = default;
  grpc::ClientContext context;
  grpc::Status status;
  Clock::time_point scheduled;
};

template <typename Request, typename Response>
struct UnaryCall : Call {
  Request request;
  Response response;
  std::unique_ptr<grpc::ClientAsyncResponseReader<Response>> reader;
};

// gRPC's generated client class for NeedService ("Stub" is gRPC's name for it).
using NeedClient = v1::NeedService::Stub;
using NeedClients = std::vector<std::unique_ptr<NeedClient>>;

// Starts call number `n`, due at `scheduled`, through `client`; it completes on `cq` with the
// Call as tag.
using StartFn = std::function<void(uint64_t n, Clock::time_point scheduled, NeedClient& client,
                                   grpc::CompletionQueue& cq)>;

template <typename Request, typename Response>
StartFn Unary(std::function<void(uint64_t, Request&)> fill,
              std::unique_ptr<grpc::ClientAsyncResponseReader<Response>> (NeedClient::*prepare)(
                  grpc::ClientContext*, const Request&, grpc::CompletionQueue*),
              std::string token) {
  return
      [fill = std::move(fill), prepare, token = std::move(token)](
          uint64_t n, Clock::time_point scheduled, NeedClient& client, grpc::CompletionQueue& cq) {
        auto* call = new UnaryCall<Request, Response>;
        call->scheduled = scheduled;
        if (!token.empty()) call->context.AddMetadata("authorization", "Bearer " + token);
        call->context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
        fill(n, call->request);
        call->reader = (client.*prepare)(&call->context, call->request, &cq);
        call->reader->StartCall();
        call->reader->Finish(&call->response, &call->status, call);
      };
}

// Spreads call numbers over the seeded needs without a pattern the cache would like.
uint64_t Scatter(uint64_t n) { return (n * 0x9E3779B97F4A7C15ull) >> 16; }

absl::StatusOr<StartFn> MakeScenario(const Options& options) {
  if (options.scenario == "get") {
    const uint64_t needs = static_cast<uint64_t>(std::max(1, options.needs));
    return Unary<v1::GetNeedRequest, v1::Need>(
        [needs](uint64_t n, v1::GetNeedRequest& request) {
          request.set_name(absl::StrCat("needs/n", Scatter(n) % needs));
        },
        &NeedClient::PrepareAsyncGetNeed, options.token);
  }
  if (options.scenario == "list") {
    return Unary<v1::ListNeedsRequest, v1::ListNeedsResponse>(
        [](uint64_t n, v1::ListNeedsRequest& request) {
          const size_t count = sizeof(kIndustries) / sizeof(kIndustries[0]);
          request.set_filter(
              absl::StrCat("industry = \"industries/", kIndustries[n % count], "\""));
          request.set_page_size(50);
        },
        &NeedClient::PrepareAsyncListNeeds, options.token);
  }
  if (options.scenario == "create") {
    auto generator = OfferingGenerator::Create(kLoadSeed);
    if (!generator.ok()) return generator.status();
    // A pool of generated bodies (generation is not what is measured); ids are unique.
    auto pool = std::make_shared<std::vector<v1::Need>>();
    for (uint64_t i = 0; i < 512; ++i) pool->push_back(NeedInput(**generator, 1000000 + i));
    std::string prefix = options.id_prefix;
    return Unary<v1::CreateNeedRequest, v1::Need>(
        [pool, prefix](uint64_t n, v1::CreateNeedRequest& request) {
          *request.mutable_need() = (*pool)[n % pool->size()];
          request.set_need_id(absl::StrCat(prefix, n));
        },
        &NeedClient::PrepareAsyncCreateNeed, options.token);
  }
  return absl::InvalidArgumentError(absl::StrCat("unknown scenario ", options.scenario));
}

struct ThreadResult {
  Histogram latency;
  uint64_t errors = 0;
  uint64_t dropped = 0;
  uint64_t completed = 0;  // Every successful call, warm-up and drain included.
  std::string first_error;
  // Open loop: time in the measured window spent starting and finishing calls, rather than
  // polling an empty queue. Near the window's length, the client is what limits the figures.
  Clock::duration busy{};
  // Open loop: the longest turn in the measured window (start what is due, take what finished).
  // A turn takes tens of microseconds; one of milliseconds means the client's thread was held
  // off its core, or fell behind and is catching up: that round's latencies are the client's.
  Clock::duration longest_turn{};
};

// The measured window, and what one completion queue's finished calls add to a result.
class Window {
 public:
  Window(const Options& options, Clock::time_point begin)
      : measure_from_(begin + Seconds(options.warmup)),
        end_(measure_from_ + Seconds(options.seconds)) {}

  static Clock::duration Seconds(double s) {
    return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s));
  }
  Clock::time_point end() const { return end_; }
  bool Measures(Clock::time_point scheduled) const {
    return scheduled >= measure_from_ && scheduled < end_;
  }

  // Records `call`, finished at `now`, and deletes it.
  void Complete(Call* call, Clock::time_point now, ThreadResult& result) const {
    if (call->status.ok()) ++result.completed;
    if (Measures(call->scheduled)) {
      if (call->status.ok()) {
        result.latency.Record(
            std::chrono::duration_cast<std::chrono::nanoseconds>(now - call->scheduled).count());
      } else if (result.errors++ == 0) {
        result.first_error =
            absl::StrCat(call->status.error_code(), " ", call->status.error_message());
      }
    }
    delete call;
  }

 private:
  Clock::time_point measure_from_;
  Clock::time_point end_;
};

// Starts one thread's calls: numbered from thread << 40 (unique across threads), spread over
// the channels' clients in turn.
class CallStarter {
 public:
  CallStarter(const StartFn& start, const NeedClients& clients, int thread,
              grpc::CompletionQueue& cq)
      : start_(start),
        clients_(clients),
        cq_(cq),
        n_(static_cast<uint64_t>(thread) << 40),
        next_client_(static_cast<size_t>(thread)) {}

  void Start(Clock::time_point scheduled) {
    start_(n_++, scheduled, *clients_[next_client_++ % clients_.size()], cq_);
  }

 private:
  const StartFn& start_;
  const NeedClients& clients_;
  grpc::CompletionQueue& cq_;
  uint64_t n_;
  size_t next_client_;
};

// A completion queue must be shut down and emptied before it is destroyed.
void ShutDownAndDrain(grpc::CompletionQueue& cq) {
  cq.Shutdown();
  void* tag = nullptr;
  bool ok = false;
  while (cq.Next(&tag, &ok)) {
  }
}

// Closed loop, one thread: its share of --outstanding in flight on its own completion queue;
// each finished call starts the next one.
void RunClosed(const Options& options, const StartFn& start, const NeedClients& clients, int thread,
               Clock::time_point begin, ThreadResult& result) {
  const Window window(options, begin);
  grpc::CompletionQueue cq;
  CallStarter starter(start, clients, thread, cq);
  int in_flight = 0;
  auto issue = [&](Clock::time_point now) {
    starter.Start(now);
    ++in_flight;
  };
  const int mine = std::max(1, options.outstanding / options.threads);
  for (int i = 0; i < mine; ++i) issue(Clock::now());
  void* tag = nullptr;
  bool ok = false;
  while (in_flight > 0 && cq.Next(&tag, &ok)) {
    const Clock::time_point done = Clock::now();
    window.Complete(static_cast<Call*>(tag), done, result);
    --in_flight;
    if (done < window.end()) issue(done);
  }
  ShutDownAndDrain(cq);
}

// Open loop, one thread per completion queue that never sleeps: it starts every call that is
// due, takes whatever has finished without waiting, and turns again. The client has its core to
// itself (scripts/bench pins the servers to another), so spinning takes nothing from what is
// measured, while both ways of waiting that were tried cost more (figures from this 2-core VM,
// against the reference server):
//  - a wait in CompletionQueue::AsyncNext until the next send time, as this client did before:
//    gRPC keeps deadlines in whole milliseconds, so sends went out up to 1 ms late (p50 692 us
//    at 1,000 calls/s, against 96 us now) and a shorter wait returned at once;
//  - a sender thread sleeping until each send time: a wake-up per send cost about 40 us of CPU
//    (2.1 s of CPU for 35,000 calls at 10,000 calls/s) and a whole core at 36,000 calls/s.
void RunOpen(const Options& options, const StartFn& start, const NeedClients& clients, int thread,
             Clock::time_point begin, ThreadResult& result) {
  const Window window(options, begin);
  grpc::CompletionQueue cq;
  // This thread's share of the rate, its first call offset so threads interleave.
  const Clock::duration period = Window::Seconds(options.threads / options.rate);
  Clock::time_point next_send = begin + period * thread / options.threads;
  CallStarter starter(start, clients, thread, cq);
  int in_flight = 0;
  void* tag = nullptr;
  bool ok = false;
  const gpr_timespec no_wait = gpr_time_0(GPR_CLOCK_MONOTONIC);  // Poll: never block.
  Clock::time_point now = Clock::now();
  while (true) {
    const Clock::time_point turn = now;
    bool worked = false;
    // Start every call that is due: a late turn catches up, it never skips a schedule.
    while (next_send <= now && next_send < window.end()) {
      worked = true;
      if (in_flight >= options.max_outstanding) {
        if (window.Measures(next_send)) ++result.dropped;
      } else {
        starter.Start(next_send);
        ++in_flight;
      }
      next_send += period;
    }
    if (in_flight == 0 && next_send >= window.end()) break;
    while (cq.AsyncNext(&tag, &ok, no_wait) == grpc::CompletionQueue::GOT_EVENT) {
      window.Complete(static_cast<Call*>(tag), Clock::now(), result);
      --in_flight;
      worked = true;
    }
    now = Clock::now();
    if (window.Measures(turn)) {
      if (worked) result.busy += now - turn;
      result.longest_turn = std::max(result.longest_turn, now - turn);
    }
  }
  ShutDownAndDrain(cq);
}

int RunUnary(const Options& options) {
  auto start = MakeScenario(options);
  if (!start.ok()) {
    std::fprintf(stderr, "%s\n", start.status().ToString().c_str());
    return 2;
  }
  auto channels = MakeChannels(options);
  NeedClients clients;
  for (auto& channel : channels) clients.push_back(v1::NeedService::NewStub(channel));
  std::vector<ThreadResult> results(options.threads);
  std::vector<std::thread> threads;
  const Clock::time_point begin = Clock::now();
  for (int t = 0; t < options.threads; ++t) {
    threads.emplace_back(options.mode == "closed" ? RunClosed : RunOpen, std::cref(options),
                         std::cref(*start), std::cref(clients), t, begin, std::ref(results[t]));
  }
  for (auto& t : threads) t.join();
  Histogram all;
  uint64_t errors = 0, dropped = 0, completed = 0;
  Clock::duration busy{}, longest_turn{};
  std::string first_error;
  for (const ThreadResult& r : results) {
    completed += r.completed;
    all.Merge(r.latency);
    errors += r.errors;
    dropped += r.dropped;
    busy += r.busy;
    longest_turn = std::max(longest_turn, r.longest_turn);
    if (first_error.empty()) first_error = r.first_error;
  }
  auto us = [&](double q) { return all.Quantile(q) / 1000.0; };
  std::printf(
      "RESULT scenario=%s mode=%s qps=%.1f p50_us=%.1f p90_us=%.1f p99_us=%.1f p999_us=%.1f "
      "calls=%llu errors=%llu dropped=%llu completed=%llu",
      options.scenario.c_str(), options.mode.c_str(), all.count() / options.seconds, us(0.50),
      us(0.90), us(0.99), us(0.999), static_cast<unsigned long long>(all.count()),
      static_cast<unsigned long long>(errors), static_cast<unsigned long long>(dropped),
      static_cast<unsigned long long>(completed));
  if (options.mode == "open") {
    std::printf(" client_busy=%.2f longest_turn_us=%.0f",
                std::chrono::duration<double>(busy).count() / options.seconds / options.threads,
                std::chrono::duration<double, std::micro>(longest_turn).count());
  }
  std::printf("\n");
  if (errors > 0) std::fprintf(stderr, "first error: %s\n", first_error.c_str());
  return errors > 0 ? 1 : 0;
}

// One ImportOfferings stream of generated rows; generation is done before the clock starts.
int RunImport(const Options& options) {
  auto generator = OfferingGenerator::Create(kLoadSeed);
  if (!generator.ok()) {
    std::fprintf(stderr, "%s\n", generator.status().ToString().c_str());
    return 2;
  }
  std::vector<v1::ImportOfferingsRequest> rows;
  rows.reserve(options.rows);
  for (int i = 0; i < options.rows; ++i) {
    rows.push_back(OfferingRow(**generator, i, absl::StrCat(options.id_prefix, "o", i)));
  }
  Options one_channel = options;
  one_channel.channels = 1;
  auto channels = MakeChannels(one_channel);
  auto offerings = v1::OfferingService::NewStub(channels.front());
  grpc::ClientContext context;
  if (!options.token.empty()) context.AddMetadata("authorization", "Bearer " + options.token);
  v1::ImportSummary summary;
  const Clock::time_point begin = Clock::now();
  auto writer = offerings->ImportOfferings(&context, &summary);
  for (const auto& row : rows) {
    if (!writer->Write(row)) break;
  }
  writer->WritesDone();
  const grpc::Status status = writer->Finish();
  const double seconds = std::chrono::duration<double>(Clock::now() - begin).count();
  std::printf("RESULT scenario=import mode=stream qps=%.1f seconds=%.3f calls=%lld errors=%lld\n",
              summary.accepted_count() / seconds, seconds,
              static_cast<long long>(summary.accepted_count()),
              static_cast<long long>(summary.rejected_count() + (status.ok() ? 0 : 1)));
  if (!status.ok()) {
    std::fprintf(stderr, "import failed: %d %s\n", status.error_code(),
                 status.error_message().c_str());
    return 1;
  }
  if (summary.rejections_size() > 0) {
    const v1::ImportRejection& first = summary.rejections(0);
    std::fprintf(
        stderr, "%lld rows rejected; first: row %lld %s: %s\n",
        static_cast<long long>(summary.rejected_count()),
        static_cast<long long>(first.row_number()),
        first.field_violations_size() > 0 ? first.field_violations(0).field().c_str() : "",
        first.field_violations_size() > 0 ? first.field_violations(0).description().c_str() : "");
  }
  return summary.rejected_count() > 0 ? 1 : 0;
}

}  // namespace
}  // namespace techmatch::bench

int main(int argc, char** argv) {
  techmatch::bench::Options options;
  CLI::App app{"load_client: closed- and open-loop load for techmatch and the reference server"};
  app.add_option("--target", options.target, "host:port")->required();
  app.add_option("--scenario", options.scenario, "get | list | create | import")
      ->check(CLI::IsMember({"get", "list", "create", "import"}))
      ->capture_default_str();
  app.add_option("--mode", options.mode, "closed | open (unary scenarios)")
      ->check(CLI::IsMember({"closed", "open"}))
      ->capture_default_str();
  app.add_option("--channels", options.channels, "channels (connections)")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  app.add_option("--threads", options.threads,
                 "client threads, one completion queue each (open loop: each spins on its own "
                 "core, so no more than the client's cores)")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  app.add_option("--outstanding", options.outstanding, "closed loop: calls in flight")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  app.add_option("--rate", options.rate, "open loop: calls per second")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--seconds", options.seconds, "measured time")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--warmup", options.warmup, "unmeasured time first")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  app.add_option("--needs", options.needs, "get: seeded needs n0..n<needs-1>")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--rows", options.rows, "import: rows in the stream")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--id_prefix", options.id_prefix, "create/import: prefix of the new ids")
      ->capture_default_str();
  app.add_option("--token", options.token, "bearer token for the authorization header");
  CLI11_PARSE(app, argc, argv);
  // As techmatch-server does: no debug-only deadlock detection on gRPC's locks.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  options.threads = std::min(options.threads, std::max(1, options.outstanding));
  return options.scenario == "import" ? techmatch::bench::RunImport(options)
                                      : techmatch::bench::RunUnary(options);
}
