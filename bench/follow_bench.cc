// How soon a write on one server reaches the other server sharing its PostgreSQL database:
// two real servers (in this process, each with its own repository, pool and change feed, as two
// processes have), a stream of CreateNeed calls on the first at a fixed rate (open loop), and a
// free-text WatchMatches on the second for a word that every `--tag_every`th need carries. The
// lag of a tagged need is the time from its CreateNeed answer on the first server to its match
// arriving on the second's watch: the change feed's wake-up, the follower's read, the index
// update, the watch's scoring and send. A watch match means the need is in the second server's
// matching index, so MatchNeed sees it no later.
//
//   build/bin/follow_bench --db=postgresql://...   (a cluster; a database is created and dropped)
//       [--rate=1000] [--seconds=10] [--tag_every=10] [--writers=16] [--p99_target_ms=500]
//
// Prints the rate achieved, lag percentiles and missing tagged needs; exits 1 when p99 is over
// the target, a tagged need never arrives, or the rate fell short by more than 10%.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/synchronization/mutex.h"
#include "bench/bench_data.h"
#include "core/auth/api_key.h"
#include "grpcpp/grpcpp.h"
#include "server/techmatch_server.h"
#include "storage/postgres/connection.h"
#include "storage/postgres/postgres_repository.h"
#include "techmatch/v1/match.grpc.pb.h"
#include "techmatch/v1/need.grpc.pb.h"

namespace techmatch::bench {
namespace {

using Clock = std::chrono::steady_clock;

// The word tagged needs carry; generated text never has it.
constexpr char kTag[] = "zqxfollow";

std::string StringFlag(int argc, char** argv, absl::string_view name) {
  const std::string prefix = absl::StrCat("--", name, "=");
  for (int i = 1; i < argc; ++i) {
    if (absl::StartsWith(argv[i], prefix)) return std::string(argv[i] + prefix.size());
  }
  return "";
}

int IntFlag(int argc, char** argv, absl::string_view name, int fallback) {
  int value = 0;
  const std::string text = StringFlag(argc, argv, name);
  return !text.empty() && absl::SimpleAtoi(text, &value) ? value : fallback;
}

std::unique_ptr<grpc::ClientContext> Context(const std::string& token) {
  auto context = std::make_unique<grpc::ClientContext>();
  context->AddMetadata("authorization", "Bearer " + token);
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  return context;
}

// A database of its own on the cluster, dropped at the end.
class BenchDatabase {
 public:
  explicit BenchDatabase(std::string admin_uri) : admin_uri_(std::move(admin_uri)) {
    name_ = absl::StrFormat("tm_follow_bench_%d", getpid());
    auto admin = storage::postgres::Connection::Open(admin_uri_);
    if (!admin.ok() || !(*admin)->Script(absl::StrCat("CREATE DATABASE ", name_)).ok()) return;
    uri_ =
        absl::StrCat(admin_uri_, absl::StrContains(admin_uri_, "?") ? "&" : "?", "dbname=", name_);
  }
  ~BenchDatabase() {
    if (uri_.empty()) return;
    auto admin = storage::postgres::Connection::Open(admin_uri_);
    if (admin.ok()) {
      (*admin)
          ->Script(absl::StrCat("DROP DATABASE IF EXISTS ", name_, " WITH (FORCE)"))
          .IgnoreError();
    }
  }
  const std::string& uri() const { return uri_; }

