#include "core/matching/match_explanation.h"

#include "core/matching/match_profile.h"

namespace techmatch {

MatchExplainer::MatchExplainer(const TextAnalyzer& analyzer, const Listing& subject)
    : analyzer_(analyzer), subject_(analyzer.PrepareForPhrases(MatchText(subject))) {}

void MatchExplainer::Explain(const Listing& counterpart, MatchResult& result) const {
  const std::shared_ptr<const PhraseText> other =
      analyzer_.PrepareCounterpartForPhrases(MatchText(counterpart));
  result.shared_phrases = analyzer_.SharedPhrases(*subject_, *other, kMaxExplainedPhrases);
  result.counterpart_title = counterpart.title;
}

}  // namespace techmatch
