// A listing turned into what the index is asked and what the reranker checks: the terms of
// each part of its text (query_understanding.h) merged, each weighted by the most telling
// part it occurs in; the ask's terms and their adjacent pairs; the terms only ruled-out
// clauses use; and, once expanded (query_expansion.h), the bridge terms with the links they
// come from.
#ifndef TECHMATCH_CORE_MATCHING_MATCH_QUERY_H_
#define TECHMATCH_CORE_MATCHING_MATCH_QUERY_H_

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "core/listings/listing.h"
#include "core/matching/match_result.h"
#include "core/matching/query_understanding.h"
#include "core/text/lexicon.h"
#include "core/text/text_analyzer.h"
#include "core/text/thesaurus.h"

namespace techmatch {

// What the reranker knows of one query term (parallel to MatchQuery::text.terms).
struct QueryTermInfo {
  // Its weight in the ask (title, keywords, ask and context sentences; the whole text when
  // no ask sentence was found); 0 when the ask does not use it.
  double ask_weight = 0;
  // Used only by clauses that say what was tried or excluded (the term's weight is 0).
  bool ruled_out = false;
  // Added by expansion (not written by the query's author).
  bool expansion = false;
};

// One link an expansion followed: the counterpart holds it when it has every `to_terms`
// term; then the query terms `from_terms` count as found, `strength` of a direct find.
struct QueryBridge {
  Bridge bridge;
  std::vector<uint32_t> from_terms;
  std::vector<uint32_t> to_terms;
  double strength = 1.0;
};

struct MatchQuery {
  AnalyzedText text;  // Terms with weights (AnalyzedTerm::weight): what the index scores.
  std::vector<QueryTermInfo> info;
  // The ask's words (TextAnalyzer::Words), each once: what coverage counts, so a concept
  // weighs as one whatever the number of its bigrams.
  struct Unit {
    std::vector<uint32_t> terms;  // Indexes in text.terms.
    double weight = 0;            // Its most telling part's weight.
  };
  std::vector<Unit> units;
  // Pairs of units written next to each other in the ask: the reranker's stand-in for
  // phrase proximity.
  std::vector<std::pair<uint32_t, uint32_t>> adjacent;
  std::vector<QueryBridge> bridges;
  std::vector<TextPart> parts;  // The text as read, for expansion.
  // The matching text it was built from (MatchText; set for live watches, which rebuild it).
  std::string source;
  // The snapshots it was expanded with (null: none).
  std::shared_ptr<const Thesaurus> thesaurus;
  std::shared_ptr<const Lexicon> lexicon;
  bool ask_found = false;
  bool is_need = true;
  std::vector<std::string> industry_codes;                // The querying listing's.
  absl::flat_hash_map<std::string, uint32_t> term_index;  // term → its index in text.terms

  // The index of `term` in text.terms, or -1.
  int32_t Find(const std::string& term) const;
  // Adds a term (or raises the weight of an existing one); returns its index.
  uint32_t AddTerm(AnalyzedTerm term, const QueryTermInfo& info);
};

// The query for a listing; `is_need` tells which side it is (needs are read for an ask and
// ruled-out clauses, offerings are not).
MatchQuery BuildMatchQuery(const TextAnalyzer& analyzer, const Listing& listing, bool is_need);

// The query for free text (search, query watches): every term at weight 1, all of it the
// ask.
MatchQuery BuildTextQuery(const TextAnalyzer& analyzer, absl::string_view text);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_MATCHING_MATCH_QUERY_H_
