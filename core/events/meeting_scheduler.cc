#include "core/events/meeting_scheduler.h"

#include <algorithm>
#include <numeric>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace techmatch {
namespace {

// The mutable state of a schedule under construction: loads per party and slot, tables used
// per slot, and the meetings of each slot and party for finding what blocks a request.
class Board {
 public:
  explicit Board(const SchedulingProblem& problem)
      : problem_(problem),
        slots_(problem.slot_count),
        tables_(problem.table_count),
        load_(problem.parties.size() * static_cast<size_t>(problem.slot_count), 0),
        total_(problem.parties.size(), 0),
        used_(problem.slot_count, 0),
        slot_of_(problem.requests.size(), -1),
        at_slot_(problem.slot_count),
        of_party_(problem.parties.size()),
        saved_(problem.requests.size(), -2),
        changed_(problem.slot_count, 1) {}

  // True once after every change to slot `s` (lets callers cache per-slot facts).
  bool TakeChanged(int s) {
    const bool changed = changed_[s];
    changed_[s] = 0;
    return changed;
  }

  // A trial records where every request it touches was, so that Rollback can put it back.
  void BeginTrial() {
    trial_ = true;
    touched_.clear();
  }
  const std::vector<int>& touched() const { return touched_; }
  int saved_slot(int r) const { return saved_[r]; }
  void EndTrial() {
    for (int r : touched_) saved_[r] = -2;
    touched_.clear();
    trial_ = false;
  }
  void Rollback() {
    trial_ = false;
    for (int r : touched_) {
      if (slot_of_[r] >= 0) Remove(r);
    }
    for (int r : touched_) {
      if (saved_[r] >= 0) Place(r, saved_[r]);
    }
    EndTrial();
  }

  int slots() const { return slots_; }
  int slot_of(int r) const { return slot_of_[r]; }
  int used(int s) const { return used_[s]; }
  int total(int p) const { return total_[p]; }
  const std::vector<int>& at_slot(int s) const { return at_slot_[s]; }
  const std::vector<int>& of_party(int p) const { return of_party_[p]; }

  bool PartyFree(int p, int s) const {
    return load_[static_cast<size_t>(p) * slots_ + s] < problem_.parties[p].delegates;
  }
  bool UnderLimit(int p) const { return total_[p] < problem_.parties[p].max_meetings; }
  // `r` (not scheduled) may go to slot `s`.
  bool Fits(int r, int s) const {
    const SchedulingProblem::Request& q = problem_.requests[r];
    return used_[s] < tables_ && PartyFree(q.first, s) && PartyFree(q.second, s) &&
           UnderLimit(q.first) && UnderLimit(q.second);
  }
  // `r` (scheduled elsewhere) may move to slot `s`: its own meeting count does not change.
  bool FitsMove(int r, int s) const {
    const SchedulingProblem::Request& q = problem_.requests[r];
    return used_[s] < tables_ && PartyFree(q.first, s) && PartyFree(q.second, s);
  }

  void Place(int r, int s) {
    Touch(r);
    const SchedulingProblem::Request& q = problem_.requests[r];
    slot_of_[r] = s;
    changed_[s] = 1;
    ++used_[s];
    at_slot_[s].push_back(r);
    for (int p : {q.first, q.second}) {
      ++load_[static_cast<size_t>(p) * slots_ + s];
      ++total_[p];
      of_party_[p].push_back(r);
    }
  }
  void Remove(int r) {
    Touch(r);
    const int s = slot_of_[r];
    const SchedulingProblem::Request& q = problem_.requests[r];
    slot_of_[r] = -1;
    changed_[s] = 1;
    --used_[s];
    Erase(at_slot_[s], r);
    for (int p : {q.first, q.second}) {
      --load_[static_cast<size_t>(p) * slots_ + s];
      --total_[p];
      Erase(of_party_[p], r);
    }
  }

