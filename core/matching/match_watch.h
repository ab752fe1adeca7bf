// Live match subscriptions (MatchService.WatchMatches): what a watcher asks for, and the
// bounded queue its matches wait in until the watcher takes them.
//
// The engine's watch worker (MatchWatchHub) scores every stored change against every watch
// and offers the matches here; it never waits for a watcher. A watcher that falls more than
// kMaxQueued matches behind is closed with RESOURCE_EXHAUSTED instead, so one slow client
// costs the others nothing and never silently misses a match.
#ifndef TECHMATCH_CORE_MATCHING_MATCH_WATCH_H_
#define TECHMATCH_CORE_MATCHING_MATCH_WATCH_H_

#include <cstddef>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "core/matching/match_query.h"
#include "core/matching/match_result.h"
#include "core/text/text_analyzer.h"

namespace techmatch {

// Which side's records a watch is matched against.
enum class WatchSide { kNeeds, kOfferings };

struct WatchSpec {
  enum class Subject {
    kNeed,      // subject_id is a need; counterparts are offerings
    kOffering,  // subject_id is an offering; counterparts are needs
    kQuery,     // free text; counterparts on `target`
  };
  Subject subject = Subject::kQuery;
  std::string subject_id;
  // Query watches: only counterparts filed under one of these industries (empty: any).
  std::vector<std::string> industry_codes;
  WatchSide target = WatchSide::kOfferings;
  // Only matches scoring at least this (0..1) are sent.
  double min_score = 0;
};

class MatchWatch {
 public:
  static constexpr size_t kMaxQueued = 1000;

  MatchWatch(WatchSpec spec, MatchQuery query, std::shared_ptr<const PhraseText> phrases)
      : spec_(std::move(spec)), query_(std::move(query)), phrases_(std::move(phrases)) {}

  const WatchSpec& spec() const { return spec_; }

  // The subject's text: its query (what counterparts are scored against) and prepared for
  // explanations. Read and replaced (when the subject record is edited, or the thesaurus or
  // lexicon replaced) only by the hub's worker thread, so they need no lock.
  const MatchQuery& query() const { return query_; }
  const PhraseText& phrases() const { return *phrases_; }
  void set_subject_text(MatchQuery query, std::shared_ptr<const PhraseText> phrases) {
    query_ = std::move(query);
    phrases_ = std::move(phrases);
  }

  // Queues a match without ever blocking; overflowing the queue closes the watch.
  void Offer(MatchResult match) ABSL_LOCKS_EXCLUDED(mutex_);
  // Ends the watch with `reason`; queued matches are still delivered first. The first reason
  // given wins.
  void Close(absl::Status reason) ABSL_LOCKS_EXCLUDED(mutex_);

  // The next match, waiting at most `timeout`: nullopt when none came in time, the closing
  // reason once the watch is closed and its queue drained.
  absl::StatusOr<std::optional<MatchResult>> Next(absl::Duration timeout)
      ABSL_LOCKS_EXCLUDED(mutex_);
  // Matches waiting (a sender may hold a message back to send it with the next).
  size_t queued() const ABSL_LOCKS_EXCLUDED(mutex_);

 private:
  const WatchSpec spec_;
  MatchQuery query_;
  std::shared_ptr<const PhraseText> phrases_;
  mutable absl::Mutex mutex_;
  std::deque<MatchResult> queued_ ABSL_GUARDED_BY(mutex_);
  absl::Status closed_ ABSL_GUARDED_BY(mutex_);  // OK while open
};

}  // namespace techmatch

#endif  // TECHMATCH_CORE_MATCHING_MATCH_WATCH_H_
