// Text analysis shared by indexing, search and matching.
//
// A text becomes a bag of terms:
//   1. Unicode NFKC with case folding (ICU): full-width ＰＬＣ → plc, Fermentation → fermentation;
//   2. Traditional → Simplified (OpenCC t2s): 纖維素 → 纤维素, 釀造 → 酿造;
//   3. runs of Han characters → overlapping character bigrams (白酒 inside 浓香型白酒 is found),
//      plus ICU dictionary words of three or more characters (浓香型), plus the character
//      itself for a one-character run;
//   4. runs of letters and digits → words, stemmed (English, see english_stemmer.h: fibres,
//      fibre and fiber are all "fiber"); words joined by '-', '/' or '.' are also kept whole,
//      so a model number like PLC-200 stays findable as one term;
//   5. a short stop-word list for both languages;
//   6. a text written in Traditional characters also gets the terms of its Taiwan phrases in
//      mainland usage (OpenCC tw2sp: 伺服器 → 服务器, 記憶體 → 内存).
// Each term keeps the surface form a person wrote (first occurrence), for explanations.
#ifndef TECHMATCH_CORE_TEXT_TEXT_ANALYZER_H_
#define TECHMATCH_CORE_TEXT_TEXT_ANALYZER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace techmatch {

struct AnalyzedTerm {
  std::string term;     // Normalized: Simplified, case-folded, NFKC, English words stemmed.
  std::string surface;  // As written, first occurrence (e.g. 釀造 for the term 酿造).
  int count = 0;        // Occurrences in the text.
  // As a query term: a multiplier of its BM25 weight (query understanding and expansion set
  // it; 0 leaves the term out). Ignored for indexed documents.
  double weight = 1.0;
  // Only in the Taiwan-phrase conversion of a Traditional text (服务器 for 伺服器).
  bool taiwan_phrase = false;
  // As a query term: added by query expansion, not written by the query's author, so not
  // part of the query's score against itself.
  bool expansion = false;
};

struct AnalyzedText {
  std::vector<AnalyzedTerm> terms;  // One entry per distinct term, in first-occurrence order.
  int length = 0;                   // Total occurrences: the document length for BM25.
};

// A phrase two texts share, as each wrote it (釀造 / 酿造).
struct SharedPhrase {
  std::string text;              // As written in the first text.
  std::string counterpart_text;  // As written in the second text when written otherwise.
};

// A text prepared for SharedPhrases (opaque; see PrepareForPhrases).
struct PhraseText;

// A word of a text as a reader would count it (for query understanding): an ICU dictionary
// word of a Han run (a stretch of characters ICU leaves single is taken as one word), or an
// English word.
struct TextWord {
  std::string text;                // Normalized (Simplified, case folded, stemmed).
  std::vector<std::string> terms;  // Its Han bigrams, or its stem: terms Analyze produces.
  uint32_t run = 0;                // Words of one run follow each other without punctuation.
};

// One token of a text for phrase look-ups (thesaurus, lexicon): a Han character or a word's
// stem, normalized as terms are.
struct TextToken {
  std::string text;
  bool han = false;
  uint32_t begin = 0, end = 0;  // Bytes of the original text.
  // Tokens of one run follow each other with nothing but white space or a joiner between
  // them (punctuation starts a new run): a phrase never spans two runs.
  uint32_t run = 0;
};

class TextAnalyzer {
 public:
  // Loads ICU's word-break rules and OpenCC's t2s and tw2sp tables; fails when they are not
  // installed.
  static absl::StatusOr<std::shared_ptr<const TextAnalyzer>> Create();

  // Thread-safe; per-thread ICU and OpenCC state is created on first use.
  AnalyzedText Analyze(absl::string_view text) const;

  // Whether an English word (lower case, as written) is a stop word that never becomes a term.
  static bool IsEnglishStopWord(absl::string_view word);

  // `text` normalized as terms are, before splitting: NFKC, case folded, Simplified.
  std::string NormalizedText(absl::string_view text) const;

  // The words of `text` in order that have terms (see TextWord).
  std::vector<TextWord> Words(absl::string_view text) const;

  // The tokens of `text` in order (for phrase look-ups; see TextToken).
  std::vector<TextToken> Tokens(absl::string_view text) const;

  // The phrases `text` shares with `counterpart`, longest first, at most `limit`: adjacent
  // shared bigrams are joined back into the phrase a person wrote (白酒 + 酒窖 + 窖池 →
  // 白酒窖池), and shared words are kept as words. For explanations.
  std::vector<SharedPhrase> SharedPhrases(absl::string_view text, absl::string_view counterpart,
                                          size_t limit) const;

  // The same with both texts prepared beforehand, for one text compared with many (a ranked
  // list explains each match against the asking record; a live match watch every stored
  // record against its subject). The two sides need different things: `text`, whose phrases
  // are quoted, only its normalized characters; `counterpart` also its terms, looked up for
  // every candidate phrase. `analyzed`, when given, must be Analyze(counterpart) and spares
  // computing them.
  std::shared_ptr<const PhraseText> PrepareForPhrases(absl::string_view text) const;
  std::shared_ptr<const PhraseText> PrepareCounterpartForPhrases(
      absl::string_view counterpart, const AnalyzedText* analyzed = nullptr) const;
  std::vector<SharedPhrase> SharedPhrases(const PhraseText& text, const PhraseText& counterpart,
                                          size_t limit) const;

 private:
  TextAnalyzer() = default;
};

}  // namespace techmatch

#endif  // TECHMATCH_CORE_TEXT_TEXT_ANALYZER_H_
