// What a year of edits does to the matching index, and what reclaiming dead slots online costs
// (core/matching/inverted_index.h, "Compaction"). Two parts, on generated offerings whose
// analysed text is cached on disk (bench/analysed_offerings.h):
//
//  1. Memory: `--offerings` offerings, then `--updates` updates (each a random offering
//     replaced by the text and facts of another generated record), against a fresh index of
//     the same final records built as the server builds one at start (Upsert each, Compact).
//     Both in the index's own byte accounting; sampled every 10,000 updates.
//  2. Lock hold times at `--large` offerings: `--large_updates` updates, each timed (Upsert
//     runs under the engine's writer lock, so its time is how long it can stall queries),
//     split by whether a compaction step ran; with a TopK (k = 20, a generated need) after
//     every `--query_every` updates; and one whole Compact, what a compaction done in one go
//     would hold the lock for.
//
//   index_churn_bench [--offerings=100000] [--updates=1000000] [--large=1000000]
//                     [--large_updates=250000] [--query_every=100] [--cache_dir=/tmp/techmatch-lab]
//
// --large=0 skips part 2, --updates=0 part 1. One cache serves both, of max(--large,
// 2 × --offerings) records: part 1 starts from its first `--offerings` and takes update texts
// from the rest in turn, part 2 from all of them.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "bench/analysed_offerings.h"
#include "bench/generators/offering_generator.h"
#include "core/matching/inverted_index.h"
#include "core/matching/match_profile.h"

namespace techmatch::bench {
namespace {

using Clock = std::chrono::steady_clock;

double ThreadCpuMillis() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double ResidentMiB() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6) / 1024.0;
  }
  return 0;
}

double MiB(size_t bytes) { return static_cast<double>(bytes) / 1048576.0; }

double Quantile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(static_cast<double>(v.size()) * q))];
}

void PrintMemory(const char* name, const IndexMemory& m) {
  std::printf(
      "  %-22s total %7.1f MiB: postings %.1f, slots %.1f, profiles %.1f, dictionary "
      "%.1f, compaction %.1f\n",
      name, MiB(m.total()), MiB(m.postings), MiB(m.slots), MiB(m.profiles), MiB(m.dictionary),
      MiB(m.compaction));
}

// A generated record's content as a new revision of offering `target`.
void Retarget(MatchProfile& profile, size_t target, int64_t revision) {
  profile.id = absl::StrCat("o", target);
  profile.revision = revision;
}

// The calling thread's user and system CPU milliseconds and page faults so far.
struct Usage {
  double user = 0, system = 0;
  long faults = 0;
  static Usage Now() {
    rusage r;
    getrusage(RUSAGE_THREAD, &r);
    return Usage{r.ru_utime.tv_sec * 1e3 + r.ru_utime.tv_usec / 1e3,
                 r.ru_stime.tv_sec * 1e3 + r.ru_stime.tv_usec / 1e3, r.ru_minflt + r.ru_majflt};
  }
  Usage operator-(const Usage& o) const {
    return Usage{user - o.user, system - o.system, faults - o.faults};
  }
};

// Wall and thread-CPU milliseconds of a call; for the slowest, where its CPU went.
struct Timing {
  std::vector<double> wall, cpu;
  Usage slowest;
  void Add(double w, double c, const Usage& usage = {}) {
    if (cpu.empty() || c > *std::max_element(cpu.begin(), cpu.end())) slowest = usage;
    wall.push_back(w);
    cpu.push_back(c);
  }
  void Print(const char* name) const {
    if (wall.empty()) {
      std::printf("  %-34s none\n", name);
      return;
    }
    std::printf(
        "  %-34s %8zu calls: wall p50 %.3f p99 %.3f p99.9 %.3f max %.3f ms | CPU p50 %.3f "
        "p99 %.3f max %.3f ms\n",
        name, wall.size(), Quantile(wall, 0.5), Quantile(wall, 0.99), Quantile(wall, 0.999),
        Quantile(wall, 1.0), Quantile(cpu, 0.5), Quantile(cpu, 0.99), Quantile(cpu, 1.0));
    std::printf("  %-34s the slowest: user %.1f ms, system %.1f ms, %ld page faults\n", "",
                slowest.user, slowest.system, slowest.faults);
  }
};

