// The non-text ranking signals and their fixed weights.
//
//   first stage:  0.80·text + 0.08·industry + 0.05·maturity + 0.03·price
//                 + 0.03·cooperation_mode + 0.01·event
//
// Every signal is 0..1, so the score is 0..1. This is what the index (InvertedIndex::TopK)
// ranks and prunes by to pick the candidates; their final score replaces `text` with the
// reranker's text-derived signals, which share the same 0.80 (reranker.h), and keeps the
// non-text signals and weights below. Text dominates: the other signals order candidates whose
// texts fit about equally, and an absent constraint (no minimum TRL, no budget, no modes
// listed) never counts against a pair. The non-text signals together can move a pair by at
// most 0.20: on the labelled set (tests/data/matching) the expert's pick leads the best other
// offering by 0.09–0.40 of weighted text (at a 0.70 text weight), the smallest margins for
// needs written in English with a few Chinese keywords; with the non-text share at 0.30, a
// same-industry distractor with a better TRL, price and mode fit could overtake it.
#ifndef TECHMATCH_CORE_MATCHING_MATCH_SIGNALS_H_
#define TECHMATCH_CORE_MATCHING_MATCH_SIGNALS_H_

#include <string>
#include <vector>

#include "core/matching/match_profile.h"

namespace techmatch {

inline constexpr double kTextWeight = 0.80;
inline constexpr double kIndustryWeight = 0.08;
inline constexpr double kMaturityWeight = 0.05;
inline constexpr double kPriceWeight = 0.03;
inline constexpr double kCooperationModeWeight = 0.03;
inline constexpr double kEventWeight = 0.01;
// The most the non-text signals can add: bounds pruning in the index.
inline constexpr double kNonTextWeight =
    kIndustryWeight + kMaturityWeight + kPriceWeight + kCooperationModeWeight + kEventWeight;

struct Signal {
  std::string name;
  double value = 0;
  double weight = 0;
  double contribution() const { return value * weight; }
};

// 1 when both primaries agree; 2/3 when one's primary is among the other's industries;
// 1/3 for any other shared industry; 0 when none is shared.
double IndustrySignal(const MatchProfile& need, const MatchProfile& offering);
// 1 when the offering's TRL meets the need's minimum (or there is none); 1/3 less per level
// short.
double MaturitySignal(const MatchProfile& need, const MatchProfile& offering);
// 1 when the asking price fits the budget (or either is unknown); falls to 0 as the price
// reaches twice the budget.
double PriceSignal(const MatchProfile& need, const MatchProfile& offering);
// 1 when a cooperation mode is shared (or either lists none), else 0.
double CooperationModeSignal(const MatchProfile& need, const MatchProfile& offering);
// 1 when both are registered for a common event, else 0.
double EventSignal(const MatchProfile& need, const MatchProfile& offering);

// Every signal, text first, with `text` (0..1) as the text relevance.
std::vector<Signal> AllSignals(double text, const MatchProfile& need, const MatchProfile& offering);
// The weighted sum of the non-text signals.
double NonTextScore(const MatchProfile& need, const MatchProfile& offering);
// Industry codes both share, the need's order (so its primary comes first).
std::vector<std::string> SharedIndustries(const MatchProfile& need, const MatchProfile& offering);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_MATCHING_MATCH_SIGNALS_H_
