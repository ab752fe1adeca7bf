// Matches to their proto form, explanations included (MatchNeed, MatchOffering, MatchEvent,
// WatchMatches).
#ifndef TECHMATCH_SERVER_MATCH_CONVERSION_H_
#define TECHMATCH_SERVER_MATCH_CONVERSION_H_

#include <string>
#include <vector>

#include "core/listings/listing.h"
#include "core/matching/match_result.h"
#include "core/text/text_analyzer.h"
#include "techmatch/v1/match.pb.h"

namespace techmatch::server {

// Fills `out` from `result`; `own` is the matching text of the record the match was asked
// for, prepared once for all its matches (TextAnalyzer::PrepareForPhrases), `counterpart` the
// other record's listing. Ids left empty in `result` (a free-text watch has no record on its
// own side) stay empty.
void MatchToProto(const MatchResult& result, const TextAnalyzer& analyzer, const PhraseText& own,
                  const Listing& counterpart, v1::Match& out);
// The same with the shared phrases already found (match watches compute them as they score).
void MatchToProto(const MatchResult& result, const std::vector<SharedPhrase>& shared_phrases,
                  const std::string& counterpart_title, v1::Match& out);

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_MATCH_CONVERSION_H_
