// The matching engine: two inverted indexes (needs, offerings) kept current by the server
// after every stored change and rebuilt from storage at start; SQLite stays the source of
// truth. Thread-safe: queries share a reader lock, index updates take the writer lock only
// for the append (text analysis happens outside it).
#ifndef TECHMATCH_CORE_MATCHING_MATCHING_ENGINE_H_
#define TECHMATCH_CORE_MATCHING_MATCHING_ENGINE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "core/matching/inverted_index.h"
#include "core/matching/match_signals.h"
#include "core/need.h"
#include "core/offering.h"
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

// One ranked pair, with everything an explanation needs except the shared phrases (which
// need both texts; see TextAnalyzer::SharedPhrases).
struct MatchResult {
  std::string need_id;
  std::string offering_id;
  double score = 0;
  std::vector<Signal> signals;                  // Text first; contributions add up to score.
  std::vector<std::string> shared_industries;   // Codes, the need's primary first.
};

// A free-text search hit.
struct SearchHit {
  std::string id;
  double relevance = 0;
};

class MatchingEngine {
 public:
  explicit MatchingEngine(std::shared_ptr<const TextAnalyzer> analyzer)
      : analyzer_(std::move(analyzer)) {}

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

  // Records of any state whose text fits `query`, most relevant first, at most `limit`.
  // INVALID_ARGUMENT (field "query") for an empty or over-long query; a query of only stop
  // words or punctuation finds nothing.
  absl::StatusOr<std::vector<SearchHit>> SearchNeeds(absl::string_view query, size_t limit) const;
  absl::StatusOr<std::vector<SearchHit>> SearchOfferings(absl::string_view query,
                                                         size_t limit) const;

  const TextAnalyzer& analyzer() const { return *analyzer_; }
  size_t indexed_needs() const;
  size_t indexed_offerings() const;
  size_t posting_bytes() const;

 private:
  absl::StatusOr<std::vector<SearchHit>> Search(const InvertedIndex& index,
                                                absl::string_view query, size_t limit) const;

  std::shared_ptr<const TextAnalyzer> analyzer_;
  mutable absl::Mutex mutex_;
  InvertedIndex needs_ ABSL_GUARDED_BY(mutex_);
  InvertedIndex offerings_ ABSL_GUARDED_BY(mutex_);
};

}  // namespace techmatch

#endif  // TECHMATCH_CORE_MATCHING_MATCHING_ENGINE_H_
