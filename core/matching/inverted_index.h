// An in-memory inverted index over one side (needs or offerings) answering top-k queries
// with BM25 text relevance plus the non-text signals.
//
// Layout: each document (one per id, kept in `docs_` for good) gets a slot; a term's postings
// are (slot << 8 | min(tf, 255)) in slot order. A changed document gets a new slot at the end
// and its old slot goes dead, so postings are only ever appended (no in-place edits); queries
// skip dead slots. Beside the profiles, each slot keeps a small fixed-size record (interned
// owner, industry bit set, TRL, price, modes) so eligibility and the non-text signals of many
// candidates cost a few integer operations, not string comparisons.
//
// Compaction reclaims dead slots while serving. Once dead postings or dead slots pass
// CompactionOptions::dead_share of the whole, the next generation of slots and posting lists
// is built aside: live slots renumbered in their order (so every list stays sorted and is
// rewritten in one forward pass), dead postings dropped, lists sized to what they hold. Each
// Upsert carries a bounded step of that work (CompactionOptions::step_work) under the lock it
// already holds; when the new generation has caught up with the slots added meanwhile it is
// swapped in whole, so queries never see a half-built one, and the old one is released in
// further steps (freeing a list per term at once would stall too). Steps, rather than one
// pass or a thread: a whole pass over 1,000,000 offerings holds the writer lock for seconds,
// and a builder thread would need the index to be safe for reading while appending; a step
// holds it for a fraction of a millisecond. Until the swap, BM25's document frequencies still
// count dead postings (as Lucene's do until a merge): the compacted index answers exactly as a
// fresh index of the same records. Terms and interned owners and industries outlive their
// documents: a term left without postings is dropped after the swap, owners and the first 64
// industry codes stay interned.
//
// Query (MaxScore, a range of slots at a time):
//  1. The query's terms are ordered by the most each can add to one document: its weight times
//     the largest BM25 factor in its list (its largest term frequency over its shortest
//     document), so rare, telling terms come first.
//  2. Slots are scored in ranges of 4,096: the range's accumulators (16 KB) stay in the L1
//     cache and every posting list is read forward once, a segment per range, instead of
//     scattering additions over megabytes of accumulators.
//  3. A running top-k (exact final scores) gives θ, the k-th best so far: a lower bound of the
//     final k-th best that rises range by range. In each range the first terms are read in
//     full ("essential"); the rest only for candidates, once what they could add together,
//     plus the most the non-text signals can add, stays below θ (MaxScore; with a margin,
//     see kEssentialMargin in the .cc). Candidates are the documents the essential terms
//     reached that are eligible and can still reach θ with their own non-text bound; each
//     other list is intersected with them (galloping through the longer side) and after each
//     list the candidates that can no longer reach θ are dropped.
//  4. Survivors get their exact final score (every signal, from the full profiles) and enter
//     the top-k; ties break by id. The answer is the exhaustive one: TopKExhaustive computes
//     it with every posting read, and the tests compare the two; terms are added to each
//     document in plan order on both paths, so the float sums are bit for bit the same.
//
// Not synchronized: the MatchingEngine guards it with a reader/writer lock (Upsert and Compact
// under the writer's side).
#ifndef TECHMATCH_CORE_MATCHING_INVERTED_INDEX_H_
#define TECHMATCH_CORE_MATCHING_INVERTED_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "core/matching/match_profile.h"
#include "core/text/text_analyzer.h"

