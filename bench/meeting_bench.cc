// Meeting scheduling benchmark: a fair of 1,000 participants with 10,000 accepted
// requests, 20 slots and 100 tables, solved by SolveSchedule and by the greedy first-fit
// baseline; validity, time and score of both, and an upper bound on the score (also solved
// with every request's mutual flag cleared, so the score alone is maximised).
//
//   meeting_bench [--participants=1000] [--requests=10000] [--slots=20] [--tables=100]
//                 [--max_meetings=12] [--seed=1] [--runs=3] [--work_budget=N]
//
// The generated fair: 45% enterprises, 55% institutes; 75% send one delegate, 20% two, 5%
// three; popularity is skewed (a few institutes are asked for by many enterprises), scores
// lean low as MatchEvent's do, one request in ten is mutual, 1% of the requests are locked
// where a first schedule put them (a second solve keeps them).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/string_view.h"
#include "core/events/meeting_scheduler.h"
#include "core/events/scheduling_problem.h"

namespace techmatch::bench {
namespace {

using Clock = std::chrono::steady_clock;

struct Flags {
  int participants = 1000;
  int requests = 10000;
  int slots = 20;
  int tables = 100;
  int max_meetings = 12;
  int seed = 1;
  int runs = 3;
  int64_t work_budget = SchedulerOptions().work_budget;
};

bool ParseFlags(int argc, char** argv, Flags& flags) {
  for (int i = 1; i < argc; ++i) {
    absl::string_view arg = argv[i];
    auto value = [&](absl::string_view name, auto& out) {
      const std::string prefix = "--" + std::string(name) + "=";
      if (arg.substr(0, prefix.size()) != prefix) return false;
      return absl::SimpleAtoi(arg.substr(prefix.size()), &out);
    };
    if (!(value("participants", flags.participants) || value("requests", flags.requests) ||
          value("slots", flags.slots) || value("tables", flags.tables) ||
          value("max_meetings", flags.max_meetings) || value("seed", flags.seed) ||
          value("runs", flags.runs) || value("work_budget", flags.work_budget))) {
      std::fprintf(stderr, "unknown or bad flag %s\n", argv[i]);
      return false;
    }
  }
  return flags.participants >= 2 && flags.requests >= 0 && flags.slots >= 1 && flags.tables >= 1 &&
         flags.runs >= 1;
}

SchedulingProblem Generate(const Flags& flags) {
  std::mt19937_64 rng(flags.seed);
  auto uniform = [&]() { return std::uniform_real_distribution<double>(0, 1)(rng); };
  SchedulingProblem problem;
  problem.slot_count = flags.slots;
  problem.table_count = flags.tables;
  const int enterprises = flags.participants * 45 / 100;
  const int institutes = flags.participants - enterprises;
  for (int p = 0; p < flags.participants; ++p) {
    const double u = uniform();
    problem.parties.push_back({u < 0.75 ? 1 : (u < 0.95 ? 2 : 3), flags.max_meetings});
  }
  // Popularity ∝ 1/(rank+10): a Zipf-like skew without a few parties taking everything.
  auto skewed = [&](int n) {
    std::vector<double> weights(n);
    for (int i = 0; i < n; ++i) weights[i] = 1.0 / (i + 10);
    return std::discrete_distribution<int>(weights.begin(), weights.end());
  };
  auto pick_enterprise = skewed(enterprises);
  auto pick_institute = skewed(institutes);
  std::set<std::pair<int, int>> seen;
  while (static_cast<int>(problem.requests.size()) < flags.requests) {
    SchedulingProblem::Request request;
    request.first = pick_enterprise(rng);
    request.second = enterprises + pick_institute(rng);
    if (!seen.insert({request.first, request.second}).second &&
        seen.size() < static_cast<size_t>(enterprises) * institutes) {
      continue;
    }
    request.score = static_cast<int64_t>(std::pow(uniform(), 1.8) * kScoreScale);
    request.mutual = uniform() < 0.10;
    problem.requests.push_back(request);
  }
  return problem;
}

// An upper bound on the score of any valid schedule: the smaller of (a) the best
// `slots × tables` scores and (b) half the sum, over parties, of each party's best scores up to
// what it can attend (min(max meetings, delegates × slots)), since every meeting counts for
// both of its parties.
int64_t ScoreUpperBound(const SchedulingProblem& problem) {
  std::vector<int64_t> scores;
  std::vector<std::vector<int64_t>> of_party(problem.parties.size());
  for (const auto& q : problem.requests) {
    scores.push_back(q.score);
    of_party[q.first].push_back(q.score);
    of_party[q.second].push_back(q.score);
  }
  auto best_sum = [](std::vector<int64_t>& values, size_t count) {
    count = std::min(count, values.size());
    std::partial_sort(values.begin(), values.begin() + count, values.end(),
                      std::greater<int64_t>());
    int64_t sum = 0;
    for (size_t i = 0; i < count; ++i) sum += values[i];
    return sum;
  };
  const int64_t by_tables =
      best_sum(scores, static_cast<size_t>(problem.slot_count) * problem.table_count);
  int64_t by_parties = 0;
  for (size_t p = 0; p < problem.parties.size(); ++p) {
    const auto& party = problem.parties[p];
    by_parties += best_sum(
        of_party[p],
        static_cast<size_t>(std::min(party.max_meetings, party.delegates * problem.slot_count)));
  }
  return std::min(by_tables, by_parties / 2);
}

void Report(const char* label, const SchedulingProblem& problem, const Schedule& schedule,
            double millis, int64_t bound) {
  const ScheduleQuality q = Evaluate(problem, schedule);
  const size_t violations = FindScheduleViolations(problem, schedule).size();
  std::printf("| %s | %s | %.0f | %d | %d | %.1f | %.1f%% | %d |\n", label,
              violations == 0 ? "valid" : "INVALID", millis, q.meetings, q.mutual_meetings,
              static_cast<double>(q.score) / kScoreScale,
              bound == 0 ? 100.0 : 100.0 * static_cast<double>(q.score) / bound, q.idle_slots);
}

int Run(const Flags& flags) {
  SchedulingProblem problem = Generate(flags);
  const int64_t bound = ScoreUpperBound(problem);
  SchedulerOptions options;
  options.work_budget = flags.work_budget;
  std::printf(
      "%d participants, %d accepted requests, %d slots, %d tables, at most %d meetings "
      "each; score upper bound %.1f\n\n",
      flags.participants, flags.requests, flags.slots, flags.tables, flags.max_meetings,
      static_cast<double>(bound) / kScoreScale);
  std::printf("| solver | schedule | ms | meetings | mutual | score | of bound | idle slots |\n");
  std::printf("|---|---|---:|---:|---:|---:|---:|---:|\n");

  auto start = Clock::now();
  const Schedule greedy = GreedyFirstFit(problem);
  Report("greedy first-fit", problem, greedy,
         std::chrono::duration<double, std::milli>(Clock::now() - start).count(), bound);

  Schedule first;
  std::vector<double> times;
  int64_t work = 0;
  for (int run = 0; run < flags.runs; ++run) {
    start = Clock::now();
    absl::StatusOr<ScheduleResult> result = SolveSchedule(problem, options);
    times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    if (!result.ok()) {
      std::fprintf(stderr, "SolveSchedule: %s\n", result.status().ToString().c_str());
      return 1;
    }
    if (run > 0 && result->schedule.slot != first.slot) {
      std::fprintf(stderr, "SolveSchedule is not deterministic\n");
      return 1;
    }
    first = result->schedule;
    work = result->work;
  }
  std::sort(times.begin(), times.end());
  Report("SolveSchedule (median run)", problem, first, times[times.size() / 2], bound);

  // The bound ignores the mutual-first priority, which costs score: solve once without it.
  {
    SchedulingProblem score_only = problem;
    for (SchedulingProblem::Request& request : score_only.requests) request.mutual = false;
    start = Clock::now();
    absl::StatusOr<ScheduleResult> result = SolveSchedule(score_only, options);
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    if (!result.ok()) return 1;
    Report("SolveSchedule, score only", score_only, result->schedule, ms, bound);
    Report("greedy first-fit, score only", score_only, GreedyFirstFit(score_only), 0, bound);
  }

  // Lock 1% of the scheduled meetings, add nothing, solve again: locked ones must stay.
  int locked = 0;
  for (size_t r = 0; r < problem.requests.size() && locked < flags.requests / 100; r += 7) {
    if (first.slot[r] < 0) continue;
    problem.locked.push_back({static_cast<int>(r), first.slot[r], first.table[r]});
    ++locked;
  }
  start = Clock::now();
  absl::StatusOr<ScheduleResult> again = SolveSchedule(problem, options, &first);
  const double again_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  if (!again.ok()) {
    std::fprintf(stderr, "SolveSchedule: %s\n", again.status().ToString().c_str());
    return 1;
  }
  Report("SolveSchedule, 1% locked", problem, again->schedule, again_ms, bound);
  int kept_tables = 0, scheduled = 0;
  for (size_t r = 0; r < problem.requests.size(); ++r) {
    if (again->schedule.slot[r] < 0 || first.slot[r] < 0) continue;
    ++scheduled;
    kept_tables +=
        again->schedule.slot[r] == first.slot[r] && again->schedule.table[r] == first.table[r];
  }
  std::printf(
      "\nwork (candidate evaluations) per solve: %lld of a budget of %lld; runs: %d "
      "(min %.0f ms, max %.0f ms); rescheduling kept %d of %d meetings in place\n",
      static_cast<long long>(work), static_cast<long long>(flags.work_budget), flags.runs,
      times.front(), times.back(), kept_tables, scheduled);
  return 0;
}

}  // namespace
}  // namespace techmatch::bench

int main(int argc, char** argv) {
  techmatch::bench::Flags flags;
  if (!techmatch::bench::ParseFlags(argc, argv, flags)) return 2;
  return techmatch::bench::Run(flags);
}
