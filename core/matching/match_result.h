// One ranked need–offering pair, as the matching engine returns it (MatchNeed, MatchOffering,
// match watches).
#ifndef TECHMATCH_CORE_MATCHING_MATCH_RESULT_H_
#define TECHMATCH_CORE_MATCHING_MATCH_RESULT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/matching/match_signals.h"
#include "core/text/text_analyzer.h"

namespace techmatch {

// Shared phrases in one match's explanation: enough to explain it at a glance.
inline constexpr size_t kMaxExplainedPhrases = 12;

// Where a bridge between two vocabularies comes from.
enum class BridgeSource {
  kThesaurus,     // The domain thesaurus (data/thesaurus).
  kLexicon,       // The CC-CEDICT English–Chinese lexicon.
  kTaiwanPhrase,  // OpenCC's Taiwan-to-mainland phrases (伺服器 / 服务器).
};

// A link the match used between words the two sides wrote differently. (Words that share an
// English stem are not bridges: they are the same term, and the explanation's shared terms
// quote each side's spelling, fibre / fibers.)
struct Bridge {
  std::string from;  // As the querying side wrote it.
  std::string to;    // The counterpart's wording.
  BridgeSource source = BridgeSource::kThesaurus;
  std::string detail;  // The thesaurus kind (synonym, problem...), when from the thesaurus.
  bool operator==(const Bridge&) const = default;
};

// "SNCR ≈ 选择性非催化还原 (thesaurus)", "degumming ≈ 脱胶 (CC-CEDICT)", for a symptom→technique
// link "颤振 → 减振刀柄 (thesaurus: problem)".
std::string BridgeText(const Bridge& bridge);

// Everything an explanation needs. The shared phrases need both texts (see
// TextAnalyzer::SharedPhrases): ranked lists leave them to the caller, which reads the texts of
// the few pairs it shows; a match watch computes them as it scores, since it has both texts at
// hand then. A free-text watch leaves the side it has no record for empty.
struct MatchResult {
  std::string need_id;
  std::string offering_id;
  double score = 0;
  std::vector<Signal> signals;                 // Text first; contributions add up to score.
  std::vector<std::string> shared_industries;  // Codes, the need's primary first.
  // The bridges the counterpart holds (its text has the linked wording), strongest first.
  std::vector<Bridge> bridges;
  std::optional<std::vector<SharedPhrase>> shared_phrases;  // Set by match watches.
  // The counterpart's title as stored with the change a match watch scored (so the stream
  // handler reads nothing back). Set by match watches.
  std::optional<std::string> counterpart_title;
};

}  // namespace techmatch

#endif  // TECHMATCH_CORE_MATCHING_MATCH_RESULT_H_
