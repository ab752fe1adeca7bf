// An in-memory inverted index over one side (needs or offerings) answering top-k queries
// with BM25 text relevance plus the non-text signals (DESIGN §5, §6).
//
// Layout: each document gets a slot; a term's postings are (slot << 8 | min(tf, 255)) in slot
// order. A changed document gets a new slot and its old slot goes dead, so postings are only
// ever appended (no in-place edits); dead slots are skipped and vanish at the next rebuild.
//
// Query: term-at-a-time accumulation in decreasing order of each term's largest possible
// contribution, with MaxScore-style pruning: once the k-th best score found so far exceeds
// what any unseen document could still reach, the remaining (frequent, low-weight) terms only
// update documents already in the running, by binary search instead of a full list scan.
//
// Not synchronized: the MatchingEngine guards it with a reader/writer lock.
#ifndef TECHMATCH_CORE_MATCHING_INVERTED_INDEX_H_
#define TECHMATCH_CORE_MATCHING_INVERTED_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "core/matching/match_profile.h"
#include "core/text/text_analyzer.h"

namespace techmatch {

// How many of a query's terms take part: those with the highest query weight (tf × idf).
inline constexpr size_t kMaxQueryTerms = 40;

// Which documents may be returned for a query.
struct Eligibility {
  // The querying record's profile; when null, every document with shared text qualifies and
  // only text is scored (free-text search).
  const MatchProfile* query = nullptr;
  // True when `query` is a need (the documents are offerings), false for the reverse.
  bool query_is_need = true;
  // Only documents registered for this event (empty: any).
  std::string event_id;
  // Skip the shared-industry requirement.
  bool all_industries = false;
};

struct ScoredDocument {
  const MatchProfile* profile;
  double text = 0;   // Text relevance 0..1 (before weighting).
  double score = 0;  // Final score 0..1 (text only for free-text search).
};

class InvertedIndex {
 public:
  // Adds the document, replacing an earlier revision of the same id; an older revision than
  // the one indexed is ignored (concurrent writers may report out of order).
  absl::Status Upsert(MatchProfile profile, const AnalyzedText& text);

  // The indexed profile of `id`, or null.
  const MatchProfile* Find(const std::string& id) const;

  // The best `k` eligible documents, best first; ties broken by id.
  std::vector<ScoredDocument> TopK(const AnalyzedText& query, const Eligibility& eligibility,
                                   size_t k) const;

  size_t live_documents() const { return live_count_; }
  // Bytes held by postings (for memory reports).
  size_t posting_bytes() const;
  // Returns spare capacity to the allocator; call after a bulk load.
  void Compact();

 private:
  struct Slot {
    MatchProfile profile;
    bool live = false;  // False once a newer revision took another slot.
  };
  struct PlannedTerm;

  bool Eligible(const Slot& slot, const Eligibility& eligibility) const;
  double NonText(const Slot& slot, const Eligibility& eligibility) const;
  std::vector<PlannedTerm> Plan(const AnalyzedText& query, double text_weight) const;
  // The k-th best final score among the documents with the most accumulated text: a lower
  // bound for the final k-th best. -1 when fewer than k of them are eligible.
  double EstimateThreshold(const std::vector<uint32_t>& pool, const std::vector<float>& acc,
                           double text_weight, const Eligibility& eligibility, size_t k) const;
  void FillWithoutText(const std::vector<float>& acc, const Eligibility& eligibility, size_t k,
                       std::vector<ScoredDocument>& results) const;

  std::vector<Slot> slots_;
  // Terms per slot (BM25's document length), apart from slots_ so the scoring loop touches
  // four bytes per posting instead of a whole profile.
  std::vector<uint32_t> lengths_;
  absl::flat_hash_map<std::string, uint32_t> slot_of_id_;
  absl::flat_hash_map<std::string, uint32_t> term_ids_;
  std::vector<std::vector<uint32_t>> postings_;
  // Live slots per primary-or-secondary industry code, for the zero-text fill.
  absl::flat_hash_map<std::string, std::vector<uint32_t>> industry_slots_;
  uint64_t live_length_ = 0;
  size_t live_count_ = 0;
};

}  // namespace techmatch

#endif  // TECHMATCH_CORE_MATCHING_INVERTED_INDEX_H_