namespace techmatch {

// How many of a query's terms take part: those with the highest query weight (tf × idf × the
// term's weight); terms no document has, or of weight 0, take no part and no place. The first
// stage only picks candidates: the reranker reads every term of the ask and the bridges, so
// raising this changed no ranking on the labelled sets (it costs the longest lists).
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

// What one TopK call did (for benchmarks; counts add up over calls).
struct TopKStats {
  size_t terms = 0;       // Query terms scored.
  size_t postings = 0;    // Postings in their lists.
  size_t scanned = 0;     // Postings read in full (essential segments).
  size_t seen = 0;        // Documents past the accumulator cut.
  size_t candidates = 0;  // Of those, eligible and able to reach θ.
  size_t probes = 0;      // Steps of list/candidate intersections.
  size_t rescored = 0;    // Documents given an exact final score.
  // Thread CPU nanoseconds in: set-up, essential lists, candidate selection, the other
  // lists, final scores, the end (sort, fill).
  int64_t phase_ns[6] = {};
  void Add(const TopKStats& o) {
    terms += o.terms;
    postings += o.postings;
    scanned += o.scanned;
    seen += o.seen;
    candidates += o.candidates;
    probes += o.probes;
    rescored += o.rescored;
    for (int i = 0; i < 6; ++i) phase_ns[i] += o.phase_ns[i];
  }
};

// When compaction starts and how much of it each Upsert carries (see the top of this file).
struct CompactionOptions {
  // A compaction starts once dead postings or dead slots are more than this share of all
  // (and there are at least kMinDeadSlots dead slots). Lists and per-slot arrays keep room for
  // an eighth more (a cycle's growth at 0.1), so an edited index stays near a fresh one's
  // size: its dead entries mostly fill room that a fresh index holds empty.
  double dead_share = 0.1;
  // Work units per Upsert while a compaction runs (plus twice what the Upsert's own document
  // adds to it): a posting read costs 1, a slot 64, a list 16.
  size_t step_work = size_t{1} << 15;
};

// Bytes the index holds, by kind (vector capacities, heap strings and hash tables; malloc's
// own overhead not counted).
struct IndexMemory {
  size_t postings = 0;    // The posting lists.
  size_t slots = 0;       // Per-slot records, the term table, the industry lists.
  size_t profiles = 0;    // The documents' profiles and the id map.
  size_t dictionary = 0;  // Term, owner and industry interning.
  size_t compaction = 0;  // A compaction in progress: the generation being built, its maps.
  size_t total() const { return postings + slots + profiles + dictionary + compaction; }
};

// What the slots hold (tests and benchmarks).
struct IndexCounts {
  size_t slots = 0;  // Live and dead.
  size_t dead_slots = 0;
  size_t postings = 0;  // Live and dead.
  size_t dead_postings = 0;
  size_t compactions = 0;  // Finished since construction.
  bool compacting = false;
};

class InvertedIndex {
 public:
  // A compaction needs at least this many dead slots, so a small index does not rebuild for
  // every few edits.
  static constexpr size_t kMinDeadSlots = 64;

  InvertedIndex();
  explicit InvertedIndex(CompactionOptions options);
  ~InvertedIndex();
  InvertedIndex(const InvertedIndex&) = delete;
  InvertedIndex& operator=(const InvertedIndex&) = delete;

  // Adds the document, replacing an earlier revision of the same id; an older revision than
  // the one indexed is ignored (concurrent writers may report out of order). Carries a step of
  // a compaction in progress, or starts one.
  absl::Status Upsert(MatchProfile profile, const AnalyzedText& text);

  // The indexed profile of `id`, or null.
  const MatchProfile* Find(const std::string& id) const;

  // The best `k` eligible documents, best first; ties broken by id.
  std::vector<ScoredDocument> TopK(const AnalyzedText& query, const Eligibility& eligibility,
                                   size_t k, TopKStats* stats = nullptr) const;
  // The same answer with every posting of every query term read (no pruning): the reference
  // TopK is tested against, and a baseline for benchmarks.
  std::vector<ScoredDocument> TopKExhaustive(const AnalyzedText& query,
                                             const Eligibility& eligibility, size_t k) const;
  // What TopK scores the document `id` for `query`, to the bit (terms are added in the same
  // order), or nullopt when it is not indexed, not eligible, shares no text with the query, or
  // cannot reach `min_score` even with full text relevance. One binary search per query term:
  // cheap enough for every stored change (match watches).
  std::optional<ScoredDocument> Score(const AnalyzedText& query, const Eligibility& eligibility,
                                      const std::string& id, double min_score = 0) const;

  // For reranking and expansion (see reranker.h): BM25's idf of `term` as TopK weighs it, 0
  // when no document has it.
  double Idf(const std::string& term) const;
  // The terms' ids (looked up once per query), -1 for a term no document has.
  std::vector<int32_t> TermIds(const AnalyzedText& terms) const;
  // How often each of `term_ids` occurs in document `id` (0 for -1 or absent); false when
  // `id` is not indexed. One binary search per term.
  bool TermCounts(const std::string& id, const std::vector<int32_t>& term_ids,
                  std::vector<uint32_t>& counts) const;
  // The same for many documents at once (counts[d] for docs[d]; all zero for one not
  // indexed): each list is walked forward once through the documents in slot order, which at
  // a million documents costs far fewer cache misses than a binary search per document.
  void TermCounts(const std::vector<const MatchProfile*>& docs,
                  const std::vector<int32_t>& term_ids,
                  std::vector<std::vector<uint32_t>>& counts) const;

  size_t live_documents() const { return slots_.live_count; }
  // Bytes held by postings (for memory reports).
  size_t posting_bytes() const;
  IndexMemory memory() const;
  IndexCounts counts() const;
  // Compacts now, whole (after finishing one in progress): nothing dead is left, and every list
  // and per-slot array has room for an eighth more and no more. Call after a bulk load; it
  // holds the caller's writer lock for the whole pass (bench/README.md, "Index compaction",
  // has its time).
  void Compact();