  // Slots between the party's first and last meeting that hold none of its meetings.
  int Idle(int p) const {
    const int* row = &load_[static_cast<size_t>(p) * slots_];
    int first = -1, last = -1, busy = 0;
    for (int s = 0; s < slots_; ++s) {
      if (row[s] == 0) continue;
      if (first < 0) first = s;
      last = s;
      ++busy;
    }
    return first < 0 ? 0 : last - first + 1 - busy;
  }
  // How many idle slots a meeting in `s` would add to (or, negative, remove from) the party.
  int AddedIdle(int p, int s) const {
    const int* row = &load_[static_cast<size_t>(p) * slots_];
    if (row[s] > 0) return 0;
    int first = -1, last = -1;
    for (int t = 0; t < slots_; ++t) {
      if (row[t] == 0) continue;
      if (first < 0) first = t;
      last = t;
    }
    if (first < 0) return 0;
    if (s < first) return first - s - 1;
    if (s > last) return s - last - 1;
    return -1;
  }

 private:
  void Touch(int r) {
    if (!trial_ || saved_[r] != -2) return;
    saved_[r] = slot_of_[r];
    touched_.push_back(r);
  }
  static void Erase(std::vector<int>& list, int r) {
    auto it = std::find(list.begin(), list.end(), r);
    *it = list.back();
    list.pop_back();
  }

  const SchedulingProblem& problem_;
  const int slots_;
  const int tables_;
  std::vector<int> load_;
  std::vector<int> total_;
  std::vector<int> used_;
  std::vector<int> slot_of_;
  std::vector<std::vector<int>> at_slot_;
  std::vector<std::vector<int>> of_party_;
  bool trial_ = false;
  std::vector<int> saved_;  // -2: not touched in this trial; else the slot before it.
  std::vector<int> touched_;
  std::vector<char> changed_;
};

// splitmix64: a fixed, portable sequence (std distributions differ between libraries).
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  int Below(int n) { return static_cast<int>(Next() % static_cast<uint64_t>(n)); }

 private:
  uint64_t state_;
};

class Solver {
 public:
  Solver(const SchedulingProblem& problem, const SchedulerOptions& options)
      : problem_(problem),
        board_(problem),
        fixed_(problem.requests.size(), 0),
        weight_(problem.requests.size()),
        budget_(options.work_budget) {
    const int64_t bonus = MutualBonus(problem);
    for (size_t r = 0; r < problem.requests.size(); ++r) {
      weight_[r] = RequestWeight(problem.requests[r], bonus);
    }
    requests_of_.resize(problem.parties.size());
    for (size_t r = 0; r < problem.requests.size(); ++r) {
      requests_of_[problem.requests[r].first].push_back(static_cast<int>(r));
      requests_of_[problem.requests[r].second].push_back(static_cast<int>(r));
    }
    rank_.resize(problem.requests.size());
    order_.resize(problem.requests.size());
    std::iota(order_.begin(), order_.end(), 0);
    std::stable_sort(order_.begin(), order_.end(),
                     [&](int a, int b) { return weight_[a] > weight_[b]; });
    for (size_t i = 0; i < order_.size(); ++i) rank_[order_[i]] = static_cast<int>(i);
  }

  absl::Status PlaceLocked() {
    std::vector<std::string> problems;
    for (const SchedulingProblem::Fixed& fixed : problem_.locked) {
      fixed_[fixed.request] = 1;
      const SchedulingProblem::Request& q = problem_.requests[fixed.request];
      if (!board_.PartyFree(q.first, fixed.slot) || !board_.PartyFree(q.second, fixed.slot)) {
        problems.push_back(absl::StrCat("locked request ", fixed.request, " in slot ", fixed.slot,
                                        " needs more delegates than a party sends"));
      } else if (!board_.UnderLimit(q.first) || !board_.UnderLimit(q.second)) {
        problems.push_back(absl::StrCat("locked request ", fixed.request,
                                        " exceeds a party's maximum number of meetings"));
      }
      board_.Place(fixed.request, fixed.slot);
    }
    if (problems.empty()) return absl::OkStatus();
    return absl::FailedPreconditionError(
        absl::StrCat("the locked meetings cannot all stay: ", absl::StrJoin(problems, "; ")));
  }

