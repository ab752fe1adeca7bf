// The registry of live match watches and the one worker thread that brings them every stored
// change. Writers only hand the change over (a queue push, and nothing at all while nobody
// watches); the scoring happens on the worker, so many watchers cost writers nothing.
#ifndef TECHMATCH_CORE_MATCHING_MATCH_WATCH_HUB_H_
#define TECHMATCH_CORE_MATCHING_MATCH_WATCH_HUB_H_

#include <atomic>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "core/matching/match_watch.h"

namespace techmatch {

// A need or offering that was just stored, with its matching text, raw and analyzed (which
// replace a watch's query when the record is the watch's own subject).
struct RecordChange {
  WatchSide side;
  std::string id;
  std::string title;
  std::string raw_text;
  AnalyzedText text;
};

class MatchWatchHub {
 public:
  // Each watch is one open stream (and, on the synchronous gRPC server, one thread).
  static constexpr size_t kMaxWatches = 100;
  // Changes waiting for the worker; past this, every watch is closed rather than fed late.
  static constexpr size_t kMaxPending = 100000;
  // The worker's scheduling priority (a nice value: 0 as writers, 19 the lowest).
  static constexpr int kWorkerNice = 10;

  // Called on the worker for each change with the watches registered at that moment.
  using Deliver = std::function<void(const RecordChange& change,
                                     const std::vector<std::shared_ptr<MatchWatch>>& watches)>;

  explicit MatchWatchHub(Deliver deliver) : deliver_(std::move(deliver)) {}
  ~MatchWatchHub();
  MatchWatchHub(const MatchWatchHub&) = delete;
  MatchWatchHub& operator=(const MatchWatchHub&) = delete;

  // RESOURCE_EXHAUSTED when kMaxWatches are open. Starts the worker on first use.
  absl::Status Add(std::shared_ptr<MatchWatch> watch) ABSL_LOCKS_EXCLUDED(mutex_);
  void Remove(const std::shared_ptr<MatchWatch>& watch) ABSL_LOCKS_EXCLUDED(mutex_);

  // Reports a stored change; copies nothing and returns at once while nobody watches.
  void Changed(WatchSide side, const std::string& id, absl::string_view title,
               absl::string_view raw_text, const AnalyzedText& text) ABSL_LOCKS_EXCLUDED(mutex_);

  // Waits until every change reported before the call has been delivered.
  void Drain() ABSL_LOCKS_EXCLUDED(mutex_);

 private:
  void Work() ABSL_LOCKS_EXCLUDED(mutex_);

  const Deliver deliver_;
  std::atomic<size_t> watch_count_{0};
  absl::Mutex mutex_;
  std::vector<std::shared_ptr<MatchWatch>> watches_ ABSL_GUARDED_BY(mutex_);
  std::deque<RecordChange> pending_ ABSL_GUARDED_BY(mutex_);
  uint64_t reported_ ABSL_GUARDED_BY(mutex_) = 0;
  uint64_t delivered_ ABSL_GUARDED_BY(mutex_) = 0;
  bool stopping_ ABSL_GUARDED_BY(mutex_) = false;
  std::thread worker_;  // Started by the first Add.
};

}  // namespace techmatch

#endif  // TECHMATCH_CORE_MATCHING_MATCH_WATCH_HUB_H_
