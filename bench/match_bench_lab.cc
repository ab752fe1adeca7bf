// A workbench for the inverted index's TopK (not a report): builds an InvertedIndex straight
// from generated offerings whose analysed text is cached on disk (analysis is most of the
// build time, so a second run at 1,000,000 offerings starts in seconds), then times TopK for
// generated needs (wall and thread CPU) and, with --check, compares every answer with the
// exhaustive scorer.
//
//   match_bench_lab --offerings=300000 [--needs=200] [--cache_dir=/tmp/techmatch-lab]
//                   [--check] [--k=20] [--repeat=1] [--all_industries]
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
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

}  // namespace
}  // namespace techmatch::bench

int main(int argc, char** argv) {
  using namespace techmatch;
  using namespace techmatch::bench;
  size_t offerings = 100000, needs = 200, k = 20, repeat = 1;
  std::string cache_dir = "/tmp/techmatch-lab";
  bool check = false, all_industries = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&arg](const char* name, size_t& out) {
      const std::string prefix = absl::StrCat("--", name, "=");
      if (arg.rfind(prefix, 0) != 0) return false;
      if (!absl::SimpleAtoi(arg.substr(prefix.size()), &out)) std::exit(2);
      return true;
    };
    if (value("offerings", offerings) || value("needs", needs) || value("k", k) ||
        value("repeat", repeat)) {
    } else if (arg.rfind("--cache_dir=", 0) == 0) {
      cache_dir = arg.substr(12);
    } else if (arg == "--check") {
      check = true;
    } else if (arg == "--all_industries") {
      all_industries = true;
    } else {
      std::fprintf(stderr, "unknown argument %s\n", arg.c_str());
      return 2;
    }
  }
  auto analyzer = TextAnalyzer::Create();
  auto generator = OfferingGenerator::Create(20260101);
  if (!analyzer.ok() || !generator.ok()) return 1;
  const absl::StatusOr<std::string> path = EnsureAnalysedOfferings(cache_dir, offerings);
  if (!path.ok()) return 1;
  const double rss_before = ResidentMiB();
  InvertedIndex index;
  {
    AnalysedOfferingReader reader(*path, offerings);
    const auto start = Clock::now();
    MatchProfile p;
    AnalyzedText text;
    for (size_t i = 0; i < offerings; ++i) {
      reader.Next(p, text);
      if (!index.Upsert(p, text).ok()) return 1;
    }
    index.Compact();
    std::printf(
        "loaded %zu offerings in %.1f s (read + append), VmRSS +%.0f MiB, postings %.0f MiB\n",
        offerings, std::chrono::duration<double>(Clock::now() - start).count(),
        ResidentMiB() - rss_before, index.posting_bytes() / 1048576.0);
  }

  std::vector<MatchProfile> profiles;
  std::vector<AnalyzedText> queries;
  for (size_t q = 0; q < needs; ++q) {
    const Need need = (*generator)->MakeNeed(q);
    profiles.push_back(ProfileOfNeed(need));
    queries.push_back((*analyzer)->Analyze(MatchText(need.listing)));
  }
  for (size_t q = 0; q < std::min<size_t>(10, needs); ++q) {
    (void)index.TopK(queries[q], Eligibility{&profiles[q], true, "", all_industries}, k);
  }
  std::vector<double> wall, cpu;
  size_t mismatches = 0;
  TopKStats total;
  for (size_t r = 0; r < repeat; ++r) {
    for (size_t q = 0; q < needs; ++q) {
      const Eligibility eligibility{&profiles[q], true, "", all_industries};
      TopKStats stats;
      const double c0 = ThreadCpuMillis();
      const auto w0 = Clock::now();
      const std::vector<ScoredDocument> got = index.TopK(queries[q], eligibility, k, &stats);
      wall.push_back(std::chrono::duration<double, std::milli>(Clock::now() - w0).count());
      cpu.push_back(ThreadCpuMillis() - c0);
      total.Add(stats);
      if (check && r == 0) {
        const std::vector<ScoredDocument> want = index.TopKExhaustive(queries[q], eligibility, k);
        bool same = got.size() == want.size();
        for (size_t i = 0; same && i < got.size(); ++i) {
          same = std::abs(got[i].score - want[i].score) < 1e-5;
        }
        if (!same) {
          ++mismatches;
          std::printf("query %zu differs:\n", q);
          for (size_t i = 0; i < std::max(got.size(), want.size()); ++i) {
            std::printf("  %2zu %-10s %.6f   %-10s %.6f\n", i,
                        i < got.size() ? got[i].profile->id.c_str() : "-",
                        i < got.size() ? got[i].score : 0.0,
                        i < want.size() ? want[i].profile->id.c_str() : "-",
                        i < want.size() ? want[i].score : 0.0);
          }
        }
      }
    }
  }
  auto pct = [](std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<size_t>(v.size() * p))];
  };
  const double n = static_cast<double>(wall.size());
  std::printf(
      "TopK k=%zu over %zu queries: wall p50 %.2f p99 %.2f max %.2f ms | thread CPU p50 %.2f "
      "p99 %.2f max %.2f ms\n",
      k, wall.size(), pct(wall, 0.5), pct(wall, 0.99), pct(wall, 1.0), pct(cpu, 0.5),
      pct(cpu, 0.99), pct(cpu, 1.0));
  std::printf(
      "per query: %.1f terms, %.0f postings in their lists, %.0f read in full, %.0f seen, %.0f "
      "candidates, %.0f probes, %.0f rescored\n",
      total.terms / n, total.postings / n, total.scanned / n, total.seen / n, total.candidates / n,
      total.probes / n, total.rescored / n);
  std::printf(
      "thread CPU ms per phase: set-up %.3f, essential lists %.3f, candidates %.3f, other lists "
      "%.3f, final scores %.3f, end %.3f\n",
      total.phase_ns[0] / n / 1e6, total.phase_ns[1] / n / 1e6, total.phase_ns[2] / n / 1e6,
      total.phase_ns[3] / n / 1e6, total.phase_ns[4] / n / 1e6, total.phase_ns[5] / n / 1e6);
  if (check)
    std::printf("check: %zu of %zu queries differ from the exhaustive scorer\n", mismatches, needs);
  return mismatches == 0 ? 0 : 1;
}
