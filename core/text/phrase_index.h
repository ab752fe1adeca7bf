// Known phrases (token sequences) and where they occur in a text: the look-up behind the
// thesaurus and the lexicon. A phrase is keyed by its tokens (TextAnalyzer::Tokens: Han
// characters, English stems) and by where its runs break, so "sweet potatoes" finds the
// phrase "sweet potato" and 釀造 finds 酿造, but a phrase never spans punctuation the phrase
// itself does not have.
#ifndef TECHMATCH_CORE_TEXT_PHRASE_INDEX_H_
#define TECHMATCH_CORE_TEXT_PHRASE_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "core/text/text_analyzer.h"

namespace techmatch {

class PhraseIndex {
 public:
  // Adds `phrase` (its tokens) with `value`; false when it has no tokens. A phrase added
  // twice keeps every value.
  bool Add(const std::vector<TextToken>& phrase, uint32_t value);
  // The same for a phrase given directly as token texts, all in one run.
  bool Add(const std::vector<std::string>& tokens, uint32_t value);

  struct Match {
    size_t begin = 0, end = 0;  // Token indexes [begin, end) of the text.
    const std::vector<uint32_t>* values = nullptr;
  };
  // Every occurrence of every phrase in `tokens`, by start, longer first at the same start.
  std::vector<Match> FindAll(const std::vector<TextToken>& tokens) const;
  // Occurrences not inside a longer one (two that overlap partly are both kept).
  static std::vector<Match> Outermost(std::vector<Match> matches);
  // Greedy longest match from the left: at each token the longest phrase starting there,
  // then on after it.
  static std::vector<Match> LeftmostLongest(const std::vector<Match>& matches);

  size_t size() const { return phrases_.size(); }

 private:
  absl::flat_hash_map<std::string, std::vector<uint32_t>> phrases_;
  absl::flat_hash_set<std::string> first_tokens_;
  size_t max_tokens_ = 0;
};

}  // namespace techmatch

#endif  // TECHMATCH_CORE_TEXT_PHRASE_INDEX_H_
