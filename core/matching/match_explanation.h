// Why a need and an offering match, beyond the scores MatchResult carries: the phrases their
// texts share and the counterpart's title. Ranked lists explain only the matches they show, so
// the texts are read for those few; match watches explain as they score.
#ifndef TECHMATCH_CORE_MATCHING_MATCH_EXPLANATION_H_
#define TECHMATCH_CORE_MATCHING_MATCH_EXPLANATION_H_

#include <memory>

#include "core/listings/listing.h"
#include "core/matching/match_result.h"
#include "core/text/text_analyzer.h"

namespace techmatch {

// Explains the matches of one subject (the need or offering they were asked for). Its text is
// prepared once for all its matches.
class MatchExplainer {
 public:
  MatchExplainer(const TextAnalyzer& analyzer, const Listing& subject);

  // Sets `result`'s shared phrases (at most kMaxExplainedPhrases) and counterpart title from
  // the counterpart's listing.
  void Explain(const Listing& counterpart, MatchResult& result) const;

 private:
  const TextAnalyzer& analyzer_;
  std::shared_ptr<const PhraseText> subject_;
};

}  // namespace techmatch

#endif  // TECHMATCH_CORE_MATCHING_MATCH_EXPLANATION_H_
