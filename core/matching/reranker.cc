#include "core/matching/reranker.h"

#include <algorithm>
#include <cmath>

#include "core/matching/match_signals.h"

namespace techmatch {

Reranker::Reranker(const MatchQuery& query, const InvertedIndex& index)
    : query_(query), index_(index), term_ids_(index.TermIds(query.text)) {
  const double n = static_cast<double>(index.live_documents());
  const double max_idf = std::log(1.0 + (n + 0.5) / 0.5);
  idf_.resize(query.text.terms.size());
  for (size_t i = 0; i < idf_.size(); ++i) {
    idf_[i] = term_ids_[i] < 0 ? max_idf : index.Idf(query.text.terms[i].term);
    const QueryTermInfo& info = query.info[i];
    if (!info.expansion) ask_total_ += info.ask_weight * idf_[i];
    if (info.ruled_out && term_ids_[i] >= 0) ruled_out_total_ += idf_[i];
  }
  for (const auto& [a, b] : query.adjacent) pair_total_ += std::min(idf_[a], idf_[b]);
}

MatchResult Reranker::Score(const ScoredDocument& hit, const MatchProfile& subject,
                            bool subject_is_need) const {
  const MatchProfile& need = subject_is_need ? subject : *hit.profile;
  const MatchProfile& offering = subject_is_need ? *hit.profile : subject;
  std::vector<uint32_t> counts;
  index_.TermCounts(hit.profile->id, term_ids_, counts);

  MatchResult result;
  result.need_id = need.id;
  result.offering_id = offering.id;
  // What each query term is worth as found: 1 when the counterpart has it, a bridge's
  // strength when only a bridge from it holds.
  std::vector<double> found(counts.size(), 0.0);
  for (size_t i = 0; i < counts.size(); ++i) found[i] = counts[i] > 0 ? 1.0 : 0.0;
  for (const QueryBridge& bridge : query_.bridges) {
    bool holds = !bridge.to_terms.empty();
    for (uint32_t t : bridge.to_terms) holds = holds && counts[t] > 0;
    if (!holds) continue;
    for (uint32_t f : bridge.from_terms) found[f] = std::max(found[f], bridge.strength);
    if (std::find(result.bridges.begin(), result.bridges.end(), bridge.bridge) ==
        result.bridges.end()) {
      result.bridges.push_back(bridge.bridge);
    }
  }

  double coverage = 0, proximity = 0, ruled_out = 0;
  if (ask_total_ > 0) {
    for (size_t i = 0; i < found.size(); ++i) {
      if (!query_.info[i].expansion) coverage += query_.info[i].ask_weight * idf_[i] * found[i];
    }
    coverage /= ask_total_;
  }
  if (pair_total_ > 0) {
    for (const auto& [a, b] : query_.adjacent) {
      if (counts[a] > 0 && counts[b] > 0) proximity += std::min(idf_[a], idf_[b]);
    }
    proximity /= pair_total_;
  }
  if (ruled_out_total_ > 0) {
    for (size_t i = 0; i < counts.size(); ++i) {
      if (query_.info[i].ruled_out && counts[i] > 0) ruled_out += idf_[i];
    }
    ruled_out /= ruled_out_total_;
  }
  const double text_part =
      kRerankTextWeight * hit.text + kCoverageWeight * coverage + kProximityWeight * proximity;
  // The penalty takes at most what the text features gave, so the score stays ≥ 0.
  const double penalty = std::min(-kRuledOutWeight * ruled_out, text_part);
  result.signals = {
      {"text", hit.text, kRerankTextWeight},
      {"coverage", coverage, kCoverageWeight},
      {"proximity", proximity, kProximityWeight},
      {"ruled_out", penalty / -kRuledOutWeight, kRuledOutWeight},
      {"industry", IndustrySignal(need, offering), kIndustryWeight},
      {"maturity", MaturitySignal(need, offering), kMaturityWeight},
      {"price", PriceSignal(need, offering), kPriceWeight},
      {"cooperation_mode", CooperationModeSignal(need, offering), kCooperationModeWeight},
      {"event", EventSignal(need, offering), kEventWeight},
  };
  result.score = 0;
  for (const Signal& signal : result.signals) result.score += signal.contribution();
  result.shared_industries = SharedIndustries(need, offering);
  return result;
}

std::vector<MatchResult> Reranker::Rank(const std::vector<ScoredDocument>& hits,
                                        const MatchProfile& subject, bool subject_is_need,
                                        size_t limit) const {
  struct Ranked {
    MatchResult result;
    bool has_text;
    const std::string* id;
  };
  std::vector<Ranked> ranked;
  ranked.reserve(hits.size());
  for (const ScoredDocument& hit : hits) {
    ranked.push_back({Score(hit, subject, subject_is_need), hit.text > 0, &hit.profile->id});
  }
  std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    if (a.has_text != b.has_text) return a.has_text;
    if (a.result.score != b.result.score) return a.result.score > b.result.score;
    return *a.id < *b.id;
  });
  std::vector<MatchResult> results;
  for (size_t i = 0; i < ranked.size() && i < limit; ++i) {
    results.push_back(std::move(ranked[i].result));
  }
  return results;
}

}  // namespace techmatch
