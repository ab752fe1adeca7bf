#include "core/reports/narrative_language.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "core/common/bounded_text.h"
#include "core/common/field_violations.h"

namespace techmatch {

absl::StatusOr<NarrativeLanguage> ParseNarrativeLanguage(absl::string_view code) {
  const std::string lower = absl::AsciiStrToLower(code);
  if (lower.empty() || lower == "zh" || lower == "zh-hans" || lower == "zh-cn" ||
      lower == "zh-sg" || absl::StartsWith(lower, "zh-hans-")) {
    return NarrativeLanguage::kSimplifiedChinese;
  }
  if (lower == "zh-hant" || lower == "zh-tw" || lower == "zh-hk" || lower == "zh-mo" ||
      absl::StartsWith(lower, "zh-hant-")) {
    return NarrativeLanguage::kTraditionalChinese;
  }
  if (lower == "en" || absl::StartsWith(lower, "en-")) return NarrativeLanguage::kEnglish;
  return InvalidFieldError("language_code", absl::StrCat("must be zh-Hans, zh-Hant or en, got '",
                                                         BoundedText(code, kMaxEchoBytes), "'"));
}

absl::string_view NarrativeLanguageCode(NarrativeLanguage language) {
  switch (language) {
    case NarrativeLanguage::kSimplifiedChinese:
      return "zh-Hans";
    case NarrativeLanguage::kTraditionalChinese:
      return "zh-Hant";
    case NarrativeLanguage::kEnglish:
      return "en";
  }
  return "zh-Hans";
}

}  // namespace techmatch