int RunMemory(const std::string& path, size_t records, size_t offerings, size_t updates) {
  std::printf("== Memory: %zu offerings, %zu updates ==\n", offerings, updates);
  AnalysedOfferingReader reader(path, records);
  InvertedIndex index;
  MatchProfile p;
  AnalyzedText text;
  std::vector<int64_t> revision(offerings, 1);
  std::vector<uint32_t> source(offerings);  // The record each offering's latest text is from.
  for (size_t i = 0; i < offerings; ++i) {
    reader.Next(p, text);
    source[i] = static_cast<uint32_t>(i);
    if (!index.Upsert(p, text).ok()) return 1;
  }
  index.Compact();
  const IndexMemory start = index.memory();
  PrintMemory("after the load", start);

  std::mt19937_64 rng(2026);
  size_t most_outside = 0, most_total = 0;
  const auto begin = Clock::now();
  for (size_t u = 0; u < updates; ++u) {
    // Update texts come from the records after the initial ones, in turn.
    while (reader.position() < offerings) reader.Next(p, text);
    const size_t record = reader.position();
    reader.Next(p, text);
    const size_t target = rng() % offerings;
    Retarget(p, target, ++revision[target]);
    source[target] = static_cast<uint32_t>(record);
    if (!index.Upsert(p, text).ok()) return 1;
    if ((u + 1) % 10000 == 0) {
      const IndexMemory m = index.memory();
      most_outside = std::max(most_outside, m.total() - m.compaction);
      most_total = std::max(most_total, m.total());
    }
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - begin).count();
  const IndexMemory churned = index.memory();
  const IndexCounts counts = index.counts();

  // The fresh index of the same final records: one pass over the cache picks each offering's
  // latest source record.
  std::vector<std::pair<uint32_t, uint32_t>> wanted;  // (record, offering)
  for (size_t i = 0; i < offerings; ++i) wanted.emplace_back(source[i], static_cast<uint32_t>(i));
  std::sort(wanted.begin(), wanted.end());
  InvertedIndex fresh;
  AnalysedOfferingReader again(path, records);
  size_t next = 0;
  for (size_t r = 0; r < records && next < wanted.size(); ++r) {
    again.Next(p, text);
    for (; next < wanted.size() && wanted[next].first == r; ++next) {
      MatchProfile copy = p;
      Retarget(copy, wanted[next].second, revision[wanted[next].second]);
      if (!fresh.Upsert(std::move(copy), text).ok()) return 1;
    }
  }
  fresh.Compact();
  const IndexMemory base = fresh.memory();
  if (fresh.live_documents() != index.live_documents()) {
    std::fprintf(stderr, "fresh index has %zu documents, churned %zu\n", fresh.live_documents(),
                 index.live_documents());
    return 1;
  }

  std::printf(
      "  %zu updates in %.1f s (%.1f µs each, with compaction steps); %zu compactions; "
      "now %zu slots, %zu dead (%.1f%%), %zu postings, %zu dead (%.1f%%)%s\n",
      updates, seconds, seconds * 1e6 / static_cast<double>(updates), counts.compactions,
      counts.slots, counts.dead_slots, 100.0 * counts.dead_slots / counts.slots, counts.postings,
      counts.dead_postings, 100.0 * counts.dead_postings / counts.postings,
      counts.compacting ? ", a compaction in progress" : "");
  PrintMemory("fresh (same records)", base);
  PrintMemory("after the updates", churned);
  const double b = static_cast<double>(base.total());
  std::printf(
      "  ratio to fresh: now %.3f (%.3f without a compaction in progress); most at any "
      "sample: %.3f outside compactions, %.3f with the generation being built\n",
      churned.total() / b, (churned.total() - churned.compaction) / b, most_outside / b,
      most_total / b);
  // Both hold room for an eighth more in every list; the edited one fills it with dead entries.
  const IndexCounts fresh_counts = fresh.counts();
  std::printf("  entries in use against fresh: postings %.3f, slots %.3f\n",
              static_cast<double>(counts.postings) / fresh_counts.postings,
              static_cast<double>(counts.slots) / fresh_counts.slots);
  return 0;
}