 private:
  // The facts eligibility and the non-text signals read, per slot (see match_signals.h).
  // 16 bytes, so that checking thousands of candidates stays within cache.
  struct DocFacts {
    uint64_t industries = 0;  // Bit per interned industry code (the first 64 codes).
    uint32_t owner = 0;       // Interned owner id.
    int8_t trl = 0;
    uint8_t primary = kNoCode;  // Interned id of the first industry code.
    uint8_t modes = 0;
    uint8_t flags = 0;  // kLive | kActive | kHasAmount | kHasEvents | kOverflow
  };
  static constexpr uint8_t kNoCode = 255;
  static constexpr uint8_t kLive = 1, kActive = 2, kHasAmount = 4, kHasEvents = 8,
                           kOverflow = 16;  // Facts not exact (an industry code beyond the
                                            // 64 with a bit, a TRL out of range): compare
                                            // the profiles instead.
  struct Term {
    std::vector<uint32_t> postings;
    uint32_t max_tf = 0;        // Largest term frequency in the list (dead postings too).
    uint32_t min_length = ~0u;  // Shortest document in the list (dead ones too).
  };
  // One generation of slots and posting lists: what queries read. A compaction builds the next
  // one aside.
  struct Slots {
    std::vector<DocFacts> facts;
    std::vector<int64_t> amounts;  // Asking price or budget (kHasAmount).
    // Terms per slot (BM25's document length), apart so the scoring loop touches four bytes
    // per posting instead of a whole record.
    std::vector<uint32_t> lengths;
    std::vector<uint32_t> docs;         // The document (index into docs_) a slot holds.
    std::vector<uint32_t> term_counts;  // Postings of the slot, for the dead share.
    std::vector<uint32_t> slot_of_doc;  // Each document's live slot.
    std::deque<Term> terms;             // By term id (growing never moves the lists).
    // Slots per primary-or-secondary industry code (dead ones too), for the zero-text fill.
    absl::flat_hash_map<std::string, std::vector<uint32_t>> industry_slots;
    uint64_t live_length = 0;
    size_t live_count = 0;
    size_t postings = 0;
    size_t dead_postings = 0;
  };
  struct Compaction;
  struct PlannedTerm;
  struct Query;

  const MatchProfile& ProfileAt(uint32_t slot) const { return docs_[slots_.docs[slot]]; }
  // Looks up the interned owner and industry codes (Upsert interns a document's first).
  DocFacts FactsOf(const MatchProfile& profile) const;
  uint32_t TermId(const std::string& term);
  static void Kill(Slots& slots, uint32_t slot);

  bool CompactionDue() const;
  void StartCompaction();
  // Does up to `budget` units of the compaction in progress; true when it is over (the new
  // generation swapped in, the old one released).
  bool StepCompaction(size_t budget);
  bool BuildStep(size_t budget);
  void StartRound();
  void MapSlot(uint32_t old_slot);
  // Copies the term's postings of the round's slots; false when the budget ran out first.
  bool CopyPostings(uint32_t term, size_t& budget);
  void SwapGenerations();
  bool RetireStep(size_t budget);
  static size_t SlotsBytes(const Slots& slots, bool postings);

  Query Prepare(const AnalyzedText& query, const Eligibility& eligibility) const;
  // Prepare in two parts: what eligibility and the non-text signals need, then the text plan.
  Query PrepareEligibility(const Eligibility& eligibility) const;
  void PlanText(const AnalyzedText& query, Query& q) const;
  std::vector<ScoredDocument> Run(const Query& q, size_t k, bool prune, TopKStats* stats) const;
  bool Eligible(const Query& q, uint32_t slot) const;
  // The non-text score of an eligible slot from its facts: exact except the event signal,
  // which counts whenever both sides have events (an upper bound). NonText is exact.
  double NonTextBound(const Query& q, uint32_t slot) const;
  double NonText(const Query& q, uint32_t slot) const;
  void FillWithoutText(const Query& q, size_t k, std::vector<ScoredDocument>& results) const;

  CompactionOptions options_;
  // The current revision of every document ever indexed (a deque: addresses stay put and
  // growing never moves the profiles).
  std::deque<MatchProfile> docs_;
  absl::flat_hash_map<std::string, uint32_t> doc_of_id_;
  Slots slots_;
  // Term ids outlive generations; an id whose list emptied is freed at a swap and reused.
  absl::flat_hash_map<std::string, uint32_t> term_ids_;
  std::deque<std::string> term_text_;  // By term id ("" when free).
  std::vector<uint32_t> free_term_ids_;
  absl::flat_hash_map<std::string, uint32_t> owner_ids_;
  absl::flat_hash_map<std::string, uint8_t> industry_ids_;  // Only the first 64 codes.
  std::unique_ptr<Compaction> compaction_;                  // Null unless one is in progress.
  size_t compactions_ = 0;
};

}  // namespace techmatch

#endif  // TECHMATCH_CORE_MATCHING_INVERTED_INDEX_H_
