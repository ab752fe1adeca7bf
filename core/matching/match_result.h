// One ranked need–offering pair, as the matching engine returns it (MatchNeed, MatchOffering,
// match watches).
#ifndef TECHMATCH_CORE_MATCHING_MATCH_RESULT_H_
#define TECHMATCH_CORE_MATCHING_MATCH_RESULT_H_

#include <string>
#include <vector>

#include "core/matching/match_signals.h"

namespace techmatch {

// Everything an explanation needs except the shared phrases (which need both texts; see
// TextAnalyzer::SharedPhrases). A free-text watch leaves the side it has no record for empty.
struct MatchResult {
  std::string need_id;
  std::string offering_id;
  double score = 0;
  std::vector<Signal> signals;                  // Text first; contributions add up to score.
  std::vector<std::string> shared_industries;   // Codes, the need's primary first.
};

}  // namespace techmatch

#endif  // TECHMATCH_CORE_MATCHING_MATCH_RESULT_H_
