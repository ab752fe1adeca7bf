#include "core/matching/match_signals.h"

#include <algorithm>

namespace techmatch {
namespace {

bool Contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

double IndustrySignal(const MatchProfile& need, const MatchProfile& offering) {
  const auto& a = need.industry_codes;
  const auto& b = offering.industry_codes;
  if (a.empty() || b.empty()) return 0;
  if (a.front() == b.front()) return 1.0;
  if (Contains(b, a.front()) || Contains(a, b.front())) return 2.0 / 3.0;
  for (const std::string& code : a) {
    if (Contains(b, code)) return 1.0 / 3.0;
  }
  return 0;
}

double MaturitySignal(const MatchProfile& need, const MatchProfile& offering) {
  if (need.trl <= 0 || offering.trl >= need.trl) return 1.0;
  return std::max(0.0, 1.0 - (need.trl - offering.trl) / 3.0);
}

double PriceSignal(const MatchProfile& need, const MatchProfile& offering) {
  if (!need.amount_minor || !offering.amount_minor) return 1.0;
  const double budget = static_cast<double>(*need.amount_minor);
  const double price = static_cast<double>(*offering.amount_minor);
  if (price <= budget) return 1.0;
  if (budget <= 0) return 0;
  return std::max(0.0, 1.0 - (price - budget) / budget);
}

double CooperationModeSignal(const MatchProfile& need, const MatchProfile& offering) {
  if (need.cooperation_modes == 0 || offering.cooperation_modes == 0) return 1.0;
  return (need.cooperation_modes & offering.cooperation_modes) != 0 ? 1.0 : 0.0;
}

double EventSignal(const MatchProfile& need, const MatchProfile& offering) {
  for (const std::string& event : need.event_ids) {
    if (Contains(offering.event_ids, event)) return 1.0;
  }
  return 0;
}

std::vector<Signal> AllSignals(double text, const MatchProfile& need,
                               const MatchProfile& offering) {
  return {
      {"text", text, kTextWeight},
      {"industry", IndustrySignal(need, offering), kIndustryWeight},
      {"maturity", MaturitySignal(need, offering), kMaturityWeight},
      {"price", PriceSignal(need, offering), kPriceWeight},
      {"cooperation_mode", CooperationModeSignal(need, offering), kCooperationModeWeight},
      {"event", EventSignal(need, offering), kEventWeight},
  };
}

double NonTextScore(const MatchProfile& need, const MatchProfile& offering) {
  return kIndustryWeight * IndustrySignal(need, offering) +
         kMaturityWeight * MaturitySignal(need, offering) +
         kPriceWeight * PriceSignal(need, offering) +
         kCooperationModeWeight * CooperationModeSignal(need, offering) +
         kEventWeight * EventSignal(need, offering);
}

std::vector<std::string> SharedIndustries(const MatchProfile& need, const MatchProfile& offering) {
  std::vector<std::string> shared;
  for (const std::string& code : need.industry_codes) {
    if (Contains(offering.industry_codes, code)) shared.push_back(code);
  }
  return shared;
}

}  // namespace techmatch
