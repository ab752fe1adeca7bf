// Wording shared by the report narratives (event_narrative.h, programme_narrative.h): names in
// the narrative's script, English counts and lists, Chinese numerals and percentages.
#ifndef TECHMATCH_CORE_REPORTS_NARRATIVE_WORDING_H_
#define TECHMATCH_CORE_REPORTS_NARRATIVE_WORDING_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "core/money/money_text.h"

namespace techmatch {

// A stored name (written in either script) in the narrative's script.
std::string InScript(absl::string_view name, ChineseScript script);

// "1 university", "3 universities".
std::string Counted(int64_t n, absl::string_view one, absl::string_view many);

// "a", "a and b", "a, b and c".
std::string EnglishList(const std::vector<std::string>& items);

// `text` with its first letter in upper case.
std::string Capitalized(std::string text);

// A count in Chinese numerals as officials write small counts (举办三场, 两场): 0–99 as 零,
// 一, 两 (兩 in Traditional script) … 十, 十一 … 九十九; larger counts in Arabic digits
// (officials write 120, not 一百二十).
std::string ChineseNumeral(int64_t n, ChineseScript script);

// Basis points as a percentage with at most two decimals and no trailing zeros, exactly (no
// rounding: 10000 is "100%", 12345 is "123.45%", 4170 is "41.7%"); negative with a minus.
std::string PercentText(int64_t bp);

// A change in basis points (a multiple of 10) as a percentage with one decimal and no sign:
// 4170 and -4170 are "41.7%", 4000 is "40.0%".
std::string ChangePercentText(int64_t bp);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_REPORTS_NARRATIVE_WORDING_H_
