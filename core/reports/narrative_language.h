// The languages report narratives are written in, and how a request names them.
#ifndef TECHMATCH_CORE_REPORTS_NARRATIVE_LANGUAGE_H_
#define TECHMATCH_CORE_REPORTS_NARRATIVE_LANGUAGE_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace techmatch {

enum class NarrativeLanguage { kSimplifiedChinese, kTraditionalChinese, kEnglish };

// `zh-Hans` (also the default for empty, and `zh-CN`, `zh-SG`), `zh-Hant` (also `zh-TW`,
// `zh-HK`, `zh-MO`) or `en` (also `en-*`), case-insensitive; INVALID_ARGUMENT on
// "language_code" otherwise.
absl::StatusOr<NarrativeLanguage> ParseNarrativeLanguage(absl::string_view code);
// The canonical code: "zh-Hans", "zh-Hant" or "en".
absl::string_view NarrativeLanguageCode(NarrativeLanguage language);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_REPORTS_NARRATIVE_LANGUAGE_H_
