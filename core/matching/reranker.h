// The second stage of MatchNeed / MatchOffering: the first stage (InvertedIndex::TopK, BM25
// over the weighted and expanded query plus the non-text signals) picks the best
// kRerankDepth candidates; each then gets its final score from features of the pair read
// from the index (each query term's frequency in the candidate), deterministic, and each
// shown in the explanation as a signal:
//
//   score = 0·text + 0.75·coverage + 0.05·proximity − 0.10·ruled_out
//           + 0.08·industry + 0.05·maturity + 0.03·price + 0.03·cooperation_mode + 0.01·event
//
//   text       the first stage's BM25 relevance, 0..1 (bridge terms included, weighted below
//              the query's own terms). Shown, not counted: it counts a shared five-character
//              Chinese word four times (once per bigram) and cannot weigh a bridged match
//              against a direct one, so it favours offerings repeating the need's other words
//              over the one answering it (realistic set, when chosen: precision@1 0.59 with
//              0.05 of the score, 0.65 with none);
//   coverage   the share of the ask's weight the counterpart has, counted by word (ICU words
//              of the title, keywords and ask sentences, each by its part's weight × the idf
//              of its rarest term, found as the share of its bigrams found), so a concept
//              weighs as one whether written in two characters or five; a word reached only
//              through a bridge (thesaurus, lexicon) the counterpart holds counts as much as
//              the link is trusted;
//   proximity  the share of the ask's adjacent word pairs the counterpart has both of, by
//              the rarer word's idf: the stand-in for phrase matches (the index keeps no
//              positions);
//   ruled_out  the share of the weight of terms only ruled-out clauses use (已尝试…无效, "ruled
//              out") that the counterpart has: a counterpart about what the need already
//              excluded is a worse answer. Its contribution never exceeds the text features',
//              so the score stays 0..1;
//   the rest   as in match_signals.h.
//
// The text-derived signals keep the first stage's 0.80, so the non-text signals still only
// order counterparts whose texts fit about equally. Ties break by id; counterparts sharing no
// text come after every one that does. A live watch scores a changed record with the same
// Score, so its scores agree with MatchNeed's to the bit.
#ifndef TECHMATCH_CORE_MATCHING_RERANKER_H_
#define TECHMATCH_CORE_MATCHING_RERANKER_H_

#include <cstddef>
#include <string>
#include <vector>

#include "core/matching/inverted_index.h"
#include "core/matching/match_profile.h"
#include "core/matching/match_query.h"
#include "core/matching/match_result.h"
#include "core/matching/match_signals.h"

namespace techmatch {

// 30, not more: on the project's sets the right answer is always within the first 30 (depth 30
// and 50 score alike, 20 loses nDCG), while a deeper first stage prunes less: at 300,000
// offerings MatchNeed's p50 CPU time is 3.9 ms at depth 30 against 5.1 ms at 50.
inline constexpr size_t kRerankDepth = 30;
// The share of a bridge's wording (its bigrams and words) a counterpart must have to hold it.
inline constexpr double kBridgeHoldShare = 0.6;
inline constexpr double kRerankTextWeight = 0.0;
inline constexpr double kCoverageWeight = 0.75;
inline constexpr double kProximityWeight = 0.05;
inline constexpr double kRuledOutWeight = -0.10;
// The text-derived signals take the first stage's text share, so bounds computed with it (the
// index's pruning, InvertedIndex::Score's min_score check) hold for final scores too.
static_assert(kRerankTextWeight + kCoverageWeight + kProximityWeight <= kTextWeight + 1e-12);

// A query prepared against one index for scoring candidates.
class Reranker {
 public:
  Reranker(const MatchQuery& query, const InvertedIndex& index);

  // The final match for a first-stage hit; `subject` is the querying record's profile and
  // `subject_is_need` its side.
  MatchResult Score(const ScoredDocument& hit, const MatchProfile& subject,
                    bool subject_is_need) const;

  // Scores every hit and returns the best `limit`, best first (see the file comment).
  std::vector<MatchResult> Rank(const std::vector<ScoredDocument>& hits,
                                const MatchProfile& subject, bool subject_is_need,
                                size_t limit) const;

 private:
  // Score with the counts of the looked-up terms in the counterpart already known.
  MatchResult ScoreWithCounts(const ScoredDocument& hit, const MatchProfile& subject,
                              bool subject_is_need, const std::vector<uint32_t>& counts) const;

  const MatchQuery& query_;
  const InvertedIndex& index_;
  std::vector<int32_t> term_ids_;
  std::vector<int32_t> looked_up_;  // term_ids_ with -1 for terms no feature reads.
  std::vector<double> idf_;         // Per query term; a term no document has gets the largest idf.
  std::vector<double> unit_idf_;    // Per unit: its rarest term's.
  // Bigrams only the Taiwan-phrase reading of the query has, in text order.
  std::vector<uint32_t> taiwan_terms_;
  double ask_total_ = 0;
  double pair_total_ = 0;
  double ruled_out_total_ = 0;
};

}  // namespace techmatch

#endif  // TECHMATCH_CORE_MATCHING_RERANKER_H_