  // Puts each meeting of `previous` back in its slot where it still fits, heaviest first, so
  // that rescheduling moves as little as it must.
  void Restore(const Schedule& previous) {
    for (int r : order_) {
      if (fixed_[r] || static_cast<size_t>(r) >= previous.slot.size()) continue;
      const int s = previous.slot[r];
      if (s >= 0 && s < board_.slots() && board_.Fits(r, s)) board_.Place(r, s);
    }
  }

  void Greedy() {
    for (int r : order_) {
      if (board_.slot_of(r) >= 0) continue;
      if (fixed_[r]) continue;
      const int s = BestSlot(r);
      if (s >= 0) board_.Place(r, s);
    }
  }

  void Improve() {
    const int64_t budget = budget_ / 2;
    bool improved = true;
    while (improved && work_ < budget) {
      improved = false;
      for (int r : order_) {
        if (work_ >= budget) break;
        if (fixed_[r] || board_.slot_of(r) >= 0) continue;
        if (TryInsert(r)) improved = true;
      }
    }
    // Whatever still fits without evicting anything goes in (cheap, also after the budget).
    for (int r : order_) {
      if (fixed_[r] || board_.slot_of(r) >= 0) continue;
      const int s = BestSlot(r);
      if (s >= 0) board_.Place(r, s);
    }
  }

  // Large-neighbourhood search: takes out every meeting of one or two parties chosen at
  // random, re-inserts (with evictions) the open requests of every party that lost a meeting,
  // and keeps the result unless the total weight fell. Stops at the budget, after `rounds`, or
  // after `patience` rounds in a row without a gain.
  void Search(int rounds, int patience) {
    if (problem_.parties.empty()) return;
    Random random(0x7ec4a7c4f00dull);
    const int parties = static_cast<int>(problem_.parties.size());
    int stale = 0;
    // A quarter of the budget stays for gap compaction.
    const int64_t budget = budget_ - budget_ / 4;
    for (int round = 0; round < rounds && stale < patience && work_ < budget; ++round) {
      board_.BeginTrial();
      std::vector<int> hit = {random.Below(parties)};
      if (random.Below(2) == 0) hit.push_back(random.Below(parties));
      std::vector<int> lost;
      for (int p : hit) {
        for (int v : std::vector<int>(board_.of_party(p))) {
          if (fixed_[v] || board_.slot_of(v) < 0) continue;
          const SchedulingProblem::Request& q = problem_.requests[v];
          board_.Remove(v);
          lost.push_back(q.first);
          lost.push_back(q.second);
        }
      }
      std::vector<int> candidates;
      for (int p : lost) {
        for (int r : requests_of_[p]) {
          if (!fixed_[r] && board_.slot_of(r) < 0) candidates.push_back(r);
        }
      }
      // Heaviest first, or, every other round, a shuffled order for variety.
      std::sort(candidates.begin(), candidates.end(),
                [&](int a, int b) { return rank_[a] < rank_[b]; });
      candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
      if (random.Below(2) == 0) {
        for (size_t i = candidates.size(); i > 1; --i) {
          std::swap(candidates[i - 1], candidates[random.Below(static_cast<int>(i))]);
        }
      }
      for (int r : candidates) {
        if (work_ >= budget) break;
        if (board_.slot_of(r) < 0) TryInsert(r);
      }
      int64_t delta = 0;
      for (int r : board_.touched()) {
        delta += weight_[r] * ((board_.slot_of(r) >= 0) - (board_.saved_slot(r) >= 0));
      }
      if (delta < 0) {
        board_.Rollback();
        ++stale;
      } else {
        board_.EndTrial();
        stale = delta > 0 ? 0 : stale + 1;
      }
    }
  }

