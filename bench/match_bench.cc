// MatchNeed benchmark (DESIGN §6): index build time and resident memory, MatchNeed top-20
// latency in process, and the same queries answered by an SQLite FTS5 BM25 table over the
// same data as the baseline, for 100,000 and 1,000,000 generated offerings.
//
//   match_bench [--quick] [--needs=300] [--fts_needs=N] [--no_fts] [--sizes=100000,1000000]
//
// --quick: 100,000 offerings only. --no_fts: the engine only, no baseline. The FTS5 table
// indexes the analyzer's terms joined by spaces (FTS5's own tokenizers cannot find
// two-character Chinese terms), each repeated as often as it occurs so BM25 sees the same
// frequencies, and is queried with an OR of the need's terms, ORDER BY bm25(...) LIMIT 20.
#include <malloc.h>
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
#include "bench/generators/offering_generator.h"
#include "core/matching/match_profile.h"
#include "core/matching/matching_engine.h"

namespace techmatch::bench {
namespace {

using Clock = std::chrono::steady_clock;

double Millis(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

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
  double build_s = 0, rss_mib = 0, rss_delta_mib = 0, posting_mib = 0;
  Latency engine;
  double fts_build_s = 0, fts_db_mib = 0;
  Latency fts;
  double overlap = 0;  // Mean share of the engine's text-ranked top 20 also in FTS5's top 20.
};

Result Run(size_t offerings, size_t needs, size_t fts_needs,
           const std::shared_ptr<const TextAnalyzer>& analyzer, const OfferingGenerator& gen) {
  Result result;
  result.offerings = offerings;
  malloc_trim(0);
  const double rss_before = ResidentMiB();
  auto engine = std::make_unique<MatchingEngine>(analyzer);
  Clock::duration indexing{};
  for (size_t i = 0; i < offerings; ++i) {
    const Offering offering = gen.MakeOffering(i);
    const auto start = Clock::now();
    const absl::Status status = engine->IndexOffering(offering);
    indexing += Clock::now() - start;
    if (!status.ok()) {
      std::fprintf(stderr, "index: %s\n", status.ToString().c_str());
      std::exit(1);
    }
    if ((i + 1) % 200000 == 0) std::fprintf(stderr, "  indexed %zu\n", i + 1);
  }
  const auto compact_start = Clock::now();
  engine->Compact();
  indexing += Clock::now() - compact_start;
  malloc_trim(0);
  result.build_s = Millis(indexing) / 1000;
  result.rss_mib = ResidentMiB();
  result.rss_delta_mib = result.rss_mib - rss_before;
  result.posting_mib = engine->posting_bytes() / 1048576.0;

  std::vector<Need> queries;
  for (size_t q = 0; q < needs; ++q) queries.push_back(gen.MakeNeed(q));
  // Warm-up: first-touch of the accumulators and caches.
  for (size_t q = 0; q < std::min<size_t>(10, needs); ++q) {
    (void)engine->MatchNeed(queries[q], MatchOptions{});
  }
  std::vector<double> engine_ms;
  for (const Need& need : queries) {
    const auto start = Clock::now();
    auto matches = engine->MatchNeed(need, MatchOptions{});
    engine_ms.push_back(Millis(Clock::now() - start));
    if (!matches.ok() || matches->empty()) {
      std::fprintf(stderr, "match %s: no result\n", need.meta.id.c_str());
    }
  }
  result.engine = Summarize(engine_ms);

  if (fts_needs == 0) return result;
  // The baseline: an FTS5 table in a temporary SQLite file.
  char dir_pattern[] = "/tmp/techmatch-bench-XXXXXX";
  if (mkdtemp(dir_pattern) == nullptr) std::exit(1);
  const std::string path = std::string(dir_pattern) + "/fts.db";
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;");
    db.exec(
        "CREATE VIRTUAL TABLE docs USING fts5(terms, tokenize = \"unicode61 tokenchars '-./_'\")");
    const auto start = Clock::now();
    SQLite::Transaction transaction(db);
    SQLite::Statement insert(db, "INSERT INTO docs(rowid, terms) VALUES (?, ?)");
    for (size_t i = 0; i < offerings; ++i) {
      const Offering offering = gen.MakeOffering(i);
      insert.bind(1, static_cast<int64_t>(i));
      insert.bind(2, FtsDocument(*analyzer, MatchText(offering.listing)));
      insert.exec();
      insert.reset();
    }
    transaction.commit();
    db.exec("INSERT INTO docs(docs) VALUES('optimize')");
    result.fts_build_s = Millis(Clock::now() - start) / 1000;
  }
  result.fts_db_mib = std::filesystem::file_size(path) / 1048576.0;
  {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    db.exec("PRAGMA cache_size=-262144");  // 256 MiB: the whole index stays cached.
    SQLite::Statement select(
        db, "SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT 20");
    std::vector<double> fts_ms;
    double overlap_sum = 0;
    const size_t count = std::min(fts_needs, queries.size());
    for (size_t q = 0; q < count; ++q) {
      const std::string text = MatchText(queries[q].listing);
      const auto start = Clock::now();
      select.bind(1, FtsQuery(*analyzer, text));
      std::vector<std::string> ids;
      while (select.executeStep()) ids.push_back(absl::StrCat("o", select.getColumn(0).getInt64()));
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
  }
  std::filesystem::remove_all(dir_pattern);
  return result;
}

}  // namespace
}  // namespace techmatch::bench

