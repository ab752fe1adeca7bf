// Text analysis shared by indexing, search and matching.
//
// A text becomes a bag of terms:
//   1. Unicode NFKC with case folding (ICU): full-width ＰＬＣ → plc, Fermentation → fermentation;
//   2. Traditional → Simplified (OpenCC t2s): 纖維素 → 纤维素, 釀造 → 酿造;
//   3. runs of Han characters → overlapping character bigrams (白酒 inside 浓香型白酒 is found),
//      plus ICU dictionary words of three or more characters (浓香型), plus the character
//      itself for a one-character run;
//   4. runs of letters and digits → words; words joined by '-', '/' or '.' are also kept
//      whole, so a model number like PLC-200 stays findable as one term;
//   5. a short stop-word list for both languages.
// Each term keeps the surface form a person wrote (first occurrence), for explanations.
#ifndef TECHMATCH_CORE_TEXT_TEXT_ANALYZER_H_
#define TECHMATCH_CORE_TEXT_TEXT_ANALYZER_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace techmatch {

struct AnalyzedTerm {
  std::string term;     // Normalized: Simplified, case-folded, NFKC.
  std::string surface;  // As written, first occurrence (e.g. 釀造 for the term 酿造).
  int count = 0;        // Occurrences in the text.
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

class TextAnalyzer {
 public:
  // Loads ICU's word-break rules and OpenCC's t2s tables; fails when they are not installed.
  static absl::StatusOr<std::shared_ptr<const TextAnalyzer>> Create();

  // Thread-safe; per-thread ICU and OpenCC state is created on first use.
  AnalyzedText Analyze(absl::string_view text) const;

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