  void CompactGaps() {
    bool improved = true;
    while (improved && work_ < budget_) {
      improved = false;
      for (size_t r = 0; r < problem_.requests.size() && work_ < budget_; ++r) {
        if (fixed_[r] || board_.slot_of(r) < 0) continue;
        if (TryCompact(static_cast<int>(r))) improved = true;
      }
    }
  }

  Schedule Result(const Schedule* previous) const {
    Schedule schedule = Schedule::Empty(problem_.requests.size());
    const int tables = problem_.table_count;
    std::vector<char> taken(static_cast<size_t>(problem_.slot_count) * tables, 0);
    auto take = [&](int r, int s, int t) {
      schedule.slot[r] = s;
      schedule.table[r] = t;
      taken[static_cast<size_t>(s) * tables + t] = 1;
    };
    for (const SchedulingProblem::Fixed& fixed : problem_.locked) {
      take(fixed.request, fixed.slot, fixed.table);
    }
    std::vector<int> rest;
    for (size_t r = 0; r < problem_.requests.size(); ++r) {
      const int s = board_.slot_of(static_cast<int>(r));
      if (fixed_[r] || s < 0) continue;
      const bool stays = previous != nullptr && r < previous->slot.size() &&
                         previous->slot[r] == s && previous->table[r] >= 0 &&
                         previous->table[r] < tables &&
                         !taken[static_cast<size_t>(s) * tables + previous->table[r]];
      if (stays) {
        take(static_cast<int>(r), s, previous->table[r]);
      } else {
        rest.push_back(static_cast<int>(r));
      }
    }
    for (int r : rest) {
      const int s = board_.slot_of(r);
      int t = 0;
      while (taken[static_cast<size_t>(s) * tables + t]) ++t;
      take(r, s, t);
    }
    return schedule;
  }

  std::vector<LeftOut> LeftOuts() const {
    std::vector<LeftOut> left_out;
    bool tables_full = true;
    for (int s = 0; s < problem_.slot_count; ++s) {
      tables_full = tables_full && board_.used(s) >= problem_.table_count;
    }
    for (size_t r = 0; r < problem_.requests.size(); ++r) {
      if (board_.slot_of(static_cast<int>(r)) >= 0) continue;
      const SchedulingProblem::Request& q = problem_.requests[r];
      LeftOut out;
      out.request = static_cast<int>(r);
      if (!board_.UnderLimit(q.first) || !board_.UnderLimit(q.second)) {
        out.reason = LeftOutReason::kMeetingLimit;
        out.party = board_.UnderLimit(q.first) ? q.second : q.first;
      } else if (tables_full) {
        out.reason = LeftOutReason::kTablesFull;
      } else {
        out.reason = LeftOutReason::kNoCommonFreeSlot;
      }
      left_out.push_back(out);
    }
    return left_out;
  }

  int64_t work() const { return work_; }

 private:
  // The feasible slot adding the fewest idle slots to both parties; -1 when none fits.
  int BestSlot(int r) {
    const SchedulingProblem::Request& q = problem_.requests[r];
    int best = -1, best_cost = 0;
    for (int s = 0; s < board_.slots(); ++s) {
      ++work_;
      if (!board_.Fits(r, s)) continue;
      const int cost = board_.AddedIdle(q.first, s) + board_.AddedIdle(q.second, s);
      if (best < 0 || cost < best_cost) {
        best = s;
        best_cost = cost;
      }
    }
    return best;
  }

  // True when `r` (scheduled in `from`) could move to some other slot.
  bool CanRelocate(int r, int from) {
    for (int s = 0; s < board_.slots(); ++s) {
      ++work_;
      if (s != from && board_.FitsMove(r, s)) return true;
    }
    return false;
  }

