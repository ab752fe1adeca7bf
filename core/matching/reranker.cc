#include "core/matching/reranker.h"

#include <algorithm>
#include <cmath>

#include "core/matching/match_signals.h"

namespace techmatch {
namespace {

// The first UTF-8 character of `text`.
std::string FirstChar(const std::string& text) {
  size_t size = 1;
  while (size < text.size() && (static_cast<unsigned char>(text[size]) & 0xC0) == 0x80) ++size;
  return text.substr(0, std::min(size, text.size()));
}

bool EndsWithChar(const std::string& text, const std::string& character) {
  return !character.empty() && text.size() >= character.size() &&
         text.compare(text.size() - character.size(), character.size(), character) == 0;
}

}  // namespace

Reranker::Reranker(const MatchQuery& query, const InvertedIndex& index)
    : query_(query), index_(index), term_ids_(index.TermIds(query.text)) {
  // Only the terms a feature reads are looked up per candidate: the ask's words, the bridges'
  // wording and the ruled-out terms (not the background's).
  std::vector<bool> read(query.text.terms.size(), false);
  for (const MatchQuery::Unit& unit : query.units) {
    for (uint32_t t : unit.terms) read[t] = true;
  }
  for (const QueryBridge& bridge : query.bridges) {
    for (uint32_t t : bridge.to_terms) read[t] = true;
  }
  for (size_t i = 0; i < read.size(); ++i) read[i] = read[i] || query.info[i].ruled_out;
  looked_up_ = term_ids_;
  for (size_t i = 0; i < read.size(); ++i) {
    if (!read[i]) looked_up_[i] = -1;
  }
  const double n = static_cast<double>(index.live_documents());
  const double max_idf = std::log(1.0 + (n + 0.5) / 0.5);
  idf_.resize(query.text.terms.size());
  for (size_t i = 0; i < idf_.size(); ++i) {
    idf_[i] = term_ids_[i] < 0 ? max_idf : index.Idf(query.text.terms[i].term);
    if (query.info[i].ruled_out && term_ids_[i] >= 0) ruled_out_total_ += idf_[i];
  }
  unit_idf_.resize(query.units.size());
  for (size_t u = 0; u < query.units.size(); ++u) {
    for (uint32_t t : query.units[u].terms) unit_idf_[u] = std::max(unit_idf_[u], idf_[t]);
    ask_total_ += query.units[u].weight * unit_idf_[u];
  }
  for (const auto& [a, b] : query.adjacent) pair_total_ += std::min(unit_idf_[a], unit_idf_[b]);
  for (size_t i = 0; i < query.text.terms.size(); ++i) {
    const AnalyzedTerm& term = query.text.terms[i];
    // Bigrams only (ICU's longer words repeat them), in text order.
    if (term.taiwan_phrase && !term.expansion && term.surface != term.term &&
        term.term.size() == 6) {
      taiwan_terms_.push_back(static_cast<uint32_t>(i));
      looked_up_[i] = term_ids_[i];
    }
  }
}

MatchResult Reranker::Score(const ScoredDocument& hit, const MatchProfile& subject,
                            bool subject_is_need) const {
  std::vector<uint32_t> counts;
  index_.TermCounts(hit.profile->id, looked_up_, counts);
  return ScoreWithCounts(hit, subject, subject_is_need, counts);
}

MatchResult Reranker::ScoreWithCounts(const ScoredDocument& hit, const MatchProfile& subject,
                                      bool subject_is_need,
                                      const std::vector<uint32_t>& counts) const {
  const MatchProfile& need = subject_is_need ? subject : *hit.profile;
  const MatchProfile& offering = subject_is_need ? *hit.profile : subject;

  MatchResult result;
  result.need_id = need.id;
  result.offering_id = offering.id;
  // What each query term is worth as found: 1 when the counterpart has it, a bridge's
  // strength when only a bridge from it holds.
  std::vector<double> found(counts.size(), 0.0);
  for (size_t i = 0; i < counts.size(); ++i) found[i] = counts[i] > 0 ? 1.0 : 0.0;
  for (const QueryBridge& bridge : query_.bridges) {
    // A counterpart holds a bridge when it has (most of) the linked wording: all of it, or
    // enough that the rest is likely written a little otherwise (自动导引车 / 自动导引运输车).
    size_t present = 0;
    for (uint32_t t : bridge.to_terms) present += counts[t] > 0 ? 1 : 0;
    if (bridge.to_terms.empty()) continue;
    const double share = static_cast<double>(present) / static_cast<double>(bridge.to_terms.size());
    if (share < kBridgeHoldShare) continue;
    for (uint32_t f : bridge.from_terms) found[f] = std::max(found[f], bridge.strength * share);
    if (std::find(result.bridges.begin(), result.bridges.end(), bridge.bridge) ==
        result.bridges.end()) {
      result.bridges.push_back(bridge.bridge);
    }
  }

  // Taiwan usage read as mainland usage (伺服器 ≈ 服务器): the bigrams found, in text order,
  // joined back where they chain on both sides (伺服 + 服器, 服务 + 务器).
  std::vector<Bridge> taiwan;
  for (uint32_t t : taiwan_terms_) {
    if (counts[t] == 0) continue;
    const AnalyzedTerm& term = query_.text.terms[t];
    const std::string from_first = FirstChar(term.surface), to_first = FirstChar(term.term);
    if (!taiwan.empty() && EndsWithChar(taiwan.back().from, from_first) &&
        EndsWithChar(taiwan.back().to, to_first)) {
      taiwan.back().from += term.surface.substr(from_first.size());
      taiwan.back().to += term.term.substr(to_first.size());
    } else {
      taiwan.push_back({term.surface, term.term, BridgeSource::kTaiwanPhrase, ""});
    }
  }
  for (Bridge& bridge : taiwan) {
    bool shown = false;
    for (const Bridge& known : result.bridges) shown = shown || known.from == bridge.from;
    if (!shown) result.bridges.push_back(std::move(bridge));
  }

  double coverage = 0, proximity = 0, ruled_out = 0;
  std::vector<double> unit_found(query_.units.size(), 0.0);
  for (size_t u = 0; u < query_.units.size(); ++u) {
    const MatchQuery::Unit& unit = query_.units[u];
    for (uint32_t t : unit.terms) unit_found[u] += found[t];
    unit_found[u] /= static_cast<double>(unit.terms.size());
    coverage += unit.weight * unit_idf_[u] * unit_found[u];
  }
  if (ask_total_ > 0) coverage /= ask_total_;
  if (pair_total_ > 0) {
    for (const auto& [a, b] : query_.adjacent) {
      proximity += std::min(unit_idf_[a], unit_idf_[b]) * unit_found[a] * unit_found[b];
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
  std::vector<const MatchProfile*> docs;
  for (const ScoredDocument& hit : hits) docs.push_back(hit.profile);
  std::vector<std::vector<uint32_t>> counts;
  index_.TermCounts(docs, looked_up_, counts);
  std::vector<Ranked> ranked;
  ranked.reserve(hits.size());
  for (size_t h = 0; h < hits.size(); ++h) {
    const ScoredDocument& hit = hits[h];
    ranked.push_back({ScoreWithCounts(hit, subject, subject_is_need, counts[h]), hit.text > 0,
                      &hit.profile->id});
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
