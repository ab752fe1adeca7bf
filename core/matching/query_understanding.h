// What a listing asks for, read from its text before it is matched: the title and keywords,
// the sentences that state the ask (希望/需要/寻求/急需/拟/亟待…, "we need", "we are looking
// for", "seeking"…), the background around them, and the clauses that say what was already
// tried or ruled out (已尝试/试过/更换过…无效/效果不明显/排除/不考虑, "already tried", "no effect",
// "ruled out"…).
//
// Each part gets a weight for its terms: title, keywords and ask sentences count fully; the
// sentence just before an ask (where the problem is usually stated) a little less; the rest
// of the description fully when no ask sentence was found (the whole text is the ask) and
// less the longer it is otherwise (a page of company history must not outweigh the one
// sentence that asks); ruled-out clauses not at all, so what the writer excluded is never
// evidence for a counterpart (the reranker even counts it against one, see reranker.h).
#ifndef TECHMATCH_CORE_MATCHING_QUERY_UNDERSTANDING_H_
#define TECHMATCH_CORE_MATCHING_QUERY_UNDERSTANDING_H_

#include <string>
#include <vector>

#include "core/listings/listing.h"
#include "core/text/text_analyzer.h"

namespace techmatch {

enum class TextRole {
  kTitle,
  kKeywords,
  kAsk,         // A sentence stating what is wanted.
  kContext,     // The sentence before an ask.
  kBackground,  // Anything else of the description.
  kRuledOut,    // A clause saying what was tried or is excluded.
};

const char* TextRoleName(TextRole role);

struct TextPart {
  std::string text;
  TextRole role = TextRole::kBackground;
  double weight = 1.0;  // Multiplies the BM25 weight of the part's terms.
};

struct ListingReading {
  std::vector<TextPart> parts;  // In text order: title, keywords, then the description's.
  bool ask_found = false;
};

// Role weights (see the file comment). The background's weight when an ask was found falls
// with its length: kBackgroundChars characters of background weigh as much as the ask, and
// more of it proportionally less, down to kMinBackgroundWeight.
inline constexpr double kContextWeight = 0.7;
inline constexpr double kBackgroundChars = 120;
inline constexpr double kMinBackgroundWeight = 0.2;

// Reads a listing. `is_need`: asks and ruled-out clauses are looked for only in needs (an
// offering describes what it has; all of its text counts).
ListingReading ReadListing(const TextAnalyzer& analyzer, const Listing& listing, bool is_need);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_MATCHING_QUERY_UNDERSTANDING_H_
