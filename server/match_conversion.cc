#include "server/match_conversion.h"

#include "core/common/resource_id.h"
#include "core/matching/match_profile.h"

namespace techmatch::server {
void MatchToProto(const MatchResult& result, const TextAnalyzer& analyzer, const PhraseText& own,
                  const Listing& counterpart, v1::Match& out) {
  const std::shared_ptr<const PhraseText> other =
      analyzer.PrepareCounterpartForPhrases(MatchText(counterpart));
  MatchToProto(result, analyzer.SharedPhrases(own, *other, kMaxExplainedPhrases), counterpart.title,
               out);
}

void MatchToProto(const MatchResult& result, const std::vector<SharedPhrase>& shared_phrases,
                  const std::string& counterpart_title, v1::Match& out) {
  if (!result.need_id.empty()) out.set_need(ResourceName(kNeeds, result.need_id));
  if (!result.offering_id.empty()) out.set_offering(ResourceName(kOfferings, result.offering_id));
  out.set_score(result.score);
  out.set_counterpart_title(counterpart_title);
  v1::MatchExplanation& explanation = *out.mutable_explanation();
  for (const SharedPhrase& phrase : shared_phrases) {
    v1::SharedTerm* term = explanation.add_shared_terms();
    term->set_text(phrase.text);
    term->set_counterpart_text(phrase.counterpart_text);
  }
  for (const std::string& code : result.shared_industries) {
    explanation.add_shared_industries(ResourceName(kIndustries, code));
  }
  for (const Signal& signal : result.signals) {
    v1::SignalContribution* contribution = explanation.add_signals();
    contribution->set_signal(signal.name);
    contribution->set_value(signal.value);
    contribution->set_weight(signal.weight);
    contribution->set_contribution(signal.contribution());
  }
}

}  // namespace techmatch::server
