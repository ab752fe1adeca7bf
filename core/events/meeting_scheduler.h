// Solves a SchedulingProblem (see scheduling_problem.h for the rules and the objective).
//
// Method, deterministic from input to output:
//   1. locked meetings are placed first, exactly where they are;
//   2. when rescheduling, the previous meetings go back to their slots where they still fit;
//      then greedy by priority: requests by weight (mutual first, then score, then index), each
//      into the feasible slot that adds the fewest idle slots to its two parties (earliest on
//      ties);
//   3. local improvement, repeated while it gains: each request left out tries every slot,
//      evicting what blocks it there (a meeting of either party in that slot, a meeting of a
//      party at its limit, the slot's cheapest meeting when the tables are full) and moving the
//      evicted meetings to other slots when they fit; a change is kept only when the total
//      weight grows, so moves, swaps and replacements are all the same operation;
//   4. large-neighbourhood search: the meetings of one or two parties drawn by a fixed
//      pseudo-random sequence come out, the open requests of every party that lost one go
//      back in as in step 3, and the result stays unless the total weight fell;
//   5. gap compaction: meetings move, or trade slots with another meeting, when that lowers
//      the idle slots of the parties involved without changing who meets;
//   6. tables: locked meetings keep theirs, a meeting that stays in its previous slot keeps its
//      previous table when free, the rest take the lowest free table.
// Steps 3 to 5 stop at a work budget (step 4 at three quarters of it) counted in candidate
// evaluations, not wall time, so a run gives the same schedule on any machine.
#ifndef TECHMATCH_CORE_EVENTS_MEETING_SCHEDULER_H_
#define TECHMATCH_CORE_EVENTS_MEETING_SCHEDULER_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "core/events/scheduling_problem.h"

namespace techmatch {

struct SchedulerOptions {
  // Candidate evaluations the improvement steps may spend; 0 leaves the greedy result as is.
  // The default keeps 10,000 requests × 20 slots × 100 tables under a second (bench/README).
  int64_t work_budget = 40'000'000;
  // Rounds of large-neighbourhood search, and how many rounds in a row without a gain end it.
  int search_rounds = 100'000;
  int search_patience = 1'000;
};

// Why an accepted request got no meeting.
enum class LeftOutReason {
  // One party already has its maximum number of meetings, all of higher priority.
  kMeetingLimit = 1,
  // Every slot's tables are taken by meetings of higher priority.
  kTablesFull = 2,
  // In every slot with a free table one of the two parties has all its delegates busy.
  kNoCommonFreeSlot = 3,
};

struct LeftOut {
  int request = 0;
  LeftOutReason reason = LeftOutReason::kNoCommonFreeSlot;
  int party = -1;  // For kMeetingLimit: the party at its limit.
};

struct ScheduleResult {
  Schedule schedule;
  std::vector<LeftOut> left_out;  // In request order.
  int64_t work = 0;               // Candidate evaluations spent.
};

// FAILED_PRECONDITION when the locked meetings cannot all stay (two at one table, more than a
// party's delegates or maximum); INVALID_ARGUMENT for a malformed problem. `previous` (may be
// null) is the schedule being redone: meetings that stay in its slot keep its table.
absl::StatusOr<ScheduleResult> SolveSchedule(const SchedulingProblem& problem,
                                             const SchedulerOptions& options = {},
                                             const Schedule* previous = nullptr);

// The baseline the tests and the benchmark compare with: requests in index order, each into
// the first slot where it fits, lowest free table; locked meetings first.
Schedule GreedyFirstFit(const SchedulingProblem& problem);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_EVENTS_MEETING_SCHEDULER_H_
