#include "core/text/phrase_index.h"

#include <algorithm>

namespace techmatch {
namespace {

// Between two tokens of a key: the same run, or a break.
constexpr char kSameRun = '\x1f';
constexpr char kNewRun = '\x1e';

}  // namespace

bool PhraseIndex::Add(const std::vector<TextToken>& phrase, uint32_t value) {
  if (phrase.empty()) return false;
  std::string key = phrase[0].text;
  for (size_t i = 1; i < phrase.size(); ++i) {
    key += phrase[i].run == phrase[i - 1].run ? kSameRun : kNewRun;
    key += phrase[i].text;
  }
  first_tokens_.insert(phrase[0].text);
  max_tokens_ = std::max(max_tokens_, phrase.size());
  std::vector<uint32_t>& values = phrases_[key];
  if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
  return true;
}

bool PhraseIndex::Add(const std::vector<std::string>& tokens, uint32_t value) {
  std::vector<TextToken> phrase;
  for (const std::string& token : tokens) phrase.push_back({token, false, 0, 0, 0});
  return Add(phrase, value);
}

std::vector<PhraseIndex::Match> PhraseIndex::FindAll(const std::vector<TextToken>& tokens) const {
  std::vector<Match> matches;
  std::string key;
  for (size_t begin = 0; begin < tokens.size(); ++begin) {
    if (!first_tokens_.contains(tokens[begin].text)) continue;
    const size_t first_match = matches.size();
    key = tokens[begin].text;
    for (size_t end = begin + 1;; ++end) {
      if (auto it = phrases_.find(key); it != phrases_.end()) {
        matches.push_back({begin, end, &it->second});
      }
      if (end == tokens.size() || end - begin == max_tokens_) break;
      key += tokens[end].run == tokens[end - 1].run ? kSameRun : kNewRun;
      key += tokens[end].text;
    }
    std::reverse(matches.begin() + static_cast<ptrdiff_t>(first_match), matches.end());
  }
  return matches;
}

std::vector<PhraseIndex::Match> PhraseIndex::Outermost(std::vector<Match> matches) {
  // By start, longer first: a match lies inside a longer one exactly when an earlier match
  // reaches at least as far.
  std::vector<Match> kept;
  size_t reach = 0;
  for (const Match& match : matches) {
    if (match.end <= reach) continue;
    kept.push_back(match);
    reach = match.end;
  }
  return kept;
}

std::vector<PhraseIndex::Match> PhraseIndex::LeftmostLongest(const std::vector<Match>& matches) {
  std::vector<Match> kept;
  size_t next = 0;
  for (const Match& match : matches) {
    if (match.begin < next) continue;
    kept.push_back(match);  // The first at its start is the longest.
    next = match.end;
  }
  return kept;
}

}  // namespace techmatch
