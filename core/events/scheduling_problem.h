// The 1:1 meeting scheduling problem of a fair in index form: what the scheduler, its
// baseline, the tests' exhaustive solver and the benchmark all share.
//
// Parties (enterprises and institutes) meet in pairs, one meeting per accepted request, each
// in one time slot at one table. A schedule is valid when
//   - no party has more meetings in a slot than the delegates it sends,
//   - no party has more meetings in all than its maximum,
//   - no table holds two meetings in one slot (tables are numbered 0..table_count-1),
//   - every locked meeting is where it was locked.
// It is better than another, lexicographically, when it holds more mutually requested
// meetings, then a higher sum of match scores, then fewer idle slots between a party's first
// and last meeting.
#ifndef TECHMATCH_CORE_EVENTS_SCHEDULING_PROBLEM_H_
#define TECHMATCH_CORE_EVENTS_SCHEDULING_PROBLEM_H_

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace techmatch {

// Match scores are kept as integer millionths so that sums are exact and deterministic.
inline constexpr int64_t kScoreScale = 1'000'000;

struct SchedulingProblem {
  struct Party {
    int delegates = 1;  // Meetings it can hold at once, ≥ 1.
    int max_meetings = std::numeric_limits<int>::max();
  };
  struct Request {
    int first = 0;        // Party index (the enterprise).
    int second = 0;       // Party index (the institute); never equal to `first`.
    int64_t score = 0;    // Match score in millionths, 0..kScoreScale.
    bool mutual = false;  // Both sides asked for the meeting.
  };
  struct Fixed {
    int request = 0;
    int slot = 0;
    int table = 0;
  };

  int slot_count = 0;
  int table_count = 0;
  std::vector<Party> parties;
  std::vector<Request> requests;
  // Locked meetings: kept exactly where they are.
  std::vector<Fixed> locked;
};

// Where each request's meeting is; -1 when it is not scheduled.
struct Schedule {
  std::vector<int> slot;
  std::vector<int> table;

  static Schedule Empty(size_t request_count) {
    return Schedule{std::vector<int>(request_count, -1), std::vector<int>(request_count, -1)};
  }
};

struct ScheduleQuality {
  int mutual_meetings = 0;
  int meetings = 0;
  int64_t score = 0;   // Sum of the scheduled requests' scores, millionths.
  int idle_slots = 0;  // Over every party: slots between its first and last meeting without one.

  // True when `this` is lexicographically better than `other` (see the file comment).
  bool BetterThan(const ScheduleQuality& other) const;
};

// The weight the scheduler maximises: it orders schedules exactly as ScheduleQuality does on
// its first two keys (mutual meetings, then score; one millionth per meeting breaks score ties
// toward more meetings). `mutual_bonus` must exceed the sum of every non-mutual weight.
int64_t MutualBonus(const SchedulingProblem& problem);
int64_t RequestWeight(const SchedulingProblem::Request& request, int64_t mutual_bonus);

ScheduleQuality Evaluate(const SchedulingProblem& problem, const Schedule& schedule);

// Every rule `schedule` breaks, in words (e.g. "slot 3: party 7 has 2 meetings but 1
// delegate"); empty when it is valid. Also reports malformed problems (bad indexes, a request
// between a party and itself, locked meetings outside the plan).
std::vector<std::string> FindScheduleViolations(const SchedulingProblem& problem,
                                                const Schedule& schedule);

// The problem's own defects, before any schedule: indexes out of range, self-meetings,
// delegates < 1, locked meetings clashing with each other or outside the slots and tables.
std::vector<std::string> FindProblemDefects(const SchedulingProblem& problem);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_EVENTS_SCHEDULING_PROBLEM_H_
