// Query expansion: the words a counterpart may use for what the query says. Every part of
// the query with a weight (query_understanding.h) is looked up in
//   - the thesaurus: each member found brings the other members of its entry (both ways for
//     the equivalence kinds; for `problem` entries only from a need's symptom to the
//     offering's techniques, or from an offering's technique to a need's symptom);
//   - the lexicon: English phrases bring their Chinese words and Chinese words their English
//     terms.
// The terms a link brings are weighted below the query's own: a link's weight (below) times
// the part's weight, shared among the terms it brings, so a counterpart that says the whole
// linked phrase gains about what one term of the query would give. A term the query already
// has keeps its own weight. Every link is kept as a QueryBridge, so the reranker can count
// the query's term as found when the counterpart holds the bridge, and the explanation can
// show it ("SNCR ≈ 选择性非催化还原 (thesaurus)").
//
// Scope: a thesaurus entry of an industry the query's listing is not filed under counts half
// (kOutOfScopeFactor), an abbreviation of another industry not at all (SOC, ADC, PO mean
// different things in different industries), and where a phrase has an entry in the
// listing's industry, entries of other industries are not used for it.
#ifndef TECHMATCH_CORE_MATCHING_QUERY_EXPANSION_H_
#define TECHMATCH_CORE_MATCHING_QUERY_EXPANSION_H_

#include <cstddef>

#include "core/matching/match_query.h"
#include "core/text/lexicon.h"
#include "core/text/text_analyzer.h"
#include "core/text/thesaurus.h"

namespace techmatch {

inline constexpr double kEquivalentLinkWeight = 1.0;  // synonym, abbreviation, formula...
inline constexpr double kProblemLinkWeight = 0.7;     // symptom → technique
inline constexpr double kLexiconLinkWeight = 0.9;     // a dictionary translation
inline constexpr double kOutOfScopeFactor = 0.5;
// Translations looked at per word (the lexicon lists the most specific first); the link's
// weight is shared among them by the square root of their number.
inline constexpr size_t kLexiconTranslations = 4;

// Adds `query`'s bridge terms and bridges. Either source may be null.
void ExpandQuery(const TextAnalyzer& analyzer, const Thesaurus* thesaurus, const Lexicon* lexicon,
                 MatchQuery& query);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_MATCHING_QUERY_EXPANSION_H_