 private:
  std::string admin_uri_;
  std::string name_;
  std::string uri_;
};

absl::StatusOr<std::unique_ptr<server::TechmatchServer>> StartServer(const std::string& uri) {
  auto repository = storage::PostgresRepository::Open(uri);
  if (!repository.ok()) return repository.status();
  server::ServerOptions options;
  options.listen = "127.0.0.1:0";
  return server::TechmatchServer::Start(options, *std::move(repository));
}

double Percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  const size_t at = std::min(sorted.size() - 1, static_cast<size_t>(p * sorted.size()));
  return sorted[at];
}

int Run(int argc, char** argv) {
  const std::string admin_uri = StringFlag(argc, argv, "db");
  const int rate = IntFlag(argc, argv, "rate", 1000);
  const int seconds = IntFlag(argc, argv, "seconds", 10);
  const int tag_every = IntFlag(argc, argv, "tag_every", 10);
  const int writers = IntFlag(argc, argv, "writers", 16);
  const int p99_target_ms = IntFlag(argc, argv, "p99_target_ms", 500);
  if (admin_uri.empty() || rate < 1 || seconds < 1 || tag_every < 1 || writers < 1) {
    std::fprintf(stderr,
                 "usage: follow_bench --db=POSTGRESQL_URI [--rate=N] [--seconds=N] "
                 "[--tag_every=N] [--writers=N] [--p99_target_ms=N]\n");
    return 2;
  }
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  BenchDatabase database(admin_uri);
  if (database.uri().empty()) {
    std::fprintf(stderr, "cannot create a database on %s\n", admin_uri.c_str());
    return 1;
  }
  {
    auto seed = storage::PostgresRepository::Open(database.uri());
    if (!seed.ok() || !SeedOrganizations(**seed).ok()) {
      std::fprintf(stderr, "cannot seed the database\n");
      return 1;
    }
  }
  auto keys = storage::PostgresRepository::Open(database.uri());
  NewToken token = *GenerateToken();
  if (!keys.ok() ||
      !(*keys)->CreateApiKey(KeyForToken(token, Role::kAdmin, "", "bench", absl::Now())).ok()) {
    return 1;
  }
  auto writer_server = StartServer(database.uri());
  auto watcher_server = StartServer(database.uri());
  if (!writer_server.ok() || !watcher_server.ok()) {
    std::fprintf(stderr, "cannot start the servers\n");
    return 1;
  }
  auto generator = OfferingGenerator::Create(kLoadSeed);
  if (!generator.ok()) return 1;

  // The watch on the second server, read on its own thread.
  auto watch_channel = grpc::CreateChannel(absl::StrCat("127.0.0.1:", (*watcher_server)->port()),
                                           grpc::InsecureChannelCredentials());
  auto matches = v1::MatchService::NewStub(watch_channel);
  auto watch_context = Context(token.token);
  watch_context->set_deadline(std::chrono::system_clock::time_point::max());
  v1::WatchMatchesRequest watch_request;
  watch_request.mutable_query()->set_text(kTag);
  watch_request.mutable_query()->set_target(v1::WATCH_TARGET_NEEDS);
  auto reader = matches->WatchMatches(watch_context.get(), watch_request);
  reader->WaitForInitialMetadata();
  absl::Mutex mu;
  absl::flat_hash_map<std::string, Clock::time_point> arrived;  // need name -> arrival
  absl::flat_hash_map<std::string, Clock::time_point> answered;
  std::thread watch_thread([&] {
    v1::WatchMatchesResponse message;
    while (reader->Read(&message)) {
      const auto now = Clock::now();
      absl::MutexLock lock(&mu);
      arrived.try_emplace(message.match().need(), now);
    }
  });

  // The writers: CreateNeed on the first server at `rate` a second in all.
  auto write_channel = grpc::CreateChannel(absl::StrCat("127.0.0.1:", (*writer_server)->port()),
                                           grpc::InsecureChannelCredentials());
  auto needs = v1::NeedService::NewStub(write_channel);
  const int total = rate * seconds;
  std::atomic<int> next{0};
  std::atomic<int> failed{0};
  const auto start = Clock::now();
  std::vector<std::thread> threads;
  for (int w = 0; w < writers; ++w) {
    threads.emplace_back([&] {
      for (int i; (i = next.fetch_add(1)) < total;) {
        v1::CreateNeedRequest request;
        *request.mutable_need() = NeedInput(**generator, static_cast<uint64_t>(i));
        const bool tagged = i % tag_every == 0;
        if (tagged) request.mutable_need()->set_title(absl::StrCat(kTag, " ", i));
        request.set_need_id(absl::StrCat("f", i));
        std::this_thread::sleep_until(start + std::chrono::duration_cast<Clock::duration>(
                                                  std::chrono::duration<double>(1.0 * i / rate)));
        v1::Need created;
        if (!needs->CreateNeed(Context(token.token).get(), request, &created).ok()) {
          failed.fetch_add(1);
          continue;
        }
        if (!tagged) continue;
        const auto now = Clock::now();
        absl::MutexLock lock(&mu);
        answered.emplace(created.name(), now);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  const double write_seconds = std::chrono::duration<double>(Clock::now() - start).count();
  // Stragglers: give the last tagged needs up to 5 s to arrive.
  const auto deadline = Clock::now() + std::chrono::seconds(5);
  while (Clock::now() < deadline) {
    {
      absl::MutexLock lock(&mu);
      bool all = true;
      for (const auto& [name, at] : answered) all = all && arrived.contains(name);
      if (all) break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  watch_context->TryCancel();
  watch_thread.join();
  reader->Finish();

  std::vector<double> lags;
  int missing = 0;
  for (const auto& [name, at] : answered) {
    auto it = arrived.find(name);
    if (it == arrived.end()) {
      ++missing;
      continue;
    }
    // A match can arrive before the writer's answer does (the answer travels too): lag 0.
    lags.push_back(
        std::max(0.0, std::chrono::duration<double, std::milli>(it->second - at).count()));
  }
  std::sort(lags.begin(), lags.end());
  const double achieved = (total - failed.load()) / write_seconds;
  const double p99 = Percentile(lags, 0.99);
  std::printf(
      "writes: %d CreateNeed on server 1 in %.1f s (%.0f/s, target %d/s), %d failed\n"
      "tagged needs seen on server 2's watch: %zu of %zu, lag after the write's answer (ms): "
      "p50 %.1f  p90 %.1f  p99 %.1f  max %.1f  (target p99 <= %d)\n",
      total, write_seconds, achieved, rate, failed.load(), lags.size(), answered.size(),
      Percentile(lags, 0.5), Percentile(lags, 0.9), p99, lags.empty() ? 0.0 : lags.back(),
      p99_target_ms);
  const bool pass =
      missing == 0 && failed.load() == 0 && p99 <= p99_target_ms && achieved >= 0.9 * rate;
  std::printf("RESULT %s rate=%.0f p99_ms=%.1f missing=%d\n", pass ? "pass" : "FAIL", achieved, p99,
              missing);
  (*writer_server)->Shutdown(absl::Seconds(1));
  (*watcher_server)->Shutdown(absl::Seconds(1));
  return pass ? 0 : 1;
}

}  // namespace
}  // namespace techmatch::bench

int main(int argc, char** argv) { return techmatch::bench::Run(argc, argv); }