int RunLarge(const std::string& path, size_t large, size_t updates, size_t query_every) {
  std::printf("== Lock hold times: %zu offerings, %zu updates ==\n", large, updates);
  auto analyzer = TextAnalyzer::Create();
  auto generator = OfferingGenerator::Create(20260101);
  if (!analyzer.ok() || !generator.ok()) return 1;
  std::vector<MatchProfile> needs;
  std::vector<AnalyzedText> queries;
  for (size_t q = 0; q < 200; ++q) {
    const Need need = (*generator)->MakeNeed(q);
    needs.push_back(ProfileOfNeed(need));
    queries.push_back((*analyzer)->Analyze(MatchText(need.listing)));
  }

  const double rss_before = ResidentMiB();
  InvertedIndex index;
  AnalysedOfferingReader reader(path, large);
  MatchProfile p;
  AnalyzedText text;
  {
    const auto w0 = Clock::now();
    const double c0 = ThreadCpuMillis();
    for (size_t i = 0; i < large; ++i) {
      reader.Next(p, text);
      if (!index.Upsert(p, text).ok()) return 1;
    }
    std::printf("  loaded %zu offerings (read + Upsert): wall %.1f s, CPU %.1f s\n", large,
                std::chrono::duration<double>(Clock::now() - w0).count(),
                (ThreadCpuMillis() - c0) / 1e3);
  }
  {
    const auto w0 = Clock::now();
    const double c0 = ThreadCpuMillis();
    index.Compact();
    std::printf("  whole Compact of %zu offerings (as after a load): wall %.0f ms, CPU %.0f ms\n",
                large, std::chrono::duration<double, std::milli>(Clock::now() - w0).count(),
                ThreadCpuMillis() - c0);
  }
  std::printf("  loaded: VmRSS +%.0f MiB\n", ResidentMiB() - rss_before);
  PrintMemory("after the load", index.memory());

  std::mt19937_64 rng(2027);
  std::vector<int64_t> revision(large, 1);
  Timing outside, start, step, swap, finish, query_outside, query_during;
  size_t compaction_updates = 0, builds = 0, most_total = 0;
  double build_cpu = 0;
  for (size_t u = 0; u < updates; ++u) {
    reader.Next(p, text);
    const size_t target = rng() % large;
    Retarget(p, target, ++revision[target]);
    const IndexCounts counts_before = index.counts();
    const bool before = counts_before.compacting;
    const Usage u0 = Usage::Now();
    const auto w0 = Clock::now();
    const double c0 = ThreadCpuMillis();
    if (!index.Upsert(std::move(p), text).ok()) return 1;
    const double cpu = ThreadCpuMillis() - c0;
    const double wall = std::chrono::duration<double, std::milli>(Clock::now() - w0).count();
    const Usage usage = Usage::Now() - u0;
    const IndexCounts counts_after = index.counts();
    const bool after = counts_after.compacting;
    if (counts_after.compactions != counts_before.compactions) {
      swap.Add(wall, cpu, usage);
      ++builds;
    } else if (before && !after) {
      finish.Add(wall, cpu, usage);
    } else if (!before && after) {
      start.Add(wall, cpu, usage);
    } else if (after) {
      step.Add(wall, cpu, usage);
    } else {
      outside.Add(wall, cpu, usage);
    }
    if (before || after) {
      ++compaction_updates;
      build_cpu += cpu;
    }
    if (after && (u % 1000 == 0)) most_total = std::max(most_total, index.memory().total());
    if (query_every > 0 && u % query_every == 0) {
      const size_t q = (u / query_every) % needs.size();
      const Eligibility eligibility{&needs[q], true, "", false};
      const auto q0 = Clock::now();
      const double qc0 = ThreadCpuMillis();
      (void)index.TopK(queries[q], eligibility, 20);
      (after ? query_during : query_outside)
          .Add(std::chrono::duration<double, std::milli>(Clock::now() - q0).count(),
               ThreadCpuMillis() - qc0);
    }
  }
  std::printf(
      "  %zu compactions finished, %zu updates carried compaction steps (%.0f per "
      "compaction), their CPU %.0f ms in all\n",
      builds, compaction_updates,
      builds > 0 ? static_cast<double>(compaction_updates) / builds : 0.0, build_cpu);
  outside.Print("Upsert, no compaction running");
  start.Print("Upsert + the first step (start)");
  step.Print("Upsert + a compaction step");
  swap.Print("Upsert + the step that swaps");
  finish.Print("Upsert + the last step (release)");
  query_outside.Print("TopK k=20, no compaction running");
  query_during.Print("TopK k=20, compaction in progress");
  if (most_total > 0) std::printf("  most memory while compacting: %.1f MiB\n", MiB(most_total));
  PrintMemory("at the end", index.memory());
  return 0;
}

}  // namespace
}  // namespace techmatch::bench

int main(int argc, char** argv) {
  using namespace techmatch::bench;
  size_t offerings = 100000, updates = 1000000, large = 1000000, large_updates = 250000;
  size_t query_every = 100;
  std::string cache_dir = "/tmp/techmatch-lab";
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&arg](const char* name, size_t& out) {
      const std::string prefix = absl::StrCat("--", name, "=");
      if (arg.rfind(prefix, 0) != 0) return false;
      if (!absl::SimpleAtoi(arg.substr(prefix.size()), &out)) std::exit(2);
      return true;
    };
    if (value("offerings", offerings) || value("updates", updates) || value("large", large) ||
        value("large_updates", large_updates) || value("query_every", query_every)) {
    } else if (arg.rfind("--cache_dir=", 0) == 0) {
      cache_dir = arg.substr(12);
    } else {
      std::fprintf(stderr, "unknown argument %s\n", arg.c_str());
      return 2;
    }
  }
  // One cache serves both parts: part 1 needs records beyond its offerings for update texts.
  const size_t records = std::max(large, offerings * 2);
  const absl::StatusOr<std::string> path = EnsureAnalysedOfferings(cache_dir, records);
  if (!path.ok()) {
    std::fprintf(stderr, "%s\n", path.status().ToString().c_str());
    return 1;
  }
  if (updates > 0 && RunMemory(*path, records, offerings, updates) != 0) return 1;
  if (large > 0 && RunLarge(*path, large, large_updates, query_every) != 0) return 1;
  return 0;
}
