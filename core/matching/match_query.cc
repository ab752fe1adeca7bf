#include "core/matching/match_query.h"

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "core/matching/query_understanding.h"

namespace techmatch {
namespace {

bool InAsk(TextRole role, bool ask_found) {
  switch (role) {
    case TextRole::kTitle:
    case TextRole::kKeywords:
    case TextRole::kAsk:
    case TextRole::kContext:
      return true;
    case TextRole::kBackground:
      return !ask_found;
    case TextRole::kRuledOut:
      return false;
  }
  return false;
}

// The words of an ask part as units, and the pairs of units next to each other.
void AddUnits(const TextAnalyzer& analyzer, const TextPart& part,
              absl::flat_hash_map<std::string, uint32_t>& unit_index, MatchQuery& query) {
  int32_t previous = -1;
  uint32_t previous_run = 0;
  for (const TextWord& word : analyzer.Words(part.text)) {
    MatchQuery::Unit unit;
    for (const std::string& term : word.terms) {
      const int32_t at = query.Find(term);
      if (at >= 0) unit.terms.push_back(static_cast<uint32_t>(at));
    }
    if (unit.terms.empty()) {
      previous = -1;
      continue;
    }
    auto [it, inserted] = unit_index.try_emplace(word.text, query.units.size());
    if (inserted) {
      unit.weight = part.weight;
      query.units.push_back(std::move(unit));
    } else {
      query.units[it->second].weight = std::max(query.units[it->second].weight, part.weight);
    }
    const auto current = static_cast<int32_t>(it->second);
    if (previous >= 0 && previous_run == word.run && previous != current) {
      query.adjacent.emplace_back(static_cast<uint32_t>(previous), static_cast<uint32_t>(current));
    }
    previous = current;
    previous_run = word.run;
  }
}

void SortPairs(MatchQuery& query) {
  std::sort(query.adjacent.begin(), query.adjacent.end());
  query.adjacent.erase(std::unique(query.adjacent.begin(), query.adjacent.end()),
                       query.adjacent.end());
}

}  // namespace

int32_t MatchQuery::Find(const std::string& term) const {
  auto it = term_index.find(term);
  return it == term_index.end() ? -1 : static_cast<int32_t>(it->second);
}

uint32_t MatchQuery::AddTerm(AnalyzedTerm term, const QueryTermInfo& term_info) {
  const int32_t existing = Find(term.term);
  if (existing >= 0) {
    AnalyzedTerm& known = text.terms[existing];
    QueryTermInfo& known_info = info[existing];
    known.weight = std::max(known.weight, term.weight);
    known_info.ask_weight = std::max(known_info.ask_weight, term_info.ask_weight);
    known_info.ruled_out = known_info.ruled_out && term_info.ruled_out;
    return static_cast<uint32_t>(existing);
  }
  const auto at = static_cast<uint32_t>(text.terms.size());
  term_index.emplace(term.term, at);
  text.length += term.count;
  text.terms.push_back(std::move(term));
  info.push_back(term_info);
  return at;
}

MatchQuery BuildMatchQuery(const TextAnalyzer& analyzer, const Listing& listing, bool is_need) {
  MatchQuery query;
  query.is_need = is_need;
  query.industry_codes = listing.industry_codes;
  const ListingReading reading = ReadListing(analyzer, listing, is_need);
  query.ask_found = reading.ask_found;
  absl::flat_hash_map<std::string, uint32_t>& index = query.term_index;
  for (const TextPart& part : reading.parts) {
    const bool ask = InAsk(part.role, reading.ask_found);
    const bool ruled_out = part.role == TextRole::kRuledOut;
    for (AnalyzedTerm& term : analyzer.Analyze(part.text).terms) {
      auto [it, inserted] = index.try_emplace(term.term, query.text.terms.size());
      if (inserted) {
        term.weight = part.weight;
        query.text.terms.push_back(std::move(term));
        query.info.push_back({ask ? part.weight : 0.0, ruled_out, false});
        if (ruled_out) query.text.terms.back().count = 0;
      } else {
        AnalyzedTerm& known = query.text.terms[it->second];
        QueryTermInfo& info = query.info[it->second];
        known.weight = std::max(known.weight, part.weight);
        if (ask) info.ask_weight = std::max(info.ask_weight, part.weight);
        info.ruled_out = info.ruled_out && ruled_out;
        if (!ruled_out) known.count += term.count;
        known.taiwan_phrase = known.taiwan_phrase && term.taiwan_phrase;
        continue;
      }
    }
  }
  // A ruled-out term keeps a count of one for the reranker's look-up; its weight is 0.
  for (AnalyzedTerm& term : query.text.terms) {
    term.count = std::max(term.count, 1);
    query.text.length += term.count;
  }
  absl::flat_hash_map<std::string, uint32_t> unit_index;
  for (const TextPart& part : reading.parts) {
    if (InAsk(part.role, reading.ask_found)) AddUnits(analyzer, part, unit_index, query);
  }
  SortPairs(query);
  query.parts = reading.parts;
  return query;
}

MatchQuery BuildTextQuery(const TextAnalyzer& analyzer, absl::string_view text) {
  MatchQuery query;
  query.is_need = false;
  query.text = analyzer.Analyze(text);
  query.info.assign(query.text.terms.size(), QueryTermInfo{1.0, false, false});
  for (size_t i = 0; i < query.text.terms.size(); ++i) {
    query.term_index.emplace(query.text.terms[i].term, static_cast<uint32_t>(i));
  }
  query.parts.push_back({std::string(text), TextRole::kAsk, 1.0});
  absl::flat_hash_map<std::string, uint32_t> unit_index;
  AddUnits(analyzer, query.parts.back(), unit_index, query);
  SortPairs(query);
  return query;
}

}  // namespace techmatch
