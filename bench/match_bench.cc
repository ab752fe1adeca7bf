// MatchNeed benchmark, for 100,000 and 1,000,000 generated offerings, in one run:
// the offerings are stored through the SQLite repository; a MatchingEngine is rebuilt from
// it (as the server does at start: build time and resident memory); MatchNeed top-20 is timed
// in process; the same queries are answered by an SQLite FTS5 BM25 table over the same data
// (the baseline); then the real TechmatchServer is started in this process on 127.0.0.1:0
// over the same database and MatchNeed is timed over gRPC with an ADMIN key.
//
//   match_bench [--quick] [--needs=300] [--fts_needs=N] [--no_fts] [--grpc_needs=N]
//               [--no_grpc] [--sizes=100000,1000000]
//
// --quick: 100,000 offerings only. --no_fts / --no_grpc: skip the baseline / the server.
// Every latency is reported as wall time and as CPU time (the thread's for in-process calls,
// the whole process's — client and server — for gRPC calls): the machine is shared, and
// CPU time is what other people's work does not inflate much.
//
// The FTS5 table indexes the analyzer's terms joined by spaces (FTS5's own tokenizers cannot
// find two-character Chinese terms), each repeated as often as it occurs so BM25 sees the
// same frequencies, and is queried with an OR of the need's terms, ORDER BY bm25(...) LIMIT 20.
#include <malloc.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "SQLiteCpp/SQLiteCpp.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "bench/bench_data.h"
#include "bench/generators/offering_generator.h"
#include "core/auth/api_key.h"
#include "core/matching/match_profile.h"
#include "core/matching/matching_engine.h"
#include "grpcpp/grpcpp.h"
#include "server/index_loader.h"
#include "server/techmatch_server.h"
#include "spdlog/spdlog.h"
#include "storage/sqlite/sqlite_repository.h"
#include "techmatch/v1/match.grpc.pb.h"

