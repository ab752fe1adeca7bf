// The matching engine: two inverted indexes (needs, offerings) kept current by the use cases
// (usecases/) after every stored change and rebuilt from storage at start; SQLite stays the
// source of truth. Thread-safe: queries share a reader lock, index updates take the writer
// lock only for the append (text analysis happens outside it).
#ifndef TECHMATCH_CORE_MATCHING_MATCHING_ENGINE_H_
#define TECHMATCH_CORE_MATCHING_MATCHING_ENGINE_H_

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "core/listings/need.h"
#include "core/listings/offering.h"
#include "core/matching/inverted_index.h"
#include "core/matching/match_query.h"
#include "core/matching/match_result.h"
#include "core/matching/match_signals.h"
#include "core/matching/match_watch.h"
#include "core/matching/match_watch_hub.h"
#include "core/matching/matching_resources.h"
#include "core/text/text_analyzer.h"

namespace techmatch {

inline constexpr size_t kDefaultMatchLimit = 20;
inline constexpr size_t kMaxMatchLimit = 1000;
inline constexpr size_t kMaxQueryChars = 1000;

struct MatchOptions {
  size_t limit = kDefaultMatchLimit;
  std::string event_id;  // Only counterparts registered for / presented at this event.
  bool all_industries = false;
};

// A free-text search hit.
struct SearchHit {
  std::string id;
  double relevance = 0;
};

class MatchingEngine {
 public:
  // With the process's default thesaurus and lexicon (DefaultMatchingResources), loaded when
  // the first query needs them (reading the lexicon takes a second or two, which a process
  // that never matches need not pay).
  explicit MatchingEngine(std::shared_ptr<const TextAnalyzer> analyzer);
  MatchingEngine(std::shared_ptr<const TextAnalyzer> analyzer, const MatchingResources& resources);

  // Replace the thesaurus or the lexicon (null: none) for every query that starts from now
  // on; queries under way finish with the snapshot they started with, and live watches
  // re-read their subject with the new one at the next change they score.
  void SetThesaurus(std::shared_ptr<const Thesaurus> thesaurus);
  void SetLexicon(std::shared_ptr<const Lexicon> lexicon);
  std::shared_ptr<const Thesaurus> thesaurus() const;
  std::shared_ptr<const Lexicon> lexicon() const;

  // Adds or replaces a record after it was stored (older revisions are ignored).
  absl::Status IndexNeed(const Need& need);
  absl::Status IndexOffering(const Offering& offering);
  // Releases spare index capacity after a bulk load.
  void Compact();

  // FAILED_PRECONDITION unless the need is OPEN.
  absl::StatusOr<std::vector<MatchResult>> MatchNeed(const Need& need,
                                                     const MatchOptions& options) const;
  // FAILED_PRECONDITION unless the offering is AVAILABLE.
  absl::StatusOr<std::vector<MatchResult>> MatchOffering(const Offering& offering,
                                                         const MatchOptions& options) const;
  // The one pair (`need`, offering `offering_id`) as MatchNeed with `options` scores it once
  // its limit reaches the offering: the same signals and float arithmetic, to the bit, without
  // ranking the others (a binary search per query term, InvertedIndex::Score). nullopt when
  // MatchNeed never returns the offering (not indexed or not AVAILABLE, the need's own
  // organization's, not at options.event_id, no shared industry unless all_industries). A pair
  // sharing no text scores its non-text signals, as MatchNeed ranks such offerings after those
  // that share text. options.limit is not used. FAILED_PRECONDITION unless the need is OPEN.
  absl::StatusOr<std::optional<MatchResult>> ScorePair(const Need& need,
                                                       const std::string& offering_id,
                                                       const MatchOptions& options) const;

