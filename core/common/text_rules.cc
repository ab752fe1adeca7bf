#include "core/common/text_rules.h"

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"

namespace techmatch {
namespace {

// Decodes one code point at `i`, advancing it; nullopt on malformed UTF-8.
std::optional<char32_t> NextCodePoint(absl::string_view s, size_t& i) {
  const unsigned char lead = static_cast<unsigned char>(s[i]);
  int extra;
  char32_t cp;
  if (lead < 0x80) {
    extra = 0;
    cp = lead;
  } else if ((lead & 0xE0) == 0xC0) {
    extra = 1;
    cp = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    extra = 2;
    cp = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    extra = 3;
    cp = lead & 0x07;
  } else
    return std::nullopt;
  if (i + extra >= s.size() && extra > 0) return std::nullopt;  // truncated sequence
  for (int k = 1; k <= extra; ++k) {
    const unsigned char c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) return std::nullopt;
    cp = (cp << 6) | (c & 0x3F);
  }
  static constexpr char32_t kMinForLength[] = {0, 0x80, 0x800, 0x10000};
  if (cp < kMinForLength[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return std::nullopt;
  }
  i += extra + 1;
  return cp;
}

}  // namespace

std::optional<size_t> Utf8Length(absl::string_view text) {
  size_t count = 0;
  for (size_t i = 0; i < text.size();) {
    if (!NextCodePoint(text, i)) return std::nullopt;
    ++count;
  }
  return count;
}

void CheckText(absl::string_view field, absl::string_view text, size_t min_chars, size_t max_chars,
               bool multiline, Violations& violations) {
  size_t count = 0;
  for (size_t i = 0; i < text.size();) {
    std::optional<char32_t> cp = NextCodePoint(text, i);
    if (!cp) {
      violations.Add(std::string(field), "is not valid UTF-8");
      return;
    }
    const bool allowed_space = multiline && (*cp == '\n' || *cp == '\t' || *cp == '\r');
    if ((*cp < 0x20 || *cp == 0x7F) && !allowed_space) {
      violations.Add(std::string(field), "must not contain control characters");
      return;
    }
    ++count;
  }
  if (count < min_chars) {
    violations.Add(std::string(field),
                   min_chars == 1 ? "is required"
                                  : absl::StrCat("must have at least ", min_chars, " characters"));
  } else if (count > max_chars) {
    violations.Add(std::string(field),
                   absl::StrCat("must have at most ", max_chars, " characters, has ", count));
  }
}

void CheckKeywords(absl::string_view field, const std::vector<std::string>& keywords,
                   Violations& violations) {
  if (keywords.size() > kMaxKeywords) {
    violations.Add(std::string(field), absl::StrCat("must have at most ", kMaxKeywords,
                                                    " keywords, has ", keywords.size()));
    return;
  }
  absl::flat_hash_set<absl::string_view> seen;
  for (size_t i = 0; i < keywords.size(); ++i) {
    const std::string item = absl::StrCat(field, "[", i, "]");
    CheckText(item, keywords[i], 1, kMaxKeywordChars, false, violations);
    if (!seen.insert(keywords[i]).second) violations.Add(item, "repeats an earlier keyword");
  }
}

}  // namespace techmatch
