// Chinese text written in one script: Simplified (t2s) or Traditional (s2t), by OpenCC. For
// text shown to people (a narrative that names organizations), not for matching, which folds
// scripts itself (core/text/text_analyzer.h).
#ifndef TECHMATCH_CORE_TEXT_CHINESE_SCRIPT_H_
#define TECHMATCH_CORE_TEXT_CHINESE_SCRIPT_H_

#include <string>

#include "absl/strings/string_view.h"

namespace techmatch {

// `text` in Simplified characters (四川大學 → 四川大学); unchanged when OpenCC is unavailable.
std::string ToSimplifiedScript(absl::string_view text);
// `text` in Traditional characters (四川大学 → 四川大學); unchanged when OpenCC is unavailable.
std::string ToTraditionalScript(absl::string_view text);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_TEXT_CHINESE_SCRIPT_H_