namespace techmatch::bench {
namespace {

using Clock = std::chrono::steady_clock;

double Millis(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

double CpuMillis(clockid_t clock) {
  timespec ts;
  clock_gettime(clock, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

// VmRSS of this process in MiB.
double ResidentMiB() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) {
      long kib = std::atol(line.c_str() + 6);
      return kib / 1024.0;
    }
  }
  return 0;
}

struct Latency {
  double p50 = 0, p99 = 0, mean = 0;
  size_t count = 0;
};

Latency Summarize(std::vector<double> millis) {
  Latency l;
  if (millis.empty()) return l;
  std::sort(millis.begin(), millis.end());
  l.count = millis.size();
  l.p50 = millis[millis.size() / 2];
  l.p99 = millis[std::min(millis.size() - 1, millis.size() * 99 / 100)];
  for (double m : millis) l.mean += m;
  l.mean /= static_cast<double>(millis.size());
  return l;
}

// The analyzer's terms of `text`, each repeated by its count, joined by spaces.
std::string FtsDocument(const TextAnalyzer& analyzer, const std::string& text) {
  std::string out;
  for (const AnalyzedTerm& term : analyzer.Analyze(text).terms) {
    for (int i = 0; i < term.count; ++i) absl::StrAppend(&out, out.empty() ? "" : " ", term.term);
  }
  return out;
}

// "t1" OR "t2" ... over the distinct terms of `text`.
std::string FtsQuery(const TextAnalyzer& analyzer, const std::string& text) {
  std::vector<std::string> quoted;
  for (const AnalyzedTerm& term : analyzer.Analyze(text).terms) {
    quoted.push_back(absl::StrCat("\"", absl::StrReplaceAll(term.term, {{"\"", "\"\""}}), "\""));
  }
  return absl::StrJoin(quoted, " OR ");
}

struct Result {
  size_t offerings = 0;
  double store_s = 0;  // CreateOfferings in batches of 1,000 (generation included)
  double build_s = 0, rss_mib = 0, rss_delta_mib = 0, posting_mib = 0;
  Latency engine, engine_cpu;
  double fts_build_s = 0, fts_db_mib = 0;
  Latency fts;
  double overlap = 0;  // Mean share of the engine's top 20 also in FTS5's top 20.
  double server_start_s = 0, server_rss_mib = 0;
  Latency grpc, grpc_cpu;
};

void Fail(const std::string& what) {
  std::fprintf(stderr, "match_bench: %s\n", what.c_str());
  std::exit(1);
}

Result Run(size_t offerings, size_t needs, size_t fts_needs, size_t grpc_needs,
           const std::shared_ptr<const TextAnalyzer>& analyzer, const OfferingGenerator& gen) {
  Result result;
  result.offerings = offerings;
  char dir_pattern[] = "/tmp/techmatch-bench-XXXXXX";
  if (mkdtemp(dir_pattern) == nullptr) Fail("mkdtemp");
  const std::string dir = dir_pattern;
  const std::string db_path = dir + "/match.db";
  std::vector<Need> queries;
  for (size_t q = 0; q < needs; ++q) queries.push_back(gen.MakeNeed(q));
  std::string token;
  {
    // The data, stored as the server stores it (NORMAL sync: a bulk load, not durability).
    storage::SqliteOptions options;
    options.synchronous = storage::Synchronous::kNormal;
    auto repository = storage::SqliteRepository::Open(db_path, options);
    if (!repository.ok()) Fail(repository.status().ToString());
    if (!SeedOrganizations(**repository).ok()) Fail("seed organizations");
    const auto start = Clock::now();
    std::vector<Offering> batch;
    for (size_t i = 0; i < offerings; ++i) {
      batch.push_back(gen.MakeOffering(i));
      if (batch.size() == 1000 || i + 1 == offerings) {
        auto stored = (*repository)->CreateOfferings(batch);
        if (!stored.ok()) Fail(stored.status().ToString());
        for (const auto& row : *stored) {
          if (!row.ok()) Fail(row.status().ToString());
        }
        batch.clear();
      }
      if ((i + 1) % 200000 == 0) std::fprintf(stderr, "  stored %zu\n", i + 1);
    }
    result.store_s = Millis(Clock::now() - start) / 1000;
    auto stored = (*repository)->CreateNeeds(queries);
    if (!stored.ok()) Fail(stored.status().ToString());
    absl::StatusOr<NewToken> new_token = GenerateToken();
    if (!new_token.ok() ||
        !(*repository)
             ->CreateApiKey(KeyForToken(*new_token, Role::kAdmin, "", "match_bench", absl::Now()))
             .ok()) {
      Fail("cannot create an ADMIN key");
    }
    token = new_token->token;

    // The engine rebuilt from storage, as the server does at start.
    malloc_trim(0);
    const double rss_before = ResidentMiB();
    auto engine = std::make_unique<MatchingEngine>(analyzer);
    const auto build_start = Clock::now();
    if (!server::LoadMatchingIndex(**repository, *engine).ok()) Fail("LoadMatchingIndex");
    result.build_s = Millis(Clock::now() - build_start) / 1000;
    malloc_trim(0);
    result.rss_mib = ResidentMiB();
    result.rss_delta_mib = result.rss_mib - rss_before;
    result.posting_mib = engine->posting_bytes() / 1048576.0;
    if (engine->indexed_offerings() != offerings) Fail("index size");

    // Warm-up: first touch of caches and the accumulator pool.
    for (size_t q = 0; q < std::min<size_t>(10, needs); ++q) {
      (void)engine->MatchNeed(queries[q], MatchOptions{});
    }
    std::vector<double> wall, cpu;
    for (const Need& need : queries) {
      const double cpu_start = CpuMillis(CLOCK_THREAD_CPUTIME_ID);
      const auto start = Clock::now();
      auto matches = engine->MatchNeed(need, MatchOptions{});
      wall.push_back(Millis(Clock::now() - start));
      cpu.push_back(CpuMillis(CLOCK_THREAD_CPUTIME_ID) - cpu_start);
      if (!matches.ok() || matches->empty()) {
        std::fprintf(stderr, "match %s: no result\n", need.meta.id.c_str());
      }
    }
    result.engine = Summarize(wall);
    result.engine_cpu = Summarize(cpu);

    if (fts_needs > 0) {
      // The baseline: an FTS5 table in its own SQLite file.
      const std::string path = dir + "/fts.db";
      {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;");
        db.exec(
            "CREATE VIRTUAL TABLE docs USING fts5(terms, tokenize = \"unicode61 tokenchars "
            "'-./_'\")");
        const auto start = Clock::now();
        SQLite::Transaction transaction(db);
        SQLite::Statement insert(db, "INSERT INTO docs(rowid, terms) VALUES (?, ?)");
        for (size_t i = 0; i < offerings; ++i) {
          const Offering offering = gen.MakeOffering(i);
          insert.bind(1, static_cast<int64_t>(i));
          insert.bind(2, FtsDocument(*analyzer, MatchText(offering.listing)));
          insert.exec();
          insert.reset();
          if ((i + 1) % 200000 == 0) std::fprintf(stderr, "  FTS5 %zu\n", i + 1);
        }
        transaction.commit();
        db.exec("INSERT INTO docs(docs) VALUES('optimize')");
        result.fts_build_s = Millis(Clock::now() - start) / 1000;
      }
      result.fts_db_mib = std::filesystem::file_size(path) / 1048576.0;
      SQLite::Database db(path, SQLite::OPEN_READONLY);
      db.exec("PRAGMA cache_size=-262144");  // 256 MiB: the whole index stays cached.
      SQLite::Statement select(
          db, "SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT 20");
      std::vector<double> fts_ms;
      double overlap_sum = 0;
      const size_t count = std::min(fts_needs + 1, queries.size());
      for (size_t q = 0; q < count; ++q) {
        const std::string text = MatchText(queries[q].listing);
        const auto start = Clock::now();
        select.bind(1, FtsQuery(*analyzer, text));
        std::vector<std::string> ids;
        while (select.executeStep()) {
          ids.push_back(absl::StrCat("o", select.getColumn(0).getInt64()));
        }
        select.reset();
        if (q > 0) fts_ms.push_back(Millis(Clock::now() - start));  // The first one warms up.
        // How far the two rankings agree (the engine also weighs industry, maturity, price...).
        size_t shared = 0;
        auto mine = engine->MatchNeed(queries[q], MatchOptions{});
        for (const MatchResult& m : *mine) {
          shared += std::count(ids.begin(), ids.end(), m.offering_id);
        }
        overlap_sum += mine->empty() ? 0 : static_cast<double>(shared) / mine->size();
      }
      result.fts = Summarize(fts_ms);
      result.overlap = count == 0 ? 0 : overlap_sum / count;
      std::filesystem::remove(path);
    }
  }
  malloc_trim(0);

  if (grpc_needs > 0) {
    // The real server over the same database, in this process; calls go through the socket.
    spdlog::set_level(spdlog::level::warn);
    auto repository = storage::SqliteRepository::Open(db_path, storage::SqliteOptions{});
    if (!repository.ok()) Fail(repository.status().ToString());
    server::ServerOptions options;
    options.listen = "127.0.0.1:0";
    const auto start = Clock::now();
    auto server = server::TechmatchServer::Start(options, *std::move(repository));
    if (!server.ok()) Fail(server.status().ToString());
    result.server_start_s = Millis(Clock::now() - start) / 1000;
    malloc_trim(0);
    result.server_rss_mib = ResidentMiB();
    auto channel = grpc::CreateChannel(absl::StrCat("127.0.0.1:", (*server)->port()),
                                       grpc::InsecureChannelCredentials());
    auto stub = v1::MatchService::NewStub(channel);
    auto call = [&](size_t q) {
      grpc::ClientContext context;
      context.AddMetadata("authorization", "Bearer " + token);
      context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
      v1::MatchNeedRequest request;
      request.set_need(absl::StrCat("needs/n", q));
      request.set_page_size(20);
      v1::MatchNeedResponse response;
      const grpc::Status status = stub->MatchNeed(&context, request, &response);
      if (!status.ok()) Fail(absl::StrCat("MatchNeed: ", status.error_message()));
      if (response.matches_size() == 0) std::fprintf(stderr, "gRPC match n%zu: no result\n", q);
    };
    const size_t count = std::min(grpc_needs, needs);
    for (size_t q = 0; q < std::min<size_t>(10, count); ++q) call(q);
    std::vector<double> wall, cpu;
    for (size_t q = 0; q < count; ++q) {
      const double cpu_start = CpuMillis(CLOCK_PROCESS_CPUTIME_ID);
      const auto start = Clock::now();
      call(q);
      wall.push_back(Millis(Clock::now() - start));
      cpu.push_back(CpuMillis(CLOCK_PROCESS_CPUTIME_ID) - cpu_start);
    }
    result.grpc = Summarize(wall);
    result.grpc_cpu = Summarize(cpu);
    (*server)->Shutdown(absl::Seconds(1));
    (*server)->Wait();
  }
  std::filesystem::remove_all(dir);
  return result;
}

}  // namespace
}  // namespace techmatch::bench