  // Among `candidates` (scheduled, not locked, not yet evicted): one that can move elsewhere,
  // the lightest such; else the lightest. -1 when there is none.
  int PickVictim(const std::vector<int>& candidates, const std::vector<int>& evicted,
                 bool try_relocation) {
    int movable = -1, lightest = -1;
    for (int v : candidates) {
      if (fixed_[v] || std::find(evicted.begin(), evicted.end(), v) != evicted.end()) continue;
      if (lightest < 0 || Lighter(v, lightest)) lightest = v;
      if (try_relocation && (movable < 0 || Lighter(v, movable)) &&
          CanRelocate(v, board_.slot_of(v))) {
        movable = v;
      }
    }
    return movable >= 0 ? movable : lightest;
  }
  bool FreeTableElsewhere(int s) const {
    for (int t = 0; t < board_.slots(); ++t) {
      if (t != s && board_.used(t) < problem_.table_count) return true;
    }
    return false;
  }
  // The lightest meeting of slot `s` that is not locked; -1 when there is none (cached).
  int LightestAt(int s) {
    if (lightest_.empty()) lightest_.assign(board_.slots(), -1);
    if (board_.TakeChanged(s)) {
      int lightest = -1;
      for (int v : board_.at_slot(s)) {
        ++work_;
        if (!fixed_[v] && (lightest < 0 || Lighter(v, lightest))) lightest = v;
      }
      lightest_[s] = lightest;
    }
    return lightest_[s];
  }
  bool Lighter(int a, int b) const {
    if (a < 0) return false;
    if (b < 0) return true;
    return weight_[a] < weight_[b] || (weight_[a] == weight_[b] && a > b);
  }

  // Puts `r` into slot `s` after evicting what blocks it and re-placing the evicted where they
  // fit. Returns the weight gained (may be ≤ 0); the changes stay on the board, recorded in
  // `journal` (request, slot it was in) so that Undo can revert them.
  int64_t InsertAt(int r, int s, std::vector<std::pair<int, int>>& journal) {
    const SchedulingProblem::Request& q = problem_.requests[r];
    // Cheap refusal: when every table everywhere is taken, r must displace a meeting of this
    // slot for good, which only pays when some meeting here is lighter.
    if (board_.used(s) >= problem_.table_count && !FreeTableElsewhere(s) &&
        !Lighter(LightestAt(s), r)) {
      return -1;
    }
    std::vector<int> evicted;
    auto evict = [&](int v) {
      journal.emplace_back(v, board_.slot_of(v));
      board_.Remove(v);
      evicted.push_back(v);
    };
    for (int p : {q.first, q.second}) {
      if (!board_.PartyFree(p, s)) {
        std::vector<int> here;
        for (int v : board_.of_party(p)) {
          if (board_.slot_of(v) == s) here.push_back(v);
        }
        const int victim = PickVictim(here, evicted, true);
        if (victim < 0) return -1;
        evict(victim);
      }
      if (!board_.UnderLimit(p)) {
        const int victim = PickVictim(board_.of_party(p), evicted, false);
        if (victim < 0) return -1;
        evict(victim);
      }
    }
    if (board_.used(s) >= problem_.table_count) {
      const int victim = PickVictim(board_.at_slot(s), evicted, FreeTableElsewhere(s));
      if (victim < 0) return -1;
      evict(victim);
    }
    if (!board_.Fits(r, s)) return -1;
    journal.emplace_back(r, -1);
    board_.Place(r, s);
    int64_t gain = weight_[r];
    std::sort(evicted.begin(), evicted.end(), [&](int a, int b) { return Lighter(b, a); });
    for (int v : evicted) {
      const int to = BestSlot(v);
      if (to >= 0) {
        board_.Place(v, to);
      } else {
        gain -= weight_[v];
      }
    }
    return gain;
  }