  // Records of any state whose text fits `query`, most relevant first, at most `limit`.
  // INVALID_ARGUMENT (field "query") for an empty or over-long query; a query of only stop
  // words or punctuation finds nothing.
  absl::StatusOr<std::vector<SearchHit>> SearchNeeds(absl::string_view query, size_t limit) const;
  absl::StatusOr<std::vector<SearchHit>> SearchOfferings(absl::string_view query,
                                                         size_t limit) const;

  // Live watches (WatchMatches): every counterpart stored from now on that scores at least
  // `min_score` (0..1) with some shared text is offered to the returned watch, until Unwatch.
  // The subject must be OPEN / AVAILABLE (FAILED_PRECONDITION); its later edits are followed,
  // and its withdrawal closes the watch. INVALID_ARGUMENT for min_score outside 0..1 or a bad
  // query text (field "query.text"); RESOURCE_EXHAUSTED past MatchWatchHub::kMaxWatches.
  absl::StatusOr<std::shared_ptr<MatchWatch>> WatchNeed(const Need& need, double min_score);
  absl::StatusOr<std::shared_ptr<MatchWatch>> WatchOffering(const Offering& offering,
                                                            double min_score);
  // Counterparts on `target` whose text fits `text` (score = text relevance), filed under one
  // of `industry_codes` when any are given.
  absl::StatusOr<std::shared_ptr<MatchWatch>> WatchQuery(absl::string_view text,
                                                         std::vector<std::string> industry_codes,
                                                         WatchSide target, double min_score);
  void Unwatch(const std::shared_ptr<MatchWatch>& watch);
  // Waits until every change indexed so far has been offered to the watches.
  void DrainWatches();

  const TextAnalyzer& analyzer() const { return *analyzer_; }
  // The query MatchNeed (is_need) or MatchOffering asks for `listing`: read, weighted and
  // expanded with the current thesaurus and lexicon.
  MatchQuery QueryOf(const Listing& listing, bool is_need) const;
  size_t indexed_needs() const;
  size_t indexed_offerings() const;
  size_t posting_bytes() const;

 private:
  absl::StatusOr<std::vector<SearchHit>> Search(const InvertedIndex& index, absl::string_view query,
                                                size_t limit) const;
  // `text` is the subject's matching text (or the free-text query), `query` what it asks.
  absl::StatusOr<std::shared_ptr<MatchWatch>> StartWatch(WatchSpec spec, MatchQuery query,
                                                         const std::string& text);
  // The query of a watch's subject from its matching text, with the current snapshots.
  MatchQuery WatchQueryOf(const WatchSpec& spec, const std::string& text) const;
  // The hub's delivery: scores `change` for each watch (on the hub's worker thread).
  void Deliver(const RecordChange& change,
               const std::vector<std::shared_ptr<MatchWatch>>& watches) const;
  // The match `watch` gets for the changed counterpart `id`, if it qualifies.
  std::optional<MatchResult> ScoreForWatch(const MatchWatch& watch, const std::string& id) const
      ABSL_SHARED_LOCKS_REQUIRED(mutex_);

  // Puts the default thesaurus and lexicon in place, once, when the engine was made to use
  // them; everything that reads or replaces them calls it first.
  void LoadDefaults() const;

  std::shared_ptr<const TextAnalyzer> analyzer_;
  bool load_defaults_ = false;  // Set only by the constructor.
  mutable std::once_flag defaults_loaded_;
  mutable std::atomic<std::shared_ptr<const Thesaurus>> thesaurus_;
  mutable std::atomic<std::shared_ptr<const Lexicon>> lexicon_;
  mutable absl::Mutex mutex_;
  InvertedIndex needs_ ABSL_GUARDED_BY(mutex_);
  InvertedIndex offerings_ ABSL_GUARDED_BY(mutex_);
  // Last: its worker reads the indexes, so it must stop before they go.
  std::unique_ptr<MatchWatchHub> watches_;
};

}  // namespace techmatch

#endif  // TECHMATCH_CORE_MATCHING_MATCHING_ENGINE_H_