int main(int argc, char** argv) {
  using namespace techmatch;
  std::vector<size_t> sizes = {100000, 1000000};
  size_t needs = 300;
  size_t fts_needs = 0;  // 0: as many as --needs.
  bool no_fts = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--quick") {
      sizes = {100000};
    } else if (arg.rfind("--needs=", 0) == 0) {
      if (!absl::SimpleAtoi(arg.substr(8), &needs)) return 2;
    } else if (arg == "--no_fts") {
      no_fts = true;
    } else if (arg.rfind("--fts_needs=", 0) == 0) {
      if (!absl::SimpleAtoi(arg.substr(12), &fts_needs)) return 2;
    } else if (arg.rfind("--sizes=", 0) == 0) {
      sizes.clear();
      for (absl::string_view s : absl::StrSplit(arg.substr(8), ',')) {
        size_t n = 0;
        if (!absl::SimpleAtoi(s, &n)) return 2;
        sizes.push_back(n);
      }
    } else {
      std::fprintf(stderr,
                   "usage: %s [--quick] [--needs=N] [--fts_needs=N] [--no_fts] [--sizes=A,B]\n",
                   argv[0]);
      return 2;
    }
  }
  if (fts_needs == 0) fts_needs = needs;
  if (no_fts) fts_needs = 0;
  auto analyzer = TextAnalyzer::Create();
  auto generator = bench::OfferingGenerator::Create(20260101);
  if (!analyzer.ok() || !generator.ok()) {
    std::fprintf(stderr, "setup failed\n");
    return 1;
  }
  std::printf("MatchNeed top-20, %zu generated needs (FTS5: %zu), %ld cores\n", needs,
              std::min(needs, fts_needs), sysconf(_SC_NPROCESSORS_ONLN));
  std::printf(
      "| offerings | build s | VmRSS MiB (index) | postings MiB | engine p50 ms | engine p99 ms | "
      "FTS5 build s | FTS5 p50 ms | FTS5 p99 ms | p50 speed-up | top-20 overlap |\n"
      "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  std::fflush(stdout);
  for (size_t size : sizes) {
    const bench::Result r = bench::Run(size, needs, fts_needs, *analyzer, **generator);
    std::printf(
        "| %zu | %.1f | %.0f (%.0f) | %.0f | %.2f | %.2f | %.1f | %.1f | %.1f | %.0f× | %.0f%% |\n",
        r.offerings, r.build_s, r.rss_mib, r.rss_delta_mib, r.posting_mib, r.engine.p50,
        r.engine.p99, r.fts_build_s, r.fts.p50, r.fts.p99,
        r.engine.p50 > 0 ? r.fts.p50 / r.engine.p50 : 0, r.overlap * 100);
    std::fflush(stdout);
  }
  return 0;
}
