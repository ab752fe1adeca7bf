// The English–Chinese lexicon matching uses to cross languages: a compact file converted at
// build time from CC-CEDICT (tools/cedict_lexicon.mjs), one English term per line with the
// simplified Chinese words it translates, most specific first:
//
//   # comments (licence and attribution)
//   heat pump<TAB>热泵
//   sweet potato<TAB>山芋;白薯;红薯;甘薯;番薯;地瓜
//
// Looked up both ways: English phrases of a text (by stem, so "heat pumps" finds "heat
// pump") to Chinese words, and Chinese words of a text (longest first from the left) to
// English terms. Immutable once built.
#ifndef TECHMATCH_CORE_TEXT_LEXICON_H_
#define TECHMATCH_CORE_TEXT_LEXICON_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/text/phrase_index.h"
#include "core/text/text_analyzer.h"

namespace techmatch {

class Lexicon {
 public:
  // INVALID_ARGUMENT naming `name`:line for a line without exactly one tab or with an empty
  // side.
  static absl::StatusOr<std::shared_ptr<const Lexicon>> Parse(absl::string_view content,
                                                              absl::string_view name);
  // NOT_FOUND when `path` cannot be read.
  static absl::StatusOr<std::shared_ptr<const Lexicon>> Load(const std::string& path);

  struct Translation {
    size_t begin = 0, end = 0;              // Tokens [begin, end) of the text.
    std::vector<const std::string*> words;  // In the other language, most specific first.
  };
  // English terms of `tokens`, longest first from the left, with their Chinese words (at
  // most `limit` each).
  std::vector<Translation> ToChinese(const std::vector<TextToken>& tokens, size_t limit) const;
  // Chinese words of `tokens` (two characters or more), longest first from the left, with
  // their English terms (at most `limit` each).
  std::vector<Translation> ToEnglish(const std::vector<TextToken>& tokens, size_t limit) const;

  // The index terms an English term of the lexicon stands for: its words' stems, without
  // stop words and one-letter words (what TextAnalyzer::Analyze makes of it).
  const std::vector<std::string>& TermsOf(const std::string* english) const;

  size_t english_terms() const { return english_.size(); }
  size_t chinese_words() const { return chinese_.size(); }

 private:
  Lexicon() = default;

  std::vector<std::string> english_;
  std::vector<std::string> chinese_;
  std::vector<std::vector<std::string>> english_terms_;  // Per English term.
  std::vector<std::vector<uint32_t>> chinese_of_;        // Per English term.
  std::vector<std::vector<uint32_t>> english_of_;        // Per Chinese word.
  PhraseIndex english_index_;
  PhraseIndex chinese_index_;
};

}  // namespace techmatch

#endif  // TECHMATCH_CORE_TEXT_LEXICON_H_