  void Undo(std::vector<std::pair<int, int>>& journal) {
    // Evicted requests may have been re-placed after the journal entry was written.
    for (auto it = journal.rbegin(); it != journal.rend(); ++it) {
      if (board_.slot_of(it->first) >= 0) board_.Remove(it->first);
    }
    for (auto it = journal.rbegin(); it != journal.rend(); ++it) {
      if (it->second >= 0) board_.Place(it->first, it->second);
    }
    journal.clear();
  }

  bool TryInsert(int r) {
    int best_slot = -1;
    int64_t best_gain = 0;
    std::vector<std::pair<int, int>> journal;
    for (int s = 0; s < board_.slots(); ++s) {
      const int64_t gain = InsertAt(r, s, journal);
      Undo(journal);
      if (gain > best_gain) {
        best_gain = gain;
        best_slot = s;
      }
    }
    if (best_slot < 0) return false;
    InsertAt(r, best_slot, journal);
    return true;
  }

  // Moves `r` to another slot, or trades slots with a meeting there, when that lowers the
  // idle slots of the parties involved.
  bool TryCompact(int r) {
    const SchedulingProblem::Request& q = problem_.requests[r];
    const int from = board_.slot_of(r);
    const int before = board_.Idle(q.first) + board_.Idle(q.second);
    if (before == 0) return false;
    for (int to = 0; to < board_.slots(); ++to) {
      if (to == from) continue;
      ++work_;
      board_.Remove(r);
      const bool parties_free = board_.PartyFree(q.first, to) && board_.PartyFree(q.second, to);
      if (!parties_free) {
        board_.Place(r, from);
        continue;
      }
      board_.Place(r, to);  // May overfill the tables of `to` for a moment.
      const int after = board_.Idle(q.first) + board_.Idle(q.second);
      if (after >= before) {
        board_.Remove(r);
        board_.Place(r, from);
        continue;
      }
      if (board_.used(to) <= problem_.table_count) return true;
      // The tables of `to` are full: trade with a meeting there that fits in `from`.
      if (TradeInto(r, from, to, before - after)) return true;
      board_.Remove(r);
      board_.Place(r, from);
    }
    return false;
  }

  // `r` already sits in `to` (one meeting too many there); moves some other meeting of `to` to
  // `from` when the idle slots of all four parties drop overall. `gained` is what r's move
  // gained for its own parties.
  bool TradeInto(int r, int from, int to, int gained) {
    std::vector<int> others = board_.at_slot(to);
    for (int v : others) {
      if (v == r || fixed_[v]) continue;
      ++work_;
      const SchedulingProblem::Request& o = problem_.requests[v];
      const SchedulingProblem::Request& q = problem_.requests[r];
      const int before_v = board_.Idle(o.first) + board_.Idle(o.second);
      board_.Remove(v);
      if (!board_.PartyFree(o.first, from) || !board_.PartyFree(o.second, from)) {
        board_.Place(v, to);
        continue;
      }
      // Recount r's parties too: they may share a party with v.
      board_.Place(v, from);
      const int after_v = board_.Idle(o.first) + board_.Idle(o.second);
      const bool shared =
          o.first == q.first || o.first == q.second || o.second == q.first || o.second == q.second;
      if (!shared && after_v - before_v < gained) return true;
      if (shared) {
        // Rare: compare the union of parties exactly.
        board_.Remove(v);
        board_.Place(v, to);
        board_.Remove(r);
        board_.Place(r, from);
        const int old_sum = IdleOf({q.first, q.second, o.first, o.second});
        board_.Remove(r);
        board_.Place(r, to);
        board_.Remove(v);
        board_.Place(v, from);
        if (IdleOf({q.first, q.second, o.first, o.second}) < old_sum) return true;
      }
      board_.Remove(v);
      board_.Place(v, to);
    }
    return false;
  }

  int IdleOf(std::vector<int> parties) const {
    std::sort(parties.begin(), parties.end());
    parties.erase(std::unique(parties.begin(), parties.end()), parties.end());
    int sum = 0;
    for (int p : parties) sum += board_.Idle(p);
    return sum;
  }