int main(int argc, char** argv) {
  using namespace techmatch;
  std::vector<size_t> sizes = {100000, 1000000};
  size_t needs = 300;
  size_t fts_needs = 0;   // 0: as many as --needs.
  size_t grpc_needs = 0;  // 0: as many as --needs.
  bool no_fts = false, no_grpc = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--quick") {
      sizes = {100000};
    } else if (arg.rfind("--needs=", 0) == 0) {
      if (!absl::SimpleAtoi(arg.substr(8), &needs)) return 2;
    } else if (arg == "--no_fts") {
      no_fts = true;
    } else if (arg == "--no_grpc") {
      no_grpc = true;
    } else if (arg.rfind("--fts_needs=", 0) == 0) {
      if (!absl::SimpleAtoi(arg.substr(12), &fts_needs)) return 2;
    } else if (arg.rfind("--grpc_needs=", 0) == 0) {
      if (!absl::SimpleAtoi(arg.substr(13), &grpc_needs)) return 2;
    } else if (arg.rfind("--sizes=", 0) == 0) {
      sizes.clear();
      for (absl::string_view s : absl::StrSplit(arg.substr(8), ',')) {
        size_t n = 0;
        if (!absl::SimpleAtoi(s, &n)) return 2;
        sizes.push_back(n);
      }
    } else {
      std::fprintf(stderr,
                   "usage: %s [--quick] [--needs=N] [--fts_needs=N] [--no_fts] [--grpc_needs=N] "
                   "[--no_grpc] [--sizes=A,B]\n",
                   argv[0]);
      return 2;
    }
  }
  if (needs == 0) return 2;
  if (fts_needs == 0) fts_needs = needs;
  if (no_fts) fts_needs = 0;
  if (grpc_needs == 0) grpc_needs = needs;
  if (no_grpc) grpc_needs = 0;
  auto analyzer = TextAnalyzer::Create();
  auto generator = bench::OfferingGenerator::Create(20260101);
  if (!analyzer.ok() || !generator.ok()) {
    std::fprintf(stderr, "setup failed\n");
    return 1;
  }
  std::printf(
      "MatchNeed top-20, %zu generated needs (FTS5: %zu, gRPC: %zu), %ld cores; latencies in ms "
      "as wall / CPU (in process: the calling thread's; gRPC: the whole process's, client and "
      "server)\n",
      needs, std::min(needs, fts_needs), std::min(needs, grpc_needs),
      sysconf(_SC_NPROCESSORS_ONLN));
  std::printf(
      "| offerings | store s | index build s | VmRSS MiB (index) | postings MiB | in-process p50 | "
      "in-process p99 | gRPC p50 | gRPC p99 | server start s | server VmRSS MiB | FTS5 build s | "
      "FTS5 p50 | FTS5 p99 | p50 speed-up (wall) | top-20 overlap |\n"
      "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  std::fflush(stdout);
  for (size_t size : sizes) {
    const bench::Result r = bench::Run(size, needs, fts_needs, grpc_needs, *analyzer, **generator);
    std::printf(
        "| %zu | %.1f | %.1f | %.0f (%.0f) | %.0f | %.2f / %.2f | %.2f / %.2f | %.2f / %.2f | "
        "%.2f / %.2f | %.1f | %.0f | %.1f | %.1f | %.1f | %.0f× | %.0f%% |\n",
        r.offerings, r.store_s, r.build_s, r.rss_mib, r.rss_delta_mib, r.posting_mib, r.engine.p50,
        r.engine_cpu.p50, r.engine.p99, r.engine_cpu.p99, r.grpc.p50, r.grpc_cpu.p50, r.grpc.p99,
        r.grpc_cpu.p99, r.server_start_s, r.server_rss_mib, r.fts_build_s, r.fts.p50, r.fts.p99,
        r.engine.p50 > 0 ? r.fts.p50 / r.engine.p50 : 0, r.overlap * 100);
    std::fflush(stdout);
  }
  return 0;
}
