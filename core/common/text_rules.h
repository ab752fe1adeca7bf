// Rules every human-written text field follows: length in characters, no control characters.
#ifndef TECHMATCH_CORE_COMMON_TEXT_RULES_H_
#define TECHMATCH_CORE_COMMON_TEXT_RULES_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "core/common/field_violations.h"

namespace techmatch {

inline constexpr size_t kMaxTitleChars = 200;
inline constexpr size_t kMaxDescriptionChars = 20000;
inline constexpr size_t kMaxKeywordChars = 50;
inline constexpr size_t kMaxKeywords = 50;

// Number of Unicode code points, or nullopt when `text` is not valid UTF-8.
std::optional<size_t> Utf8Length(absl::string_view text);

// True when every character of `text` is a space, a zero-width
// character or a BOM (an empty text is blank too).
bool IsBlankText(absl::string_view text);

// Adds a violation under `field` unless `text` is valid UTF-8 of `min_chars`..`max_chars`
// code points without control characters (tab and newline allowed when `multiline`), without
// bidirectional overrides or isolates (U+202A–U+202E, U+2066–U+2069), and, when not empty, not
// blank (IsBlankText: only spaces, zero-width characters or a BOM).
void CheckText(absl::string_view field, absl::string_view text, size_t min_chars, size_t max_chars,
               bool multiline, Violations& violations);

// Each keyword 1..kMaxKeywordChars, at most kMaxKeywords of them, no duplicates.
void CheckKeywords(absl::string_view field, const std::vector<std::string>& keywords,
                   Violations& violations);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_COMMON_TEXT_RULES_H_
