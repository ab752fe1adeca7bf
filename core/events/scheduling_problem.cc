#include "core/events/scheduling_problem.h"

#include <tuple>

#include "absl/strings/str_cat.h"

namespace techmatch {

bool ScheduleQuality::BetterThan(const ScheduleQuality& other) const {
  return std::make_tuple(mutual_meetings, score, meetings, -idle_slots) >
         std::make_tuple(other.mutual_meetings, other.score, other.meetings, -other.idle_slots);
}

int64_t MutualBonus(const SchedulingProblem& problem) {
  int64_t sum = 1;
  for (const SchedulingProblem::Request& request : problem.requests) sum += request.score + 1;
  return sum;
}

int64_t RequestWeight(const SchedulingProblem::Request& request, int64_t mutual_bonus) {
  return request.score + 1 + (request.mutual ? mutual_bonus : 0);
}

ScheduleQuality Evaluate(const SchedulingProblem& problem, const Schedule& schedule) {
  ScheduleQuality quality;
  const int slots = problem.slot_count;
  std::vector<int> busy(problem.parties.size() * static_cast<size_t>(slots), 0);
  for (size_t r = 0; r < problem.requests.size(); ++r) {
    const int s = schedule.slot[r];
    if (s < 0 || s >= slots) continue;
    const SchedulingProblem::Request& request = problem.requests[r];
    ++quality.meetings;
    if (request.mutual) ++quality.mutual_meetings;
    quality.score += request.score;
    busy[static_cast<size_t>(request.first) * slots + s] = 1;
    busy[static_cast<size_t>(request.second) * slots + s] = 1;
  }
  for (size_t p = 0; p < problem.parties.size(); ++p) {
    int first = -1, last = -1, count = 0;
    for (int s = 0; s < slots; ++s) {
      if (!busy[p * slots + s]) continue;
      if (first < 0) first = s;
      last = s;
      ++count;
    }
    if (first >= 0) quality.idle_slots += last - first + 1 - count;
  }
  return quality;
}

std::vector<std::string> FindProblemDefects(const SchedulingProblem& problem) {
  std::vector<std::string> defects;
  const int parties = static_cast<int>(problem.parties.size());
  if (problem.slot_count < 0) defects.push_back("slot_count is negative");
  if (problem.table_count < 0) defects.push_back("table_count is negative");
  for (int p = 0; p < parties; ++p) {
    if (problem.parties[p].delegates < 1) {
      defects.push_back(absl::StrCat("party ", p, " sends fewer than 1 delegate"));
    }
    if (problem.parties[p].max_meetings < 0) {
      defects.push_back(absl::StrCat("party ", p, " has a negative meeting limit"));
    }
  }
  for (size_t r = 0; r < problem.requests.size(); ++r) {
    const SchedulingProblem::Request& request = problem.requests[r];
    if (request.first < 0 || request.first >= parties || request.second < 0 ||
        request.second >= parties) {
      defects.push_back(absl::StrCat("request ", r, " names an unknown party"));
    } else if (request.first == request.second) {
      defects.push_back(absl::StrCat("request ", r, " pairs a party with itself"));
    }
  }
  std::vector<int> seen(problem.requests.size(), 0);
  for (const SchedulingProblem::Fixed& fixed : problem.locked) {
    if (fixed.request < 0 || fixed.request >= static_cast<int>(problem.requests.size())) {
      defects.push_back(absl::StrCat("a locked meeting names unknown request ", fixed.request));
      continue;
    }
    if (seen[fixed.request]++) {
      defects.push_back(absl::StrCat("request ", fixed.request, " is locked twice"));
    }
    if (fixed.slot < 0 || fixed.slot >= problem.slot_count) {
      defects.push_back(absl::StrCat("locked request ", fixed.request, " is in slot ", fixed.slot,
                                     ", outside the plan's ", problem.slot_count, " slots"));
    }
    if (fixed.table < 0 || fixed.table >= problem.table_count) {
      defects.push_back(absl::StrCat("locked request ", fixed.request, " is at table ",
                                     fixed.table + 1, ", outside the plan's ", problem.table_count,
                                     " tables"));
    }
  }
  return defects;
}

std::vector<std::string> FindScheduleViolations(const SchedulingProblem& problem,
                                                const Schedule& schedule) {
  std::vector<std::string> violations = FindProblemDefects(problem);
  if (!violations.empty()) return violations;
  const size_t requests = problem.requests.size();
  if (schedule.slot.size() != requests || schedule.table.size() != requests) {
    violations.push_back("the schedule does not cover every request exactly once");
    return violations;
  }
  const int slots = problem.slot_count;
  const int tables = problem.table_count;
  const size_t parties = problem.parties.size();
  std::vector<int> load(parties * static_cast<size_t>(slots), 0);
  std::vector<int> total(parties, 0);
  std::vector<int> occupant(static_cast<size_t>(slots) * tables, -1);
  for (size_t r = 0; r < requests; ++r) {
    const int s = schedule.slot[r];
    const int t = schedule.table[r];
    if (s < 0 && t < 0) continue;
    if (s < 0 || s >= slots || t < 0 || t >= tables) {
      violations.push_back(
          absl::StrCat("request ", r, " is at slot ", s, ", table ", t, ", outside the plan"));
      continue;
    }
    int& at = occupant[static_cast<size_t>(s) * tables + t];
    if (at >= 0) {
      violations.push_back(absl::StrCat("slot ", s, ", table ", t + 1, ": requests ", at, " and ",
                                        r, " share the table"));
    }
    at = static_cast<int>(r);
    for (int p : {problem.requests[r].first, problem.requests[r].second}) {
      ++load[static_cast<size_t>(p) * slots + s];
      ++total[p];
    }
  }
  for (size_t p = 0; p < parties; ++p) {
    for (int s = 0; s < slots; ++s) {
      if (load[p * slots + s] > problem.parties[p].delegates) {
        violations.push_back(absl::StrCat("slot ", s, ": party ", p, " has ", load[p * slots + s],
                                          " meetings but ", problem.parties[p].delegates,
                                          " delegates"));
      }
    }
    if (total[p] > problem.parties[p].max_meetings) {
      violations.push_back(absl::StrCat("party ", p, " has ", total[p],
                                        " meetings, more than its maximum of ",
                                        problem.parties[p].max_meetings));
    }
  }
  for (const SchedulingProblem::Fixed& fixed : problem.locked) {
    if (schedule.slot[fixed.request] != fixed.slot ||
        schedule.table[fixed.request] != fixed.table) {
      violations.push_back(absl::StrCat("locked request ", fixed.request, " moved from slot ",
                                        fixed.slot, ", table ", fixed.table + 1));
    }
  }
  return violations;
}

}  // namespace techmatch
