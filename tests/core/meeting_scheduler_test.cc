// The meeting scheduler against an exhaustive solver on small random instances, against the
// plain greedy first-fit baseline, and on its rules: validity, locked meetings, tables kept on
// rescheduling, reasons for what is left out, determinism.
#include "core/events/meeting_scheduler.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <random>
#include <vector>

#include "core/events/scheduling_problem.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"

namespace techmatch {
namespace {

using ::techmatch::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// A random fair: enterprises 0..e-1, institutes e..; delegates 1–2; limits 1..slots; a fifth
// of the requests mutual; sometimes a locked meeting.
SchedulingProblem RandomProblem(std::mt19937& rng, int requests, int max_slots, int max_tables) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  SchedulingProblem problem;
  problem.slot_count = pick(2, max_slots);
  problem.table_count = pick(1, max_tables);
  const int enterprises = pick(2, 4);
  const int institutes = pick(2, 4);
  for (int p = 0; p < enterprises + institutes; ++p) {
    problem.parties.push_back({pick(1, 3) == 3 ? 2 : 1, pick(1, problem.slot_count)});
  }
  for (int r = 0; r < requests; ++r) {
    SchedulingProblem::Request request;
    request.first = pick(0, enterprises - 1);
    request.second = enterprises + pick(0, institutes - 1);
    request.score = pick(50'000, kScoreScale);
    request.mutual = pick(1, 5) == 1;
    problem.requests.push_back(request);
  }
  if (pick(1, 3) == 1) problem.locked.push_back({pick(0, requests - 1), 0, 0});
  return problem;
}

// The best schedule by brute force over every slot (or none) for every request; tables are
// interchangeable within a slot, so counting them is enough.
ScheduleQuality Optimum(const SchedulingProblem& problem) {
  const int slots = problem.slot_count;
  const int n = static_cast<int>(problem.requests.size());
  const int64_t bonus = MutualBonus(problem);
  std::vector<int64_t> weight(n), suffix(n + 1, 0);
  for (int r = 0; r < n; ++r) weight[r] = RequestWeight(problem.requests[r], bonus);
  for (int r = n - 1; r >= 0; --r) suffix[r] = suffix[r + 1] + weight[r];
  std::vector<int> locked_slot(n, -1);
  for (const auto& fixed : problem.locked) locked_slot[fixed.request] = fixed.slot;
  std::vector<int> load(problem.parties.size() * slots, 0), total(problem.parties.size(), 0),
      used(slots, 0);
  Schedule current = Schedule::Empty(n), best = Schedule::Empty(n);
  int64_t best_weight = -1;
  std::function<void(int, int64_t)> search = [&](int r, int64_t sum) {
    if (sum + suffix[r] <= best_weight) return;
    if (r == n) {
      best_weight = sum;
      best = current;
      return;
    }
    const auto& q = problem.requests[r];
    for (int s = (locked_slot[r] >= 0 ? locked_slot[r] : 0);
         s < (locked_slot[r] >= 0 ? locked_slot[r] + 1 : slots); ++s) {
      if (used[s] >= problem.table_count ||
          total[q.first] >= problem.parties[q.first].max_meetings ||
          total[q.second] >= problem.parties[q.second].max_meetings ||
          load[q.first * slots + s] >= problem.parties[q.first].delegates ||
          load[q.second * slots + s] >= problem.parties[q.second].delegates) {
        continue;
      }
      ++used[s], ++total[q.first], ++total[q.second], ++load[q.first * slots + s],
          ++load[q.second * slots + s];
      current.slot[r] = s;
      search(r + 1, sum + weight[r]);
      current.slot[r] = -1;
      --used[s], --total[q.first], --total[q.second], --load[q.first * slots + s],
          --load[q.second * slots + s];
    }
    if (locked_slot[r] < 0) search(r + 1, sum);
  };
  search(0, 0);
  return Evaluate(problem, best);
}

TEST(MeetingSchedulerTest, ReachesNinetyFivePercentOfTheOptimumAndBeatsFirstFit) {
  std::mt19937 rng(20261128);
  constexpr int kInstances = 300;
  double solver_sum = 0, greedy_sum = 0, solver_min = 1, greedy_min = 1;
  double local_sum = 0, local_min = 1;  // Without the large-neighbourhood search.
  SchedulerOptions local_only;
  local_only.search_rounds = 0;
  int solver_optimal = 0, mutual_short = 0;
  for (int i = 0; i < kInstances; ++i) {
    const SchedulingProblem problem = RandomProblem(rng, 6 + i % 6, 4, 3);
    const ScheduleQuality optimum = Optimum(problem);
    TM_ASSERT_OK_AND_ASSIGN(ScheduleResult result, SolveSchedule(problem));
    ASSERT_THAT(FindScheduleViolations(problem, result.schedule), IsEmpty()) << "instance " << i;
    TM_ASSERT_OK_AND_ASSIGN(ScheduleResult local, SolveSchedule(problem, local_only));
    ASSERT_THAT(FindScheduleViolations(problem, local.schedule), IsEmpty()) << "instance " << i;
    const double local_ratio =
        optimum.score == 0
            ? 1.0
            : static_cast<double>(Evaluate(problem, local.schedule).score) / optimum.score;
    local_sum += local_ratio;
    local_min = std::min(local_min, local_ratio);
    const Schedule greedy = GreedyFirstFit(problem);
    ASSERT_THAT(FindScheduleViolations(problem, greedy), IsEmpty()) << "instance " << i;
    const ScheduleQuality solved = Evaluate(problem, result.schedule);
    const ScheduleQuality baseline = Evaluate(problem, greedy);
    ASSERT_FALSE(solved.BetterThan(optimum) && solved.mutual_meetings > optimum.mutual_meetings)
        << "the exhaustive search missed a schedule, instance " << i;
    const double solver_ratio =
        optimum.score == 0 ? 1.0 : static_cast<double>(solved.score) / optimum.score;
    const double greedy_ratio =
        optimum.score == 0 ? 1.0 : static_cast<double>(baseline.score) / optimum.score;
    EXPECT_GE(solver_ratio, 0.95) << "instance " << i;
    EXPECT_GE(solved.mutual_meetings, optimum.mutual_meetings) << "instance " << i;
    mutual_short += solved.mutual_meetings < optimum.mutual_meetings;
    solver_optimal +=
        !optimum.BetterThan(solved) ||
        (solved.mutual_meetings == optimum.mutual_meetings && solved.score == optimum.score);
    solver_sum += solver_ratio;
    greedy_sum += greedy_ratio;
    solver_min = std::min(solver_min, solver_ratio);
    greedy_min = std::min(greedy_min, greedy_ratio);
  }
  std::printf(
      "[ quality  ] %d instances: scheduler %.4f of optimum on average (worst %.4f, optimal in "
      "%d), without its neighbourhood search %.4f (worst %.4f), greedy first-fit %.4f (worst "
      "%.4f)\n",
      kInstances, solver_sum / kInstances, solver_min, solver_optimal, local_sum / kInstances,
      local_min, greedy_sum / kInstances, greedy_min);
  EXPECT_EQ(mutual_short, 0);
  EXPECT_GT(solver_sum, greedy_sum);
}

TEST(MeetingSchedulerTest, LargerRandomInstancesAreValidAndDeterministic) {
  std::mt19937 rng(7);
  for (int i = 0; i < 15; ++i) {
    SchedulingProblem problem = RandomProblem(rng, 60, 8, 6);
    TM_ASSERT_OK_AND_ASSIGN(ScheduleResult first, SolveSchedule(problem));
    TM_ASSERT_OK_AND_ASSIGN(ScheduleResult second, SolveSchedule(problem));
    EXPECT_THAT(FindScheduleViolations(problem, first.schedule), IsEmpty());
    EXPECT_EQ(first.schedule.slot, second.schedule.slot);
    EXPECT_EQ(first.schedule.table, second.schedule.table);
    EXPECT_FALSE(
        Evaluate(problem, GreedyFirstFit(problem)).BetterThan(Evaluate(problem, first.schedule)))
        << "instance " << i;
  }
}

SchedulingProblem TwoPartyProblem(int slots, int tables) {
  SchedulingProblem problem;
  problem.slot_count = slots;
  problem.table_count = tables;
  problem.parties = {{1, 100}, {1, 100}, {1, 100}, {1, 100}};
  return problem;
}

TEST(MeetingSchedulerTest, MutualRequestsComeBeforeHigherScores) {
  SchedulingProblem problem = TwoPartyProblem(1, 1);
  problem.requests = {{0, 2, 900'000, false}, {1, 3, 100'000, true}};
  TM_ASSERT_OK_AND_ASSIGN(ScheduleResult result, SolveSchedule(problem));
  EXPECT_THAT(result.schedule.slot, ElementsAre(-1, 0));
  ASSERT_EQ(result.left_out.size(), 1u);
  EXPECT_EQ(result.left_out[0].request, 0);
  EXPECT_EQ(result.left_out[0].reason, LeftOutReason::kTablesFull);
}

TEST(MeetingSchedulerTest, DelegatesAllowParallelMeetings) {
  SchedulingProblem problem = TwoPartyProblem(1, 3);
  problem.parties[0].delegates = 2;
  problem.requests = {{0, 2, 500'000, false}, {0, 3, 400'000, false}, {1, 2, 300'000, false}};
  TM_ASSERT_OK_AND_ASSIGN(ScheduleResult result, SolveSchedule(problem));
  EXPECT_THAT(result.schedule.slot, ElementsAre(0, 0, -1));
  EXPECT_THAT(FindScheduleViolations(problem, result.schedule), IsEmpty());
  ASSERT_EQ(result.left_out.size(), 1u);
  EXPECT_EQ(result.left_out[0].reason, LeftOutReason::kNoCommonFreeSlot);
}

TEST(MeetingSchedulerTest, MeetingLimitNamesTheParty) {
  SchedulingProblem problem = TwoPartyProblem(3, 2);
  problem.parties[2].max_meetings = 1;
  problem.requests = {{0, 2, 500'000, false}, {1, 2, 400'000, false}};
  TM_ASSERT_OK_AND_ASSIGN(ScheduleResult result, SolveSchedule(problem));
  EXPECT_EQ(result.schedule.slot[0], 0);
  EXPECT_EQ(result.schedule.slot[1], -1);
  ASSERT_EQ(result.left_out.size(), 1u);
  EXPECT_EQ(result.left_out[0].reason, LeftOutReason::kMeetingLimit);
  EXPECT_EQ(result.left_out[0].party, 2);
}

TEST(MeetingSchedulerTest, ImprovementMovesABlockingMeeting) {
  // Greedy puts 0–2 into slot 0; 1–2 (lighter) then only fits after 0–2 moves... and the
  // heavier 0–3 needs slot 0 because party 3 is held in slot 1 by a locked meeting.
  SchedulingProblem problem = TwoPartyProblem(2, 2);
  problem.parties.push_back({1, 100});          // party 4
  problem.requests = {{0, 2, 900'000, false},   // 0
                      {0, 3, 800'000, false},   // 1
                      {1, 3, 100'000, false},   // 2 (locked in slot 1)
                      {1, 4, 700'000, false}};  // 3
  problem.locked = {{2, 1, 0}};
  TM_ASSERT_OK_AND_ASSIGN(ScheduleResult result, SolveSchedule(problem));
  EXPECT_THAT(FindScheduleViolations(problem, result.schedule), IsEmpty());
  EXPECT_EQ(result.schedule.slot[2], 1);
  EXPECT_EQ(result.schedule.table[2], 0);
  // Party 0 meets both 2 and 3: 0–3 must be in slot 0 (3 is busy in 1), so 0–2 goes to 1.
  EXPECT_EQ(result.schedule.slot[1], 0);
  EXPECT_EQ(result.schedule.slot[0], 1);
  EXPECT_EQ(result.schedule.slot[3], 0);
  EXPECT_EQ(Evaluate(problem, result.schedule).meetings, 4);
}

TEST(MeetingSchedulerTest, LeavesNoIdleSlotsWhenItCan) {
  SchedulingProblem problem = TwoPartyProblem(5, 2);
  problem.requests = {{0, 2, 500'000, false}, {0, 3, 400'000, false}, {1, 2, 300'000, false}};
  TM_ASSERT_OK_AND_ASSIGN(ScheduleResult result, SolveSchedule(problem));
  EXPECT_EQ(Evaluate(problem, result.schedule).meetings, 3);
  EXPECT_EQ(Evaluate(problem, result.schedule).idle_slots, 0);
}

TEST(MeetingSchedulerTest, ReschedulingKeepsLockedMeetingsAndTables) {
  std::mt19937 rng(99);
  SchedulingProblem problem = RandomProblem(rng, 40, 6, 4);
  problem.locked.clear();
  TM_ASSERT_OK_AND_ASSIGN(ScheduleResult first, SolveSchedule(problem));
  // Lock two meetings, add requests, solve again with the first schedule as the previous one.
  std::vector<int> scheduled;
  for (int r = 0; r < 40; ++r) {
    if (first.schedule.slot[r] >= 0) scheduled.push_back(r);
  }
  ASSERT_GE(scheduled.size(), 2u);
  for (int r : {scheduled.front(), scheduled.back()}) {
    problem.locked.push_back({r, first.schedule.slot[r], first.schedule.table[r]});
  }
  problem.requests.push_back({0, static_cast<int>(problem.parties.size()) - 1, kScoreScale, true});
  TM_ASSERT_OK_AND_ASSIGN(ScheduleResult second, SolveSchedule(problem, {}, &first.schedule));
  EXPECT_THAT(FindScheduleViolations(problem, second.schedule), IsEmpty());
  for (const auto& fixed : problem.locked) {
    EXPECT_EQ(second.schedule.slot[fixed.request], fixed.slot);
    EXPECT_EQ(second.schedule.table[fixed.request], fixed.table);
  }
}

TEST(MeetingSchedulerTest, LockedMeetingsThatClashAreRefused) {
  SchedulingProblem problem = TwoPartyProblem(2, 2);
  problem.requests = {{0, 2, 1, false}, {1, 3, 1, false}, {0, 3, 1, false}};
  problem.locked = {{0, 0, 1}, {1, 0, 1}};
  EXPECT_THAT(SolveSchedule(problem),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("share table 2")));
  problem.locked = {{0, 0, 0}, {2, 0, 1}};  // Party 0 has one delegate.
  EXPECT_THAT(SolveSchedule(problem),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("delegates")));
  problem.locked = {{0, 5, 0}};
  EXPECT_THAT(SolveSchedule(problem),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("outside the plan")));
}

TEST(MeetingSchedulerTest, ViolationsAreFound) {
  SchedulingProblem problem = TwoPartyProblem(2, 1);
  problem.requests = {{0, 2, 1, false}, {0, 3, 1, false}};
  Schedule schedule{{0, 0}, {0, 0}};
  EXPECT_THAT(FindScheduleViolations(problem, schedule),
              ElementsAre(HasSubstr("share the table"), HasSubstr("2 meetings but 1 delegates")));
  problem.parties[0].max_meetings = 1;
  schedule = Schedule{{0, 1}, {0, 0}};
  EXPECT_THAT(FindScheduleViolations(problem, schedule),
              ElementsAre(HasSubstr("more than its maximum of 1")));
}

}  // namespace
}  // namespace techmatch