  const SchedulingProblem& problem_;
  Board board_;
  std::vector<char> fixed_;
  std::vector<int64_t> weight_;
  std::vector<int> order_;
  std::vector<int> lightest_;                  // Per slot, see LightestAt.
  std::vector<int> rank_;                      // Position of each request in order_.
  std::vector<std::vector<int>> requests_of_;  // Every request of each party.
  const int64_t budget_;
  int64_t work_ = 0;
};

absl::Status CheckProblem(const SchedulingProblem& problem) {
  std::vector<std::string> defects = FindProblemDefects(problem);
  if (!defects.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("malformed scheduling problem: ", absl::StrJoin(defects, "; ")));
  }
  std::vector<int> occupant(static_cast<size_t>(problem.slot_count) * problem.table_count, -1);
  for (const SchedulingProblem::Fixed& fixed : problem.locked) {
    int& at = occupant[static_cast<size_t>(fixed.slot) * problem.table_count + fixed.table];
    if (at >= 0) {
      return absl::FailedPreconditionError(absl::StrCat("locked requests ", at, " and ",
                                                        fixed.request, " share table ",
                                                        fixed.table + 1, " in slot ", fixed.slot));
    }
    at = fixed.request;
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<ScheduleResult> SolveSchedule(const SchedulingProblem& problem,
                                             const SchedulerOptions& options,
                                             const Schedule* previous) {
  if (absl::Status status = CheckProblem(problem); !status.ok()) return status;
  Solver solver(problem, options);
  if (absl::Status status = solver.PlaceLocked(); !status.ok()) return status;
  if (previous != nullptr) solver.Restore(*previous);
  solver.Greedy();
  solver.Improve();
  solver.Search(options.search_rounds, options.search_patience);
  solver.CompactGaps();
  ScheduleResult result;
  result.schedule = solver.Result(previous);
  result.left_out = solver.LeftOuts();
  result.work = solver.work();
  return result;
}

Schedule GreedyFirstFit(const SchedulingProblem& problem) {
  Schedule schedule = Schedule::Empty(problem.requests.size());
  if (!FindProblemDefects(problem).empty()) return schedule;
  const int slots = problem.slot_count;
  const int tables = problem.table_count;
  std::vector<int> load(problem.parties.size() * static_cast<size_t>(slots), 0);
  std::vector<int> total(problem.parties.size(), 0);
  std::vector<char> taken(static_cast<size_t>(slots) * tables, 0);
  auto place = [&](int r, int s, int t) {
    schedule.slot[r] = s;
    schedule.table[r] = t;
    taken[static_cast<size_t>(s) * tables + t] = 1;
    for (int p : {problem.requests[r].first, problem.requests[r].second}) {
      ++load[static_cast<size_t>(p) * slots + s];
      ++total[p];
    }
  };
  for (const SchedulingProblem::Fixed& fixed : problem.locked) {
    place(fixed.request, fixed.slot, fixed.table);
  }
  for (size_t r = 0; r < problem.requests.size(); ++r) {
    if (schedule.slot[r] >= 0) continue;
    const SchedulingProblem::Request& q = problem.requests[r];
    if (total[q.first] >= problem.parties[q.first].max_meetings ||
        total[q.second] >= problem.parties[q.second].max_meetings) {
      continue;
    }
    for (int s = 0; s < slots; ++s) {
      if (load[static_cast<size_t>(q.first) * slots + s] >= problem.parties[q.first].delegates ||
          load[static_cast<size_t>(q.second) * slots + s] >= problem.parties[q.second].delegates) {
        continue;
      }
      int t = 0;
      while (t < tables && taken[static_cast<size_t>(s) * tables + t]) ++t;
      if (t == tables) continue;
      place(static_cast<int>(r), s, t);
      break;
    }
  }
  return schedule;
}

}  // namespace techmatch
