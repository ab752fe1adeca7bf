#include "core/common/text_rules.h"

#include "absl/strings/str_cat.h"
#include "core/common/list_rules.h"

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

namespace {

bool IsBidiControl(char32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

bool IsBlankOrInvisible(char32_t cp) {
  switch (cp) {
    case 0x09:
    case 0x0A:
    case 0x0B:
    case 0x0C:
    case 0x0D:
    case 0x20:
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x180E:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
    case 0x00AD:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A;  // the typographic spaces
  }
}

}  // namespace

bool IsBlankText(absl::string_view text) {
  for (size_t i = 0; i < text.size();) {
    std::optional<char32_t> cp = NextCodePoint(text, i);
    if (!cp || !IsBlankOrInvisible(*cp)) return false;
  }
  return true;
}

void CheckText(absl::string_view field, absl::string_view text, size_t min_chars, size_t max_chars,
               bool multiline, Violations& violations) {
  size_t count = 0;
  bool blank = true;
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
    // Text shown to people must read as it is stored: no right-to-left overrides or isolates
    // that reorder what a reader sees.
    if (IsBidiControl(*cp)) {
      violations.Add(std::string(field),
                     "must not contain bidirectional override or isolate characters "
                     "(U+202A–U+202E, U+2066–U+2069)");
      return;
    }
    blank = blank && IsBlankOrInvisible(*cp);
    ++count;
  }
  if (count > 0 && blank) {
    violations.Add(std::string(field),
                   "must not be blank (only spaces, zero-width characters or a BOM)");
    return;
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
  if (!CheckListEntries(field, keywords, kMaxKeywords, violations)) return;
  for (size_t i = 0; i < keywords.size(); ++i) {
    CheckText(absl::StrCat(field, "[", i, "]"), keywords[i], 1, kMaxKeywordChars, false,
              violations);
  }
}

}  // namespace techmatch
